import { newSchool, setUpSchool } from '../../emulator/cli/scenario';
import { Execution } from '../../emulator/core/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { formModel } from '../../emulator/services/forms/model';
import type { Config } from '../../src/core/config';
import { CONFIG_KEY } from '../../src/gas/config-store';
import { readRoster } from '../../emulator/cli/inputs';
import { MIME } from '../../emulator/core/workspace';
import { documentText, type TemplateElement } from '../../emulator/services/document/io';
import { join } from 'node:path';
import { fillTriggerQuota, SAMPLES, publishAs } from './support';

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
    const published = publishAs(bm, { newVersion: '2026-27 v2', newTemplate: copy!.id });
    expect(published.notification).toMatch(/^Published 2026-27 v2: 8 open request\(s\) superseded; invited/);
    school.host.advance(60 * 60_000);
    const doc = [...school.host.ws.drive.values()].find(
      (f) => f.name === 'AUP 2026-27 v2 — Siobhán Ní Bhriain (siobhan.nibhriain@school.example)',
    );
    expect(documentText(school.host.ws, doc!.id)).toContain('Name: Siobhán Ní Bhriain');
    expect(publishAs(bm, { newVersion: '2026-27 v2' }).notification).toBe(
      '2026-27 v2 is already the current version.',
    );
  });
});

describe('a template whose blocks lack a field', () => {
  const school = setUpSchool({
    template: [
      { type: 'paragraph', text: 'Hilltop Academy rules for using school technology', heading: 'TITLE' },
      { type: 'paragraph', text: "Staff member's declaration" },
      { type: 'paragraph', text: 'I have read these rules and will keep to them in school and at home.' },
      { type: 'paragraph', text: 'Signed ……………………   Print name ……………………' },
      { type: 'paragraph', text: 'Headteacher approval' },
      { type: 'paragraph', text: "Headteacher's name:" },
      { type: 'paragraph', text: 'Pat Example' },
      { type: 'paragraph', text: 'Signed ……………………' },
    ],
    templateName: 'Hilltop rules',
    roster: [],
    schoolName: 'Hilltop Academy',
    sendInvitations: false,
  });
  const bm = school.host.as('bm@school.example');

  it('says which fields of which block it found and which it did not, and never "ready"', () => {
    bm.universalAction('onSettingsAction');
    const saved = bm.click('Save settings');
    expect(saved.notification).toBe('Saved. The template check found something to fix.');
    const shown = texts(saved.card);
    expect(shown).toContain(
      `User signature block ("Staff member's declaration"): found Signed, Print name; not found: Date, Role (optional)`,
    );
    expect(shown).toContain(
      `Approver block ("Headteacher approval"): found Headteacher's name (filled in the template; will be replaced), Signed; not found: Date, Role (optional), Systems (optional), Additional permissions (optional)`,
    );
    expect(shown.filter((t) => /has no Date field/.test(t))).toHaveLength(2);
  });

  it('Prepare template adds the missing fields under each block', () => {
    bm.click('Prepare template');
    const copy = [...school.host.ws.drive.values()].find(
      (f) => f.mimeType === MIME.document && f.name.endsWith('(prepared for AUP Signer)'),
    );
    expect(documentText(school.host.ws, copy!.id).split('\n').slice(3, 10)).toEqual([
      'Signed ……………………   Print name {{ Name }}',
      'Date: ______________________________',
      'Headteacher approval',
      "Headteacher's name:",
      '{{ Approver Name }}',
      'Signed ……………………',
      'Date: ______________________________',
    ]);
  });
});

describe('Prepare template with the approver block first', () => {
  it('adds each missing field under its own block, wherever the blocks are', () => {
    const school = setUpSchool({
      template: [
        { type: 'paragraph', text: 'For office use only' },
        { type: 'paragraph', text: 'Name: ____' },
        { type: 'paragraph', text: 'Signature: ____' },
        { type: 'paragraph', text: 'To be completed by the user' },
        { type: 'paragraph', text: 'I have read these rules and will keep to them in school and at home.' },
        { type: 'paragraph', text: 'Name: ____' },
        { type: 'paragraph', text: 'Signature: ____' },
      ],
      templateName: 'Office first',
      roster: [],
      schoolName: 'Hilltop Academy',
      sendInvitations: false,
    });
    const bm = school.host.as('bm@school.example');
    bm.universalAction('onSettingsAction');
    bm.click('Save settings');
    bm.click('Prepare template');
    const copy = [...school.host.ws.drive.values()].find(
      (f) => f.mimeType === MIME.document && f.name.endsWith('(prepared for AUP Signer)'),
    );
    expect(documentText(school.host.ws, copy!.id).split('\n').slice(0, 9)).toEqual([
      'For office use only',
      'Name: {{ Approver Name }}',
      'Signature: ____',
      'Date: ______________________________',
      'To be completed by the user',
      'I have read these rules and will keep to them in school and at home.',
      'Name: {{ Name }}',
      'Signature: ____',
      'Date: ______________________________',
    ]);
  });
});

describe('setup that stops part-way', () => {
  const roster = readRoster(join(SAMPLES, 'roster.csv'));
  const opts = { template: BARE, templateName: 'Hilltop rules', roster, schoolName: 'Hilltop Academy' };

  /** What setup made, as Drive and the trigger list show it (trashed files left out). */
  function made(host: ReturnType<typeof newSchool>['host']): Record<string, number> {
    const live = [...host.ws.drive.values()].filter((f) => !f.trashed);
    const count = (test: (f: (typeof live)[number]) => boolean) => live.filter(test).length;
    return {
      spreadsheets: count((f) => f.mimeType === MIME.spreadsheet),
      folders: count((f) => f.mimeType === MIME.folder && f.name.startsWith('AUP Signer —')),
      signedFolders: count((f) => f.mimeType === MIME.folder && f.name === 'Signed documents'),
      policyCopies: count((f) => f.name.endsWith('(to read)')),
      forms: count((f) => f.mimeType === MIME.form),
      dailyTriggers: host.ws.triggers.filter((t) => t.handler === 'onDailyTrigger').length,
      formTriggers: host.ws.triggers.filter((t) => t.handler === 'onFormSubmit').length,
    };
  }
  const once = {
    spreadsheets: 1,
    folders: 1,
    signedFolders: 1,
    policyCopies: 1,
    forms: 1,
    dailyTriggers: 1,
    formTriggers: 1,
  };

  it('a step that fails says what to do; saving again finishes without making anything twice', () => {
    const school = newSchool(opts);
    const ws = school.host.ws;
    fillTriggerQuota(ws, 'bm@school.example');
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    const first = bm.click('Save settings', school.settings);
    expect(first.notification).toMatch(
      /^Setup stopped while installing the triggers \(This script has too many triggers\..*\)\. In the Apps Script editor, open Triggers and delete old AUP Signer triggers .* Then save the settings again: what was made is kept, nothing is made twice\.$/,
    );
    expect(ws.scriptProperties.has(CONFIG_KEY)).toBe(false);
    ws.triggers.splice(0, ws.triggers.length);
    const second = bm.click('Save settings', school.settings);
    expect(second.card?.name).toBe('template-check');
    expect(made(school.host)).toEqual(once);
  });

  it('a crash while the Form is being made leaves one live Form once setup is saved again', () => {
    const school = newSchool(opts);
    school.host.faults.inject({ method: 'Form.addCheckboxItem' }, { kind: 'crash' });
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    expect(bm.click('Save settings', school.settings).error).toMatch(/server error occurred/);
    expect(bm.openHomepage('GMAIL').card?.name).toBe('settings');
    expect(bm.click('Save settings', school.settings).card?.name).toBe('template-check');
    expect(made(school.host)).toEqual(once);
    const forms = [...school.host.ws.drive.values()].filter((f) => f.mimeType === MIME.form);
    expect(forms.map((f) => f.trashed)).toEqual([true, false]);
  });

  it.each([
    'File.setSharing',
    'Document.saveAndClose',
    'Form.setDescription',
    'Form.addTextItem',
    'Sheet.protect',
    'Range.createFilter',
  ])(
    'a crash at %s inside a step: saving again makes everything once, with the Audit protected and the filter set',
    (method) => {
      const school = newSchool(opts);
      school.host.faults.inject({ method }, { kind: 'crash' });
      const bm = school.host.as('bm@school.example');
      bm.openHomepage('GMAIL');
      expect(bm.click('Save settings', school.settings).error).toMatch(/server error occurred/);
      expect(school.host.faults.pending()).toEqual([]);
      expect(bm.click('Save settings', school.settings).card?.name).toBe('template-check');
      expect(made(school.host)).toEqual(once);
      const config = JSON.parse(school.host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
      const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
      const ss = createSpreadsheetApp(exec).openById(config.trackingSpreadsheetId);
      expect(ss.getSheets().map((sh) => sh.getName())).toEqual([
        'Signatures',
        'Staff',
        'Audit',
        'Dashboard',
        'Form Tokens',
        'Versions',
      ]);
      expect(
        ss.getSheetByName('Audit')!.getProtections(createSpreadsheetApp(exec).ProtectionType.SHEET),
      ).toHaveLength(1);
      expect(ss.getSheetByName('Signatures')!.getFilter()).not.toBeNull();
    },
  );

  it('a Form that could not be opened to new starters and was published by hand is kept, not made again', () => {
    const school = newSchool(opts);
    school.host.faults.inject({ method: 'Form.setPublished' }, { kind: 'crash' });
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    bm.click('Save settings', school.settings);
    const form = [...school.host.ws.drive.values()].find((f) => f.mimeType === MIME.form)!;
    formModel(school.host.ws, form.id)!.published = true;
    expect(bm.click('Save settings', school.settings).card?.name).toBe('template-check');
    const config = JSON.parse(school.host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
    expect(config.form.id).toBe(form.id);
    expect(made(school.host)).toEqual(once);
  });

  it('opens the Form to new starters without a Google account: published, no sign-in, the email typed', () => {
    const school = newSchool(opts);
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    bm.click('Save settings', school.settings);
    const config = JSON.parse(school.host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
    const form = formModel(school.host.ws, config.form.id)!;
    expect([form.published, form.acceptingResponses, form.requireLogin, form.emailCollection]).toEqual([
      true,
      true,
      false,
      'RESPONDER_INPUT',
    ]);
    expect(config.policyShared).toBe('domain');
    expect(school.host.ws.drive.get(config.policyUrl.match(/\/d\/([^/]+)/)![1]!)?.access).toBe(
      'DOMAIN_WITH_LINK',
    );
    expect(form.description).toMatch(/your copy is attached to your invitation email/);
    expect(form.description).not.toContain(config.policyUrl);
  });

  it('where the tenant allows outside sharing, anyone with the link can read the policy and the Form links it', () => {
    const school = newSchool({ ...opts, outsideSharing: 'allowed' });
    const bm = school.host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    bm.click('Save settings', school.settings);
    const config = JSON.parse(school.host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
    expect(config.policyShared).toBe('anyone');
    expect(formModel(school.host.ws, config.form.id)?.description).toContain(config.policyUrl);
  });
});
