import { clauseApplies, findClauses, markerOf } from '../../src/core/clauses';

const TYPES = ['Staff', 'Governor', 'Volunteer', 'Contractor'];
const lines = (...t: string[]) => t.map((text) => ({ text }));

describe('staff-type clauses', () => {
  it('read markers: types, lists, negation, case and spacing', () => {
    expect(markerOf('{{ #IF staff type is not volunteer }}')).toEqual({
      open: true,
      negate: true,
      types: ['volunteer'],
    });
    expect(markerOf('{{#if Staff Type is Staff or Contractor}}')).toEqual({
      open: true,
      negate: false,
      types: ['Staff', 'Contractor'],
    });
    expect(markerOf('{{ / if }}')).toEqual({ open: false });
    expect(markerOf('Governors: {{#if Staff Type is Governor}}')).toBeUndefined();
    expect(clauseApplies({ negate: false, types: ['Staff', 'Contractor'] }, 'contractor')).toBe(true);
    expect(clauseApplies({ negate: true, types: ['Volunteer'] }, 'Volunteer')).toBe(false);
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
