import { columnIndex, STAFF_HEADERS } from '../../src/core/columns';
import { parseRoster } from '../../src/core/roster';

const col = columnIndex('Staff', [...STAFF_HEADERS], STAFF_HEADERS);
const row = (email: string, name: string, type = 'Staff', personal = ''): string[] => [
  email,
  name,
  'Teacher',
  type,
  personal,
  '',
  '',
];

describe('the Staff sheet roster', () => {
  it('keeps good rows, lower-casing emails and matching staff types case-insensitively', () => {
    const r = parseRoster([row(' A.Teacher@School.example ', 'Ann Teacher', 'governor')], col, [
      'Staff',
      'Governor',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.staff.map((s) => [s.email, s.staffType, s.row])).toEqual([
      ['a.teacher@school.example', 'Governor', 2],
    ]);
  });

  it('reports bad rows by sheet row number and skips only them', () => {
    const r = parseRoster(
      [
        row('ok@school.example', 'Ok Person'),
        row('not an email', 'Bad Email'),
        row('x@school.example', 'Unknown Type', 'Pupil'),
        ['', '', '', '', '', '', ''],
        row('OK@school.example', 'Duplicate'),
        row('y@school.example', ''),
      ],
      col,
      ['Staff', 'Governor'],
    );
    expect(r.staff.map((s) => s.email)).toEqual(['ok@school.example']);
    expect(r.problems).toEqual([
      { row: 3, message: 'Staff row 3: email "not an email" is not a valid address.' },
      { row: 4, message: 'Staff row 4: staff type "Pupil" is not one of Staff, Governor.' },
      { row: 6, message: 'Staff row 6: ok@school.example is already on row 2.' },
      { row: 7, message: 'Staff row 7: the name is empty.' },
    ]);
  });

  it('names the missing header when the Staff sheet lost a column', () => {
    expect(() => columnIndex('Staff', ['Email', 'Name'], STAFF_HEADERS)).toThrow(
      'The Staff sheet is missing the column(s) Role, Staff Type, Personal Email, Start Date, Leaving Date: restore the header row.',
    );
  });

  it('keeps names in any script and refuses control characters and direction overrides', () => {
    const r = parseRoster(
      [
        row('a@school.example', 'Анастасия Ковалёва'),
        row('b@school.example', '李小龍'),
        row('c@school.example', 'Ann\u0007 Lee'),
        row('d@school.example', 'Bob \u202eknarF'),
      ],
      col,
      ['Staff'],
    );
    expect(r.staff.map((s) => s.name)).toEqual(['Анастасия Ковалёва', '李小龍']);
    expect(r.problems).toEqual([
      { row: 4, message: 'Staff row 4: the name cannot be used as it is: it contains a control character.' },
      {
        row: 5,
        message: 'Staff row 5: the name cannot be used as it is: it contains a Unicode direction override.',
      },
    ]);
  });
});
