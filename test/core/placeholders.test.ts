import { fillPlaceholders, findPlaceholders, placeholderKey } from '../../src/core/placeholders';
import type { DocLine, TextEdit } from '../../src/core/template';

function apply(lines: DocLine[], edits: TextEdit[]): string[] {
  return lines.map((l, i) =>
    edits
      .filter((e) => e.line === i)
      .sort((a, b) => b.start - a.start)
      .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), l.text),
  );
}

describe('placeholders', () => {
  it('match case- and space-insensitively', () => {
    expect(placeholderKey('school name')).toBe('School Name');
    expect(placeholderKey('SCHOOLNAME')).toBe('School Name');
    expect(placeholderKey('  Due   By ')).toBe('Due By');
    expect(placeholderKey('Favourite colour')).toBeUndefined();
  });

  it('are found, known and unknown', () => {
    const found = findPlaceholders([
      { text: 'Welcome to {{ school name }}, {{Name}}.' },
      { text: 'Ask {{ Head Teacher }}.' },
    ]);
    expect(found.known.sort()).toEqual(['Name', 'School Name']);
    expect(found.unknown).toEqual(['{{ Head Teacher }}']);
  });

  it('are all replaced in one pass; unknown ones become empty', () => {
    const lines = [{ text: '{{School Name}} — {{ name }} ({{ Role }}) {{mystery}}!' }];
    expect(
      apply(lines, fillPlaceholders(lines, { 'School Name': 'Oakfield', Name: 'Siobhán', Role: 'Teacher' })),
    ).toEqual(['Oakfield — Siobhán (Teacher) !']);
  });

  it('cannot be injected through a value: a person named {{School Name}} stays literal', () => {
    const lines = [{ text: 'Signed by {{ Name }} at {{ School Name }}' }];
    const out = apply(lines, fillPlaceholders(lines, { Name: '{{School Name}}', 'School Name': 'Oakfield' }));
    expect(out).toEqual(['Signed by {{School Name}} at Oakfield']);
  });
});
