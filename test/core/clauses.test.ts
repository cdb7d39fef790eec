import { findClauses, linesToDrop } from '../../src/core/clauses';

const TYPES = ['Staff', 'Governor', 'Volunteer', 'Contractor'];
const lines = (...t: string[]) => t.map((text) => ({ text }));

const template = lines(
  'Everyone: keep your password private.',
  '{{#if Staff Type is Governor}}',
  'Governors: use your governor account for board papers.',
  '{{/if}}',
  '{{ #IF staff type is not volunteer }}',
  'Report concerns to the DSL.',
  '{{#if Staff Type is Staff or Contractor}}',
  'Lock your classroom device.',
  '{{/if}}',
  '{{/if}}',
  'The end.',
);

const kept = (staffType: string): string[] => {
  const drop = linesToDrop(template, staffType, TYPES);
  return template.filter((_, i) => !drop.has(i)).map((l) => l.text);
};

describe('staff-type clauses', () => {
  it('keep a Governor’s clauses and drop the others, markers removed', () => {
    expect(kept('Governor')).toEqual([
      'Everyone: keep your password private.',
      'Governors: use your governor account for board papers.',
      'Report concerns to the DSL.',
      'The end.',
    ]);
  });

  it('handle negation, lists and nesting', () => {
    expect(kept('Staff')).toEqual([
      'Everyone: keep your password private.',
      'Report concerns to the DSL.',
      'Lock your classroom device.',
      'The end.',
    ]);
    expect(kept('Volunteer')).toEqual(['Everyone: keep your password private.', 'The end.']);
  });

  it('report unknown staff types, unbalanced markers and malformed markers by paragraph', () => {
    const { problems } = findClauses(
      lines(
        '{{#if Staff Type is Pupil}}',
        'x',
        '{{/if}}',
        '{{/if}}',
        '{{#if Role is Head}}',
        '{{#if Staff Type is Staff}}',
      ),
      TYPES,
    );
    expect(problems).toEqual([
      'Paragraph 1: "Pupil" is not a staff type (Staff, Governor, Volunteer, Contractor).',
      'Paragraph 4: {{/if}} closes no {{#if Staff Type is …}}.',
      'Paragraph 5: "{{#if Role is Head}}" is not a clause marker; write {{#if Staff Type is Governor}} … {{/if}}, each on its own line.',
      'Paragraph 6: {{#if Staff Type …}} is never closed with {{/if}}.',
    ]);
  });
});
