import {
  allChanges,
  changeCounts,
  changesFor,
  comparePolicies,
  describeChange,
  kept,
  policyParagraphs,
  wording,
} from '../../src/core/changes';

const lines = (...t: string[]) => t.map((text) => ({ text }));

describe('what changed between policy versions', () => {
  it('ignores spacing, typography, bullets, numbering and how placeholders are spelt', () => {
    expect(wording('1.  I will  keep my password “secret” – always…')).toBe(
      wording('I will keep my password "secret" - always...'),
    );
    expect(wording('• Staff of {{ School Name }} will')).toBe(wording('Staff of {{schoolname}} will'));
    expect(wording('I will not')).not.toBe(wording('I will'));
    expect(
      comparePolicies(
        ['I agree to the “rules”.', 'b)  Keep it safe.'],
        ['I agree to the "rules".', 'Keep it safe.'],
      ),
    ).toEqual([]);
  });

  it('tells a reworded paragraph from an added and a removed one, in reading order', () => {
    const before = [
      'Introduction to the policy.',
      'I will only use school devices for school business.',
      'I will not install software.',
      'Closing words.',
    ];
    const after = [
      'Introduction to the policy.',
      'I will report any data breach to the DSL at once.',
      'I will only use school devices and accounts for school business.',
      'Closing words.',
      'I will lock my screen when I leave my desk.',
    ];
    const changes = comparePolicies(before, after);
    expect(changes).toEqual([
      { kind: 'added', new: 'I will report any data breach to the DSL at once.' },
      {
        kind: 'reworded',
        old: 'I will only use school devices for school business.',
        new: 'I will only use school devices and accounts for school business.',
      },
      { kind: 'removed', old: 'I will not install software.' },
      { kind: 'added', new: 'I will lock my screen when I leave my desk.' },
    ]);
    expect(changeCounts(changes)).toBe('1 reworded, 2 added, 1 removed');
    expect(changeCounts([])).toBe('no changes');
    expect(describeChange(changes[1] as never)).toBe(
      'Reworded: “I will only use school devices for school business.” now reads “I will only use school devices and accounts for school business.”',
    );
    expect(kept(wording(before[2] as string), wording(after[4] as string))).toBeLessThan(0.5);
  });

  it('takes staff-type clauses into account: a person sees only the changes to what they read', () => {
    const before = policyParagraphs(
      lines(
        'Everyone reads this.',
        '{{#if Staff Type is Governor}}',
        'Governors use the governor portal.',
        '{{/if}}',
        'Signature: ________',
        '________',
      ),
    );
    const after = policyParagraphs(
      lines(
        'Everyone reads this.',
        '{{#if Staff Type is Governor}}',
        'Governors use the governor portal with two-step verification.',
        '{{/if}}',
        '{{#if Staff Type is not Governor}}',
        'Staff badge in at reception.',
        '{{/if}}',
        'Signature: ________',
      ),
    );
    expect(before.map((p) => p.text)).toEqual([
      'Everyone reads this.',
      'Governors use the governor portal.',
      'Signature: ________',
    ]);
    expect(changesFor(before, after, 'Staff')).toEqual([
      { kind: 'added', new: 'Staff badge in at reception.' },
    ]);
    expect(changesFor(before, after, 'governor')).toEqual([
      {
        kind: 'reworded',
        old: 'Governors use the governor portal.',
        new: 'Governors use the governor portal with two-step verification.',
      },
    ]);
    expect(allChanges(before, after).map(describeChange)).toEqual([
      'Reworded: “(Governor only) Governors use the governor portal.” now reads “(Governor only) Governors use the governor portal with two-step verification.”',
      'Added: “(not Governor) Staff badge in at reception.”',
    ]);
  });

  it('shows a paragraph moved into a clause as a change for the business manager', () => {
    const before = policyParagraphs(lines('Use the VPN at home.'));
    const after = policyParagraphs(lines('{{#if Staff Type is Staff}}', 'Use the VPN at home.', '{{/if}}'));
    expect(allChanges(before, after)).toEqual([
      { kind: 'reworded', old: 'Use the VPN at home.', new: '(Staff only) Use the VPN at home.' },
    ]);
    expect(changesFor(before, after, 'Volunteer')).toEqual([
      { kind: 'removed', old: 'Use the VPN at home.' },
    ]);
    expect(changesFor(before, after, 'Staff')).toEqual([]);
  });
});
