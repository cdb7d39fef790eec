import {
  FROM_DIRECTORY,
  directorySourcesText,
  inUnit,
  parseDirectorySources,
  planSync,
  type DirectoryPerson,
  type SheetPerson,
} from '../../src/core/directory-roster';

const TYPES = ['Staff', 'Governor', 'Volunteer', 'Contractor'];
const person = (p: Partial<DirectoryPerson> & { email: string }): DirectoryPerson => ({
  name: 'A Person',
  title: '',
  suspended: false,
  recoveryEmail: '',
  staffType: 'Staff',
  from: '/Staff',
  ...p,
});
const row = (p: Partial<SheetPerson> & { email: string }): SheetPerson => ({
  name: 'A Person',
  role: '',
  staffType: 'Staff',
  personalEmail: '',
  leavingDate: '',
  source: FROM_DIRECTORY,
  ...p,
});

describe('the staff list from the directory', () => {
  it('reads units and groups with a staff type each, and says what to fix', () => {
    const sources = parseDirectorySources(
      '/Staff/ = staff\ngovernors@School.example: Governor; / = Volunteer',
      TYPES,
    );
    expect(sources).toEqual([
      { kind: 'unit', key: '/Staff', staffType: 'Staff' },
      { kind: 'group', key: 'governors@school.example', staffType: 'Governor' },
      { kind: 'unit', key: '/', staffType: 'Volunteer' },
    ]);
    expect(directorySourcesText(sources as never)).toBe(
      '/Staff = Staff\ngovernors@school.example = Governor\n/ = Volunteer',
    );
    expect(parseDirectorySources('/Staff = Pupil', TYPES)).toBe(
      'Units and groups: "Pupil" is not one of the staff types (Staff, Governor, Volunteer, Contractor).',
    );
    expect(parseDirectorySources('Staff = Staff', TYPES)).toMatch(/"Staff" is neither a unit/);
    expect(parseDirectorySources('/Staff', TYPES)).toMatch(/write "\/Staff" as "\/Staff = Staff"/);
    expect(inUnit('/Staff/Science', '/Staff')).toBe(true);
    expect(inUnit('/Staffroom', '/Staff')).toBe(false);
  });

  it('adds joiners, a suspended one only as a new starter with a recovery email, never a former member of staff', () => {
    const plan = planSync(
      [
        person({ email: 'a@s', name: 'Ann', title: 'TA' }),
        person({ email: 'b@s', suspended: true, recoveryEmail: 'b@home' }),
        person({ email: 'c@s', suspended: true }),
        person({ email: 'former@s', suspended: true, recoveryEmail: 'former@home' }),
      ],
      [],
      new Set(['former@s']),
      '2026-10-01',
    );
    expect(plan.add.map((p) => [p.email, p.role, p.personalEmail, p.source])).toEqual([
      ['a@s', 'TA', '', FROM_DIRECTORY],
      ['b@s', '', 'b@home', FROM_DIRECTORY],
    ]);
    expect(plan.unreachable).toEqual(['c@s']);
  });

  it('tells a suspended new starter from a leaver; a row gone from a wholly read directory leaves, a hand-added one only with the directory alone', () => {
    const sheet = [
      row({ email: 'starter@s', personalEmail: 'starter@home' }),
      row({ email: 'old@s', personalEmail: 'old@home' }),
      row({ email: 'staff@s' }),
      row({ email: 'gone@s' }),
      row({ email: 'manual@s', source: '' }),
      row({ email: 'left@s', leavingDate: '2026-01-01' }),
    ];
    const dir = [
      person({ email: 'starter@s', suspended: true }),
      person({ email: 'old@s', suspended: true }),
      person({ email: 'staff@s', suspended: true }),
    ];
    const plan = planSync(dir, sheet, new Set(['old@s']), '2026-10-01');
    const leaving = plan.update.filter((u) => u.cells.leavingDate).map((u) => u.email);
    expect(leaving).toEqual(['old@s', 'staff@s', 'gone@s']);
    const alone = planSync(dir, sheet, new Set(['old@s']), '2026-10-01', { complete: true, alone: true });
    expect(alone.update.filter((u) => u.cells.leavingDate).map((u) => u.email)).toEqual([
      'old@s',
      'staff@s',
      'gone@s',
      'manual@s',
    ]);
    const partial = planSync(dir, sheet, new Set(['old@s']), '2026-10-01', { complete: false, alone: true });
    expect(partial.update.filter((u) => u.cells.leavingDate).map((u) => u.email)).toEqual([
      'old@s',
      'staff@s',
    ]);
  });

  it('applies a new name, job title and staff type, and takes a row over from the sheet', () => {
    const plan = planSync(
      [
        person({
          email: 'a@s',
          name: 'Ann Bello',
          title: 'HLTA',
          staffType: 'Governor',
          from: 'governors@s',
        }),
      ],
      [row({ email: 'a@s', name: 'Ann Smith', role: 'TA', source: '' })],
      new Set(),
      '2026-10-01',
    );
    expect(plan.update).toEqual([
      {
        email: 'a@s',
        cells: { name: 'Ann Bello', role: 'HLTA', staffType: 'Governor', source: FROM_DIRECTORY },
        why: [
          'name Ann Smith → Ann Bello',
          'job title TA → HLTA',
          'staff type Staff → Governor (from governors@s)',
        ],
      },
    ]);
    expect(
      planSync([person({ email: 'a@s' })], [row({ email: 'a@s' })], new Set(), '2026-10-01').update,
    ).toEqual([]);
  });
});
