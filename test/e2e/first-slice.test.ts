import type { chat_v1 } from '@googleapis/chat';
import { join } from 'node:path';
import { readRoster, readTemplate } from '../../emulator/cli/inputs';
import { runScenario } from '../../emulator/cli/scenario';
import { validateCardJson } from '../../emulator/services/card';
import { rowOf, sampleSchool, SAMPLES, signatures } from './support';

describe('the Gmail homepage card, through build/Code.js', () => {
  it('gives a staff member card JSON that is a GoogleAppsCardV1Card', async () => {
    const school = await sampleSchool();
    const screen = school.host.as('siobhan.nibhriain@school.example').openHomepage('GMAIL');
    expect(screen.error).toBeUndefined();
    const card: chat_v1.Schema$GoogleAppsCardV1Card = screen.card as chat_v1.Schema$GoogleAppsCardV1Card;
    expect(validateCardJson(card)).toEqual([]);
    expect(card.header?.title).toBe('Oakfield Primary School AUP');
    const widgets = (card.sections ?? []).flatMap((s) => s.widgets ?? []);
    expect(widgets.some((w) => w.selectionInput?.name === 'consent')).toBe(true);
    expect(widgets.some((w) => w.textInput?.name === 'typedName')).toBe(true);
    expect(card.fixedFooter?.primaryButton?.text).toBe('Sign');
    expect(card.fixedFooter?.secondaryButton?.text).toBe('Ask a question');
    expect(card.fixedFooter?.secondaryButton?.onClick?.openLink?.url).toMatch(
      /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=bm%40school\.example&su=/,
    );
    expect(card.header?.subtitle).toBe('Siobhán Ní Bhriain');
    const said = widgets.map((w) => w.textParagraph?.text ?? '').join('\n');
    expect(said).toContain('<b>Please read and sign your AUP by 15 September 2026.</b>');
    expect(said).toContain('Typing your full name and pressing Sign is your electronic signature.');
    const order = widgets.map((w) =>
      w.buttonList
        ? 'read'
        : w.selectionInput
          ? 'agree'
          : w.textInput
            ? 'name'
            : w.textParagraph
              ? 'text'
              : 'other',
    );
    expect(order).toEqual(['text', 'read', 'agree', 'name', 'text']);
  });
});

describe('the first slice end to end', () => {
  it('takes every sample roster person to Complete with an active account', async () => {
    const template = await readTemplate(join(SAMPLES, 'aup-template.txt'));
    const roster = readRoster(join(SAMPLES, 'roster.csv'));
    const result = runScenario({
      template,
      templateName: 'AUP',
      roster,
      schoolName: 'Oakfield Primary School',
      nextCycle: false,
    });
    for (const r of roster) {
      const row = rowOf(result, r.email);
      expect([r.name, row.Status, row.Account]).toEqual([r.name, 'Complete', 'Active']);
    }
    const firstCycle = signatures(result).filter((r) => r['Policy Version'] === '2026-27');
    expect(new Set(firstCycle.map((r) => r['Signed Via']))).toEqual(new Set(['Gmail', 'Drive', 'Form']));
  });
});
