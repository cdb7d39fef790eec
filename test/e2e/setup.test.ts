import { setUpSchool } from '../../emulator/cli/scenario';
import { readRoster } from '../../emulator/cli/inputs';
import { MIME } from '../../emulator/core/workspace';
import { documentText, type TemplateElement } from '../../emulator/services/document/io';
import { join } from 'node:path';
import { SAMPLES } from './support';

const BARE: TemplateElement[] = [
  { type: 'paragraph', text: 'Hilltop Academy rules for using school technology', heading: 'TITLE' },
  { type: 'paragraph', text: 'Keep your password secret and log out of shared computers.' },
  { type: 'paragraph', text: 'Ask {{ Head Teacher }} if unsure.' },
];

const texts = (card: unknown): string[] =>
  ((card as { sections?: { widgets?: { textParagraph?: { text?: string } }[] }[] }).sections ?? [])
    .flatMap((s) => s.widgets ?? [])
    .map((w) => w.textParagraph?.text ?? '')
    .filter(Boolean);

describe('setup and the template check', () => {
  const roster = readRoster(join(SAMPLES, 'roster.csv')).filter((r) => !r.personalEmail);
  const school = setUpSchool({
    template: BARE,
    templateName: 'Hilltop rules',
    roster,
    schoolName: 'Hilltop Academy',
  });
  const bm = school.host.as('bm@school.example');

  it('says what it found and what to fix in a template without signature blocks', () => {
    const saved = school.screens.find((s) => s.step === 'save settings')?.screen;
    expect(saved?.notification).toBe('Saved. The template check found something to fix.');
    const shown = texts(saved?.card);
    expect(shown).toContain('Nothing recognisable.');
    expect(shown.some((t) => t.startsWith('No user signature block found'))).toBe(true);
    expect(shown.some((t) => t.startsWith('No approver block found'))).toBe(true);
    expect(shown.some((t) => t.startsWith('Unknown placeholder {{ Head Teacher }}'))).toBe(true);
  });

  it('still gives every document a Signature record, so signatures are carried', () => {
    const doc = [...school.host.ws.drive.values()].find((f) =>
      f.name.includes('(siobhan.nibhriain@school.example)'),
    );
    const text = documentText(school.host.ws, doc!.id);
    expect(text).toContain('Signature record');
    expect(text).toContain('Signed by: awaiting signature');
    expect(text).toContain('Ask  if unsure.');
    const s = school.host.as('siobhan.nibhriain@school.example');
    s.openHomepage('GMAIL');
    s.click('Sign', { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' });
    expect(documentText(school.host.ws, doc!.id)).toMatch(
      /Signed by: Siobhán Ní Bhriain <siobhan\.nibhriain@school\.example>, Year 4 Teacher, 1 September 2026 at \d\d:\d\d, via Gmail/,
    );
  });

  it('Prepare template writes a copy with both blocks added and leaves the original alone', () => {
    const originalText = documentText(school.host.ws, school.config.templateDocId);
    bm.universalAction('onSettingsAction');
    bm.click('Save settings');
    const prepared = bm.click('Prepare template');
    expect(prepared.notification).toMatch(/^Prepared a copy of your template/);
    expect(documentText(school.host.ws, school.config.templateDocId)).toBe(originalText);
    const copy = [...school.host.ws.drive.values()].find(
      (f) => f.mimeType === MIME.document && f.name.endsWith('(prepared for AUP Signer)'),
    );
    const text = documentText(school.host.ws, copy!.id);
    expect(text.startsWith(originalText.trimEnd())).toBe(true);
    expect(text).toContain('To be completed by the user');
    expect(text).toContain('Name: {{ Name }}');
    expect(text).toContain(
      'I approve this user to be allocated credentials for school systems as relevant to their role',
    );
    expect(text).toContain('Name: {{ Approver Name }}');

    bm.click('Done');
    bm.universalAction('onSettingsAction');
    const refused = bm.click('Save settings', { templateDocId: copy!.id });
    expect(refused.notification).toBe(
      'Invitations have gone out for policy version 2026-27: change the version or the template with Publish new version.',
    );
    bm.openHomepage('GMAIL');
    const published = bm.click('Publish new version', { newVersion: '2026-27 v2', newTemplate: copy!.id });
    expect(published.notification).toMatch(/^Published 2026-27 v2: 8 open request\(s\) superseded; invited/);
    school.host.advance(60 * 60_000);
    const doc = [...school.host.ws.drive.values()].find(
      (f) => f.name === 'AUP 2026-27 v2 — Siobhán Ní Bhriain (siobhan.nibhriain@school.example)',
    );
    expect(documentText(school.host.ws, doc!.id)).toContain('Name: Siobhán Ní Bhriain');
    expect(bm.click('Publish new version', { newVersion: '2026-27 v2' }).notification).toBe(
      '2026-27 v2 is already the current version.',
    );
  });
});
