import { analyseTemplate, fillBlock, parseField, type DocLine } from '../../src/core/template';

const lines = (...texts: string[]): DocLine[] => texts.map((text) => ({ text }));

describe('template analysis', () => {
  it('finds the user and approver blocks with tab-and-underscore fields', () => {
    const a = analyseTemplate(
      lines(
        'Our rules',
        'To be completed by the user',
        'I have read and agree to this policy and will follow it at all times.',
        'Signature:\t\t\t____________',
        'Name:\t\t\t\t____________',
        'Role:\t\t\t\t____________',
        'Date: \t\t\t\t____________',
        'I approve this user to be allocated credentials for school systems',
        'Signature:\t\t____________',
        'Name:\t\t____________',
        'Role:\t\t____________',
        'Date:\t\t____________',
      ),
    );
    expect(a.user?.fields.map((f) => [f.key, f.line, f.filled])).toEqual([
      ['signature', 3, false],
      ['name', 4, false],
      ['role', 5, false],
      ['date', 6, false],
    ]);
    expect(a.approver?.fields.map((f) => f.key)).toEqual(['signature', 'name', 'role', 'date']);
    expect(a.agreement).toBe('I have read and agree to this policy and will follow it at all times.');
    expect(a.problems).toEqual([]);
  });

  it('recognises approver fields that already hold a sample name and date as filled', () => {
    const a = analyseTemplate(
      lines(
        'To be completed by the user',
        'Signature: ____',
        'Name: ____',
        'I approve this user to be allocated credentials',
        'Signature:\t\t___[image: ]_____',
        'Name:\t\t____Pat Example_______',
        'Date: \t\t____3rd March 2024______',
      ),
    );
    expect(a.approver?.fields.map((f) => [f.key, f.filled])).toEqual([
      ['signature', false],
      ['name', true],
      ['date', true],
    ]);
  });

  it('takes "To be completed by <someone>" and Systems / Additional permissions lines into the approver block', () => {
    const a = analyseTemplate(
      lines(
        'To be completed by the user',
        'Signature: _____',
        '',
        'Name: _____',
        'To be completed by the School Technician or Headteacher',
        '',
        'I approve this user to be allocated credentials for school systems as relevant to their role.',
        'Systems: _____',
        'Additional permissions (e.g. admin) _____',
        'Signature: _____',
        'Full name (printed): _____',
        'Job title: _____',
        'Date: _____',
      ),
    );
    expect(a.approver?.fields.map((f) => [f.key, f.label])).toEqual([
      ['systems', 'Systems'],
      ['permissions', 'Additional permissions (e.g. admin)'],
      ['signature', 'Signature'],
      ['name', 'Full name (printed)'],
      ['role', 'Job title'],
      ['date', 'Date'],
    ]);
  });

  it('says what is missing when a template has no signature blocks', () => {
    const a = analyseTemplate(lines('A policy with no place to sign.', 'Name the DSL in your report.'));
    expect(a.user).toBeUndefined();
    expect(a.approver).toBeUndefined();
    expect(a.problems).toHaveLength(2);
    expect(a.problems[0]).toMatch(/To be completed by the user/);
  });

  it('does not take prose that starts with a field word for a field', () => {
    expect(parseField('Name the person responsible for online safety.', 0)).toBeUndefined();
    expect(parseField('Roles and responsibilities', 0)).toBeUndefined();
    expect(parseField('Dated guidance is reviewed yearly', 0)).toBeUndefined();
  });

  it('fills a block, replacing only the value region and keeping label and spacing', () => {
    const text = 'Name:\t\t____Pat Example____';
    const a = analyseTemplate(lines('To be completed by the user', 'Signature: ___', text));
    const edits = fillBlock(a.user!, { name: 'Zoë Łukasiewicz', role: 'unused' });
    expect(edits).toHaveLength(1);
    const e = edits[0]!;
    expect(text.slice(0, e.start) + e.text + text.slice(e.end)).toBe('Name:\t\tZoë Łukasiewicz');
  });

  it('finds fields laid out in a table: label cell, value cell', () => {
    const cell = (table: number, row: number, col: number, text: string) => ({
      text,
      cell: { table, row, col },
    });
    const a = analyseTemplate([
      { text: 'Staff declaration' },
      { text: 'I confirm I have read the rules above and will keep to them.' },
      cell(0, 0, 0, 'Signature'),
      cell(0, 0, 1, ''),
      cell(0, 1, 0, 'Full name (printed):'),
      cell(0, 1, 1, '__________'),
      cell(0, 2, 0, 'Job title'),
      cell(0, 2, 1, 'Class teacher'),
      cell(0, 3, 0, 'Date'),
      cell(0, 3, 1, ''),
      { text: 'Authorised signature: ______' },
      cell(1, 0, 0, 'Name'),
      cell(1, 0, 1, ''),
      cell(1, 1, 0, 'Date:'),
      cell(1, 1, 1, ''),
    ]);
    expect(a.user?.fields.map((f) => [f.key, f.line, f.start, f.filled])).toEqual([
      ['signature', 3, 0, false],
      ['name', 5, 0, false],
      ['role', 7, 0, true],
      ['date', 9, 0, false],
    ]);
    expect(a.approver?.fields.map((f) => [f.key, f.line])).toEqual([
      ['signature', 10],
      ['name', 12],
      ['date', 14],
    ]);
    expect(a.agreement).toBe('I confirm I have read the rules above and will keep to them.');
  });

  it('takes a heading that is itself the signature line', () => {
    const a = analyseTemplate(
      lines('User signature: ____________', 'Date: ___', 'Counter-signed by the headteacher', 'Signed: ___'),
    );
    expect(a.user?.fields.map((f) => [f.key, f.label])).toEqual([
      ['signature', 'User signature'],
      ['date', 'Date'],
    ]);
    expect(a.approver?.fields.map((f) => f.key)).toEqual(['signature']);
  });

  it('finds the blocks whatever their order and punctuation', () => {
    const a = analyseTemplate(
      lines(
        'Approved by:',
        'Name\t\t__________',
        'Signature  __________',
        'To be completed by the member of staff',
        'Print name: ',
        'Position :\t\t',
        'Date signed：____',
      ),
    );
    expect(a.approver?.fields.map((f) => f.key)).toEqual(['name', 'signature']);
    expect(a.user?.fields.map((f) => [f.key, f.label])).toEqual([
      ['name', 'Print name'],
      ['role', 'Position'],
      ['date', 'Date signed'],
    ]);
  });

  it('ignores field-like lines far below a heading', () => {
    const far = Array.from({ length: 20 }, (_, i) => `Rule ${i + 1}: be kind online.`);
    const a = analyseTemplate(lines('To be completed by the user', ...far, 'Name: ____'));
    expect(a.user).toBeUndefined();
  });
});

/** The line after applying a block's edits for that line (last first, as the Docs adapter does). */
const filled = (texts: string[], kind: 'user' | 'approver', values: Record<string, string>): string[] => {
  const out = [...texts];
  const a = analyseTemplate(lines(...texts));
  const block = a[kind];
  if (!block) throw new Error(`no ${kind} block: ${a.problems.join(' ')}`);
  const edits = fillBlock(block, values).sort((x, y) => x.line - y.line || y.start - x.start);
  for (const e of edits) {
    const t = out[e.line] as string;
    out[e.line] = t.slice(0, e.start) + e.text + t.slice(e.end);
  }
  return out;
};

describe('signature blocks as schools write them', () => {
  const values = { signature: 'Priya Raman', name: 'Priya Raman', role: 'Teacher', date: '1 December 2026' };

  it('takes labels without colons, each alone on its line, and writes "Label: value"', () => {
    const t = [
      'To be completed by the member of staff',
      'I agree to keep to the rules in this policy at all times.',
      'Name',
      'Signature',
      'Date',
    ];
    expect(filled(t, 'user', values).slice(2)).toEqual([
      'Name: Priya Raman',
      'Signature: Priya Raman',
      'Date: 1 December 2026',
    ]);
  });

  it('writes one space after a colon that has none before the blank', () => {
    expect(
      filled(['To be completed by the user', 'Signature:____', 'Name:'], 'user', values).slice(1),
    ).toEqual(['Signature: Priya Raman', 'Name: Priya Raman']);
  });

  it('fills several fields on one line and keeps every other character of it', () => {
    const t = ['To be completed by the user', 'Signature: ____________   Date: ________ (dd/mm/yyyy)'];
    expect(filled(t, 'user', { signature: 'Priya Raman' })[1]).toBe(
      'Signature: Priya Raman   Date: ________ (dd/mm/yyyy)',
    );
    expect(filled(t, 'user', values)[1]).toBe('Signature: Priya Raman   Date: 1 December 2026 (dd/mm/yyyy)');
  });

  it('keeps labels that run together apart when filled', () => {
    const t = ['To be completed by the user', 'Signature:______Name:______Date:______'];
    const once = filled(t, 'user', values);
    expect(once[1]).toBe('Signature: Priya Raman Name: Priya Raman Date: 1 December 2026');
    const again = analyseTemplate(lines(...once)).user?.fields.map((f) => [f.key, f.filled]);
    expect(again).toEqual([
      ['signature', true],
      ['name', true],
      ['date', true],
    ]);
  });

  it('replaces a sample approver written on the label line, field by field', () => {
    const t = [
      'I approve this user to be allocated credentials',
      'Name: Pat Example   Role: Headteacher   Date: 3 March 2024',
      'Signature: [image: signature]',
    ];
    const a = analyseTemplate(
      lines('To be completed by the user', 'Signature: __', 'Name: __', 'Date: __', ...t),
    );
    expect(a.approver?.fields.map((f) => [f.key, f.filled])).toEqual([
      ['name', true],
      ['role', true],
      ['date', true],
      ['signature', false],
    ]);
    expect(
      filled(t, 'approver', { name: 'Sam Jones', role: 'Deputy Head', date: '2 December 2026' })[1],
    ).toBe('Name: Sam Jones   Role: Deputy Head   Date: 2 December 2026');
  });

  it('takes a sample value on the line after a lone label, and a blank line of underscores', () => {
    const t = ['Headteacher approval', "Headteacher's name:", 'Pat Example', 'Signed', '______________'];
    const a = analyseTemplate(lines(...t));
    expect(a.approver?.fields.map((f) => [f.key, f.label, f.line, f.filled])).toEqual([
      ['name', "Headteacher's name", 2, true],
      ['signature', 'Signed', 4, false],
    ]);
    expect(filled(t, 'approver', { name: 'Sam Jones', signature: 'Sam Jones' }).slice(1)).toEqual([
      "Headteacher's name:",
      'Sam Jones',
      'Signed',
      'Sam Jones',
    ]);
  });

  it.each([
    ['Job title / Role: ________', 'role', 'Job title / Role'],
    ['Full Name (printed) ____________', 'name', 'Full Name (printed)'],
    ['Print name ……………………', 'name', 'Print name'],
    ['Name (block capitals): ______', 'name', 'Name (block capitals)'],
    ['Name in BLOCK CAPITALS ......', 'name', 'Name in BLOCK CAPITALS'],
    ['Signed ……………………', 'signature', 'Signed'],
    ['Position\t\t______', 'role', 'Position'],
    ['Date of signing: __/__/____', 'date', 'Date of signing'],
    ["Staff member's signature: ____", 'signature', "Staff member's signature"],
  ])('recognises "%s" as a %s field', (text, key, label) => {
    const a = analyseTemplate(lines("Staff member's declaration", text));
    expect(a.user?.fields.map((f) => [f.key, f.label])).toEqual([[key, label]]);
  });

  it('opens the approver block at a label that names the headteacher', () => {
    const a = analyseTemplate(
      lines(
        "Staff member's declaration",
        'Signed ………',
        'Date ………',
        "Headteacher's signature ………",
        "Headteacher's name: ………",
      ),
    );
    expect(a.user?.fields.map((f) => f.key)).toEqual(['signature', 'date']);
    expect(a.approver?.fields.map((f) => f.key)).toEqual(['signature', 'name']);
  });

  it('does not take field words inside the agreement for fields', () => {
    const a = analyseTemplate(
      lines(
        'To be completed by the user',
        'I will keep my password private and my role. I will stay up to date and print only what I need.',
        'Signature: ____',
      ),
    );
    expect(a.user?.fields.map((f) => f.key)).toEqual(['signature']);
    expect(a.agreement).toMatch(/^I will keep my password/);
  });

  it('keeps soft line breaks: each line of the paragraph is its own field line', () => {
    const text = 'Signature: ____\rName: ____\rDate: ____';
    const out = filled(['To be completed by the user', text], 'user', values)[1];
    expect(out).toBe('Signature: Priya Raman\rName: Priya Raman\rDate: 1 December 2026');
  });

  it('finds a row of label cells with the values in the row below', () => {
    const cell = (row: number, col: number, text: string): DocLine => ({
      text,
      cell: { table: 0, row, col },
    });
    const a = analyseTemplate([
      { text: 'To be completed by the user' },
      cell(0, 0, 'Signature'),
      cell(0, 1, 'Name'),
      cell(0, 2, 'Date'),
      cell(1, 0, ''),
      cell(1, 1, ''),
      cell(1, 2, ''),
    ]);
    expect(a.user?.fields.map((f) => [f.key, f.line])).toEqual([
      ['signature', 4],
      ['name', 5],
      ['date', 6],
    ]);
  });

  it('takes a value paragraph under a label paragraph in the same table cell', () => {
    const c = (col: number, text: string): DocLine => ({ text, cell: { table: 0, row: 0, col } });
    const a = analyseTemplate([
      { text: 'To be completed by the user' },
      c(0, 'Signature'),
      c(0, '__________'),
      c(1, 'Date'),
      c(1, '__________'),
    ]);
    expect(a.user?.fields.map((f) => [f.key, f.line])).toEqual([
      ['signature', 2],
      ['date', 4],
    ]);
  });

  it('says which required fields a block lacks', () => {
    const a = analyseTemplate(
      lines(
        'To be completed by the user',
        'Signature: ____',
        'Role: ____',
        'I approve this user',
        'Signature: ___',
        'Date: ___',
      ),
    );
    expect(a.problems).toEqual([
      'The user block ("To be completed by the user") has no Name or Date field: add "Name: ____" and "Date: ____" to it, each on its own line or in its own table cell.',
      'The approver block ("I approve this user") has no Name field: add "Name: ____" to it, each on its own line or in its own table cell.',
    ]);
  });
});

describe('signature blocks: what is not a field or a value', () => {
  const values = { signature: 'SIG', name: 'Priya Raman', role: 'Teacher', date: '1 December 2026' };

  it.each([
    ['another form field', ['To be completed by the user', 'Name', 'Department', 'Signature', 'Date']],
    [
      'a field with a colon',
      ['To be completed by the user', 'Name:', 'Date of birth: 01/01/1990', 'Signature: __', 'Date: __'],
    ],
    [
      'an instruction',
      [
        'To be completed by the user',
        'Name',
        'Please return this form to the office',
        'Signature: __',
        'Date: __',
      ],
    ],
  ])('never takes %s under a lone label for its value', (_what, t) => {
    const out = filled(t, 'user', values);
    expect(out[2]).toBe(t[2]);
    expect(out[1]).toBe(`${(t[1] as string).replace(/:$/, '')}: Priya Raman`);
  });

  it('a grid of label cells: each value goes in its own cell, no label is overwritten', () => {
    const cell = (row: number, col: number, text: string): DocLine => ({
      text,
      cell: { table: 0, row, col },
    });
    const grid = [
      { text: 'To be completed by the user' },
      cell(0, 0, 'Signature:'),
      cell(0, 1, 'Date:'),
      cell(1, 0, 'Name:'),
      cell(1, 1, 'Role:'),
    ];
    const a = analyseTemplate(grid);
    expect(a.user?.fields.map((f) => [f.key, f.line])).toEqual([
      ['signature', 1],
      ['date', 2],
      ['name', 3],
      ['role', 4],
    ]);
    const edits = fillBlock(a.user!, values);
    const out = grid.map((l, i) => {
      const e = edits.find((x) => x.line === i);
      return e ? l.text.slice(0, e.start) + e.text + l.text.slice(e.end) : l.text;
    });
    expect(out.slice(1)).toEqual([
      'Signature: SIG',
      'Date: 1 December 2026',
      'Name: Priya Raman',
      'Role: Teacher',
    ]);
  });

  it.each([
    [['To be completed by the user', 'Name', 'Role', 'Staff signature: ___', 'Date: ___'], 'user'],
    [['Approved by: ___', 'Approver signature', 'Approver name', 'Date'], 'approver'],
  ] as const)('a heading-like label inside a block does not split it (%j)', (t, kind) => {
    const a = analyseTemplate(lines(...t));
    expect(a[kind]?.fields.map((f) => f.key).sort()).toEqual(
      (kind === 'user' ? ['date', 'name', 'role', 'signature'] : ['date', 'name', 'signature']).sort(),
    );
  });

  it('re-analysing a filled document finds the same regions, even with a long list of approvers', () => {
    const approvers = 'Alexandra Okafor-Williams or Maximilian Fitzgerald-Hargreaves or Sam Jones';
    const t = ['I approve this user', 'Name', approvers, 'Signature: ____', 'Date: ____'];
    const once = filled(t, 'approver', {
      name: 'Sam Jones',
      signature: 'Sam Jones',
      date: '2 December 2026',
    });
    expect(once).toEqual([
      'I approve this user',
      'Name',
      'Sam Jones',
      'Signature: Sam Jones',
      'Date: 2 December 2026',
    ]);
    expect(filled(once, 'approver', { name: 'Sam Jones' })).toEqual(once);
  });

  it('"To be completed by all staff" (or the teacher, a volunteer, a governor) opens the user block', () => {
    for (const who of ['all staff', 'the teacher', 'volunteers', 'the governor']) {
      const a = analyseTemplate(lines(`To be completed by ${who}`, 'Signature: __', 'Name: __', 'Date: __'));
      expect([who, a.user?.fields.length]).toEqual([who, 3]);
    }
  });

  it.each([
    ['Name of staff member: ______', 'name'],
    ['Signature of staff member: ______', 'signature'],
    ['Print name in full: ______', 'name'],
  ])('recognises "%s"', (text, key) => {
    expect(
      analyseTemplate(lines('To be completed by the user', text)).user?.fields.map((f) => f.key),
    ).toEqual([key]);
  });

  it('does not take a date in prose inside a block for the Date field', () => {
    const a = analyseTemplate(
      lines(
        'To be completed by the user',
        'Signature: ____',
        'Next review date: Sept 2026',
        'Sign below with your name and the date: we keep this on file.',
        'Name: ____',
      ),
    );
    expect(a.user?.fields.map((f) => f.key)).toEqual(['signature', 'name']);
  });

  it('takes a date mask for a blank', () => {
    const a = analyseTemplate(lines('To be completed by the user', 'Date: __/__/____', 'Signed: __ - __'));
    expect(a.user?.fields.map((f) => [f.key, f.filled])).toEqual([
      ['date', false],
      ['signature', false],
    ]);
  });
});
