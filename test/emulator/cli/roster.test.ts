import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../emulator/cli/input-error';
import { loadRoster, readRoster, type RosterFile } from '../../../emulator/cli/roster';

const SAMPLES = join(__dirname, '../../../samples/rosters');
const dir = mkdtempSync(join(tmpdir(), 'aup-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const HEADER = 'Email,Name,Role,Staff Type,Personal Email\n';
const names = (r: RosterFile): string[] => r.rows.map((row) => row.name);
const messages = (r: RosterFile): string[] => r.skipped.map((e) => e.message);

describe('roster fixtures (samples/rosters)', () => {
  it.each([
    ['cyrillic.csv', ['Олена Коваленко', 'Дмитро Савчук', 'Ирина Соколова', 'Божидар Петков', 'Юлія Мороз']],
    [
      'greek.csv',
      ['Ελένη Παπαδάκη', 'Γιώργος Νικολαΐδης', 'Σοφία Καρρά', 'Θανάσης Βλάχος', 'Δέσποινα Αλεξίου'],
    ],
    ['chinese.csv', ['王晓明', '李静', '陈美玲', '張偉', '刘洋']],
    ['welsh.csv', ['Rhodri ap Dafydd', 'Elin Ŵyn Prydderch', 'Llŷr Huws', 'Siân ab Rhys', 'Gwenllïan Tudur']],
    ['lower-case-headers.csv', ['Nia Evans', 'Tomáš Novák', 'Aoife Byrne', 'Ruth Adeyemi']],
    ['semicolon.csv', ['Marie Dubois', 'Jürgen Weiß', 'Inés García', 'Lukas Brandt']],
  ])('%s: everyone goes ahead', (name, expected) => {
    const roster = loadRoster(join(SAMPLES, name));
    expect(names(roster)).toEqual(expected);
    expect(roster.skipped).toEqual([]);
    expect(roster.ignoredColumns).toEqual([]);
  });

  it('the Excel export: BOM, CRLF, extra columns listed, trailing commas and empty rows ignored', () => {
    const roster = loadRoster(join(SAMPLES, 'excel-export.csv'));
    expect(names(roster)).toEqual([
      'Priya Raman',
      'Kwame Mensah',
      'Ferreira, Ana',
      'Helen Brooks',
      'Omar Haddad',
    ]);
    expect(roster.ignoredColumns).toEqual(['UPN', 'Department', 'Mobile']);
    expect(roster.skipped).toEqual([]);
    expect(roster.notes).toEqual([]);
    expect(roster.rows[2]).toEqual({
      email: 'ana.ferreira@school.example',
      name: 'Ferreira, Ana',
      role: 'Teaching Assistant',
      staffType: 'Staff',
      personalEmail: '',
      startDate: '',
      line: 4,
    });
  });

  it('lower-case headers with blank rows: staff types in any case, lines counted as in the file', () => {
    const roster = loadRoster(join(SAMPLES, 'lower-case-headers.csv'));
    expect(roster.rows.map((r) => [r.line, r.staffType])).toEqual([
      [2, 'staff'],
      [4, 'contractor'],
      [5, 'governor'],
      [7, 'volunteer'],
    ]);
  });

  it('semicolons: sniffed from the header, commas inside values kept, and noted', () => {
    const roster = loadRoster(join(SAMPLES, 'semicolon.csv'));
    expect(roster.rows[0]?.role).toBe('Teacher, Year 3');
    expect(roster.rows[3]?.personalEmail).toBe('lukas.brandt@personal.example');
    expect(roster.notes).toEqual([expect.stringMatching(/semicolon\.csv: read as semicolon-separated/)]);
  });
});

describe('loadRoster', () => {
  const csv = `${HEADER}zoe@school.example,Zoë Brontë,Teacher,Staff,\nsiobhan@school.example,Siobhán Ní Bhriain,TA,Governor,\n`;

  it('reads Windows-1252 (noted) and UTF-16LE with a mark', () => {
    const cp1252 = loadRoster(file('ansi.csv', Buffer.from(csv, 'latin1')));
    expect(names(cp1252)).toEqual(['Zoë Brontë', 'Siobhán Ní Bhriain']);
    expect(cp1252.notes).toEqual([expect.stringMatching(/ansi\.csv: read as Windows-1252/)]);
    const utf16 = loadRoster(
      file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])),
    );
    expect(names(utf16)).toEqual(['Zoë Brontë', 'Siobhán Ní Bhriain']);
    expect(utf16.notes).toEqual([]);
  });

  it('refuses UTF-16 without a mark', () => {
    expect(() => loadRoster(file('nobom.csv', Buffer.from(csv, 'utf16le')))).toThrow(
      /nobom\.csv: it holds NUL bytes/,
    );
  });

  it("matches header names in any case and spacing, in any order; tabs and Excel's sep= line", () => {
    const header = 'STAFF_TYPE, e-mail ,Full Name,name,ROLE\n';
    const roster = loadRoster(
      file('odd.csv', `${header}Volunteer,ann@school.example,Ann Lee (Mrs),Ann Lee,Reader\n`),
    );
    expect(roster.rows).toEqual([
      expect.objectContaining({
        email: 'ann@school.example',
        name: 'Ann Lee',
        role: 'Reader',
        staffType: 'Volunteer',
      }),
    ]);
    expect(roster.ignoredColumns).toEqual(['Full Name']);
    const tabs = loadRoster(
      file('tabs.tsv', 'Email\tName\tRole\tStaff Type\nann@school.example\tLee, Ann\tTA\tStaff\n'),
    );
    expect(tabs.rows[0]?.name).toBe('Lee, Ann');
    expect(tabs.notes).toEqual([expect.stringMatching(/read as tab-separated/)]);
    const sep = loadRoster(
      file('sep.csv', 'sep=;\nEmail;Name;Role;Staff Type\nann@school.example;Ann;TA;Staff\n'),
    );
    expect(sep.rows[0]).toMatchObject({ name: 'Ann', line: 3 });
  });

  it('counts a quoted value over two lines from the line it starts on', () => {
    const roster = loadRoster(
      file(
        'multi.csv',
        `${HEADER}a@school.example,Ann,"Teacher\nYear 3",Staff,\nb@school.example,,TA,Staff,\n`,
      ),
    );
    expect(roster.rows[0]?.line).toBe(2);
    expect(messages(roster)).toEqual([expect.stringMatching(/multi\.csv:4: the name is empty\.$/)]);
  });

  it('reports each bad row as FILE:LINE: what to fix, and lets the rest go ahead', () => {
    const long = 'A'.repeat(101);
    const f = file(
      'bad.csv',
      [
        HEADER.trim(),
        'ok@school.example,Ann Ok,TA,Staff,',
        'not-an-email,Bob,TA,Staff,',
        'OK@School.example,Ann Again,TA,Staff,',
        'x@gmail.com,Xan,TA,Staff,',
        'y@school.example,,TA,Staff,',
        'z@school.example,Zed,TA,Pupil,',
        'w@school.example,Evil\u202EName,TA,Staff,',
        'c@school.example,Bell\u0007Ringer,TA,Staff,',
        'v@school.example,---,TA,Staff,',
        'u@school.example,Una,TA,Staff,u@school.example',
        'p@school.example,Pat,TA,Staff,not-an-address',
        `l@school.example,${long},TA,Staff,`,
        't@school.example,Tam,TA,Staff,,extra',
        'head@school.example,Alex,Head,Staff,alex@home.example',
        'ok2@school.example,Ben Ok,TA,staff,',
      ].join('\n'),
    );
    const roster = loadRoster(f, {
      domain: 'school.example',
      staffTypes: ['Staff', 'Governor', 'Volunteer', 'Contractor'],
      active: ['head@school.example'],
    });
    expect(names(roster)).toEqual(['Ann Ok', 'Ben Ok']);
    expect(roster.skipped.every((e) => e instanceof InputError && e.file === f)).toBe(true);
    expect(messages(roster)).toEqual([
      `${f}:3: email "not-an-email" is not a valid address.`,
      `${f}:4: ok@school.example is already on line 2.`,
      `${f}:5: x@gmail.com is not at school.example: staff sign with their school account (a home address goes in Personal Email).`,
      `${f}:6: the name is empty.`,
      `${f}:7: staff type "Pupil" is not one of Staff, Governor, Volunteer, Contractor.`,
      `${f}:8: the name cannot be used as it is: it contains a Unicode direction override.`,
      `${f}:9: the name cannot be used as it is: it contains a control character.`,
      `${f}:10: the name "---" has no letters, so no typed signature could match it.`,
      `${f}:11: the personal email u@school.example is at school.example: a new starter's personal address is outside the school.`,
      `${f}:12: personal email "not-an-address" is not a valid address.`,
      `${f}:13: a name may be at most 100 characters (this one has 101).`,
      `${f}:14: 6 values for 5 columns: put quotes around a value that contains the delimiter ("Smith, Ann").`,
      `${f}:15: head@school.example runs the sign-off in the local run, so needs an active account: leave the Personal Email empty.`,
    ]);
  });

  it.each([
    [
      'no-role.csv',
      'Email,Name\n',
      /no-role\.csv:1: the header needs Email, Name, Role, Staff Type .*; missing Role, Staff Type; found Email, Name\.$/,
    ],
    [
      'twice.csv',
      'Email,Name,Role,Staff Type,EMAIL\n',
      /twice\.csv:1: the header has Email twice \(columns 1 and 5\)/,
    ],
    ['empty.csv', '\n\n', /empty\.csv: the file is empty/],
    ['header-only.csv', HEADER, /header-only\.csv: there is no one under the header/],
    [
      'quote.csv',
      `${HEADER}a@school.example,"Ann,TA,Staff,\n`,
      /quote\.csv:\d+: not valid CSV: Quote Not Closed/,
    ],
    [
      'all-bad.csv',
      `${HEADER}nobody,Ann,TA,Staff,\nb@school.example,,TA,Staff,\n`,
      /all-bad\.csv: no row can be used: all 2 need fixing, the first .*all-bad\.csv:2: email "nobody" is not a valid address\.$/,
    ],
  ])('refuses %s as a whole', (name, content, message) => {
    expect(() => loadRoster(file(name, content))).toThrow(message);
    expect(() => loadRoster(join(dir, name))).toThrow(InputError);
  });

  it('readRoster gives the rows, and throws the first bad row', () => {
    expect(readRoster(join(SAMPLES, 'welsh.csv'))).toHaveLength(5);
    const f = file('one-bad.csv', `${HEADER}a@school.example,Ann,TA,Staff,\nb@school.example,Bo,TA,Pupil,\n`);
    expect(() => readRoster(f)).toThrow(`${f}:3: staff type "Pupil"`);
  });
});
