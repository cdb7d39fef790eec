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
