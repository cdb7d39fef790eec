import { runScenario, setUpSchool } from '../../emulator/cli/scenario';
import type { TemplateElement } from '../../emulator/services/document/io';
import { LIMITS } from '../../src/core/limits';

/** A long policy of this project's own: `n` numbered rules of about `chars` characters, then the blocks. */
function longPolicy(n: number, chars: number): TemplateElement[] {
  const rule = (i: number): string =>
    `${i}. I will keep to rule ${i} whenever I use school devices, accounts or networks, in school and at home. `.padEnd(
      chars,
      'I will report anything that worries me to the DSL. ',
    );
  return [
    { type: 'paragraph', text: 'Oakfield Primary School — staff acceptable use policy', heading: 'TITLE' },
    ...Array.from({ length: n }, (_, i): TemplateElement => ({ type: 'paragraph', text: rule(i + 1) })),
    { type: 'paragraph', text: 'To be completed by the user' },
    {
      type: 'paragraph',
      text: 'I have read, understood and agreed to this policy and will keep to it at all times.',
    },
    { type: 'paragraph', text: 'Signature: ____' },
    { type: 'paragraph', text: 'Name: ____' },
    { type: 'paragraph', text: 'Date: ____' },
    { type: 'paragraph', text: 'I approve this user to be allocated credentials' },
    { type: 'paragraph', text: 'Signature: ____' },
    { type: 'paragraph', text: 'Name: ____' },
    { type: 'paragraph', text: 'Date: ____' },
  ];
}

const ROSTER = [
  {
    email: 'ann.one@school.example',
    name: 'Ann One',
    role: 'Teacher',
    staffType: 'Staff',
    personalEmail: '',
    startDate: '',
    line: 2,
  },
];

describe('a long policy', () => {
  it('1,000 paragraphs: set up, signed and approved, every card action within 30 s and every run within 6 min', () => {
    const template = longPolicy(1000, 150);
    expect(template.length).toBeGreaterThan(1000);
    const { host, log } = runScenario({
      template,
      templateName: 'long',
      roster: ROSTER,
      schoolName: 'Oakfield Primary School',
      nextCycle: false,
      policyVersion: '2026-27',
    });
    expect(log.some((l) => /Ann One signed from Gmail homepage: Signed\./.test(l))).toBe(true);
    expect(log.some((l) => /approved Ann One: Approved Ann One\./.test(l))).toBe(true);
    const card = host.executions.filter(
      (e) => e.fn.startsWith('on') && !/Trigger|Job|Resume|Submit/.test(e.fn),
    );
    expect(card.length).toBeGreaterThan(5);
    expect(Math.max(...card.map((e) => e.elapsedMs))).toBeLessThan(30_000);
    expect(Math.max(...host.executions.map((e) => e.elapsedMs))).toBeLessThan(6 * 60_000);
    expect(host.executions.filter((e) => e.error)).toEqual([]);
  });

  it('beyond the maximum: refused at once, the maximum in the message', () => {
    const tooLong = longPolicy(2100, 500);
    expect(() =>
      setUpSchool({
        template: tooLong,
        templateName: 'too long',
        roster: [],
        schoolName: 'Oakfield',
        sendInvitations: false,
      }),
    ).toThrow(
      `The template has ${tooLong.reduce((n, e) => n + ('text' in e ? e.text.length : 0), 0).toLocaleString('en-GB')} characters of text; an AUP may have at most ${LIMITS.templateChars.toLocaleString('en-GB')}: split off the appendices.`,
    );
  });
});
