import { signByForm } from '../../emulator/cli/scenario';
import { Execution } from '../../emulator/core/execution';
import { documentText } from '../../emulator/services/document/io';
import { createDocumentApp } from '../../emulator/services/document';
import { parsePrefilledUrl } from '../../emulator/services/forms';
import { holdLockFor, SCRIPT_LOCK } from '../../emulator/services/lock';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { FORM_ITEMS } from '../../src/gas/forms';
import {
  auditRows,
  fillTriggerQuota,
  postAs,
  review,
  rowOf,
  sampleSchool,
  signatures,
  returnWith,
  publishAs,
  verifyAs,
} from './support';

const ZOE = 'zoe.lukasiewicz@school.example';
const GRAINNE = 'grainne.osullivan@school.example';
const TOMASZ = 'tomasz.wojcik@school.example';
const HEAD = 'head@school.example';
const TECH = 'tech@school.example';
const BM = 'bm@school.example';
const DAY = 24 * 3_600_000;
const SHEET = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

type School = Awaited<ReturnType<typeof sampleSchool>>;

function zoeSigns(school: School): string {
  const zoe = school.host.as(ZOE);
  zoe.openHomepage('GMAIL');
  return zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' }).notification ?? '';
}

/** The tracking spreadsheet as `who` opens it in Sheets (no script: Google's own UI). */
function sheetAs(school: School, who: string) {
  return createSpreadsheetApp(new Execution(school.host.ws, 'editor', who, who)).openById(
    school.config.trackingSpreadsheetId,
  );
}

describe('the holes a reviewer found, closed', () => {
  it('a business manager cannot write Form Tokens, Signatures or the Audit, and Save settings narrows a widened protection; the Staff sheet stays theirs', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.universalAction('onSettingsAction');
    bm.click('Save settings', { businessManagers: `${BM}, ${TECH}` });
    const editor = sheetAs(school, TECH);
    for (const name of ['Form Tokens', 'Signatures', 'Audit']) {
      expect(() => editor.getSheetByName(name)!.appendRow(['forged', 'R-00000000', ''])).toThrow(/protected/);
    }
    expect(() =>
      editor.getSheetByName('Staff')!.getRange(20, 1).setValue('new@school.example'),
    ).not.toThrow();

    const owner = sheetAs(school, school.config.owner);
    owner.getSheetByName('Form Tokens')!.getProtections(SHEET)[0]!.setWarningOnly(true);
    expect(() => editor.getSheetByName('Form Tokens')!.appendRow(['forged', 'R-00000000', ''])).not.toThrow();
    bm.universalAction('onSettingsAction');
    bm.click('Save settings', {});
    expect(() => editor.getSheetByName('Form Tokens')!.appendRow(['forged', 'R-00000001', ''])).toThrow(
      /protected/,
    );
  });

  it('the account state comes from the Admin SDK: a posted "Active" enables nothing', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(HEAD)!.isAdmin = false;
    const r = school.roster.find((p) => p.email === GRAINNE)!;
    signByForm(school.host, school.config, r);
    const head = school.host.as(HEAD);
    review(head, r.name);
    head.click('Approve', { systems: ['Email'] });
    const requestId = String(rowOf(school, GRAINNE)['Request ID']);
    postAs(school, HEAD, 'account', { requestId, account: 'Active', note: 'trust me' });
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual([
      'Approved',
      'Suspended',
    ]);
    expect(school.host.ws.users.get(GRAINNE)!.suspended).toBe(true);
  });

  it('an account that 404s just after it was made is looked for again daily; one never made ends explained', async () => {
    const school = await sampleSchool();
    const tomasz = school.host.ws.users.get(TOMASZ)!;
    school.host.ws.users.delete(TOMASZ);
    const r = school.roster.find((p) => p.email === TOMASZ)!;
    signByForm(school.host, school.config, r);
    const head = school.host.as(HEAD);
    review(head, r.name);
    head.click('Approve', { systems: ['Email'] });
    school.host.advance(2 * 60_000);
    expect(rowOf(school, TOMASZ).Account).toBe('Not found');
    expect(rowOf(school, TOMASZ).Notes).toMatch(/yet: looked for again daily/);
    school.host.ws.users.set(TOMASZ, { ...tomasz, suspended: false });
    school.host.advance(DAY);
    expect([rowOf(school, TOMASZ).Status, rowOf(school, TOMASZ).Account]).toEqual(['Complete', 'Active']);

    const other = await sampleSchool();
    other.host.ws.users.delete(TOMASZ);
    signByForm(other.host, other.config, r);
    const head2 = other.host.as(HEAD);
    review(head2, r.name);
    head2.click('Approve', { systems: ['Email'] });
    other.host.advance(4 * DAY);
    expect(rowOf(other, TOMASZ).Notes).toBe(`No Workspace account ${TOMASZ}: check the address.`);
    const bm = other.host.as(BM);
    expect(JSON.stringify(bm.openHomepage('GMAIL').card)).not.toMatch(/wait for a directory administrator/);
  });

  it('publishing carries on after a lock timeout, and a second click of the same label joins it', async () => {
    const school = await sampleSchool();
    zoeSigns(school);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    school.host.faults.inject({ method: 'Lock.waitLock', nth: 2 }, { kind: 'lockTimeout' });
    publishAs(bm, { newVersion: '2026-27 v2' });
    expect(JSON.parse(school.host.ws.scriptProperties.get('AUP_SIGNER_CONFIG')!).policyVersion).toBe(
      '2026-27 v2',
    );
    bm.openHomepage('GMAIL');
    const again = publishAs(bm, { newVersion: '2026-27 v2' });
    expect(again.notification).toBe(
      'Publishing 2026-27 v2 is under way: it carries on in the background within minutes.',
    );
    school.host.advance(2 * 60_000);
    expect(publishAs(bm, { newVersion: '2026-27 v2' }).notification).toBe(
      '2026-27 v2 is already the current version.',
    );
    school.host.advance(DAY);
    const v2 = signatures(school).filter((row) => row['Policy Version'] === '2026-27 v2');
    expect(new Set(v2.map((row) => row.Email)).size).toBe(school.roster.length);
    expect(v2).toHaveLength(school.roster.length);
    expect(
      signatures(school).filter(
        (row) =>
          row['Policy Version'] === '2026-27' && row.Status !== 'Superseded' && row.Status !== 'Complete',
      ),
    ).toEqual([]);
    const forms = [...school.host.ws.drive.values()].filter(
      (f) => !f.trashed && f.name.endsWith('Acceptable Use Policy 2026-27 v2'),
    );
    expect(forms).toHaveLength(1);
    expect(school.host.ws.scriptProperties.has('AUP_SIGNER_PUBLISH')).toBe(false);
  });

  it('the daily cycle joins a publication a stopped run left, rather than opening another version', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    school.host.faults.inject({ method: 'Properties.setProperties' }, { kind: 'crash', when: 'after' });
    publishAs(bm, { newVersion: '2026-27 v2' });
    school.host.faults.clear();
    bm.openHomepage('GMAIL');
    expect(publishAs(bm, { newVersion: '2026-27 v3' }).notification).toBe(
      'Policy version 2026-27 v2 is being published: try again when it is done.',
    );
    school.host.advance(DAY);
    const versions = new Set(signatures(school).map((row) => row['Policy Version']));
    expect(versions).toEqual(new Set(['2026-27', '2026-27 v2']));
    expect(signatures(school).filter((row) => row['Policy Version'] === '2026-27 v2')).toHaveLength(
      school.roster.length,
    );
  });

  it('holds every input to its limit at the edge, with a message, and never overfills a cell', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.universalAction('onSettingsAction');
    const saved = bm.click('Save settings', { schoolName: 'S'.repeat(249) });
    expect(saved.notification).toMatch(
      /School name: The school name may be at most 100 characters \(this one has 249\)/,
    );
    const widgets = (saved.card?.sections ?? []).flatMap((sec) => sec.widgets ?? []);
    const at = widgets.findIndex((w) => w.textInput?.name === 'schoolName');
    expect(widgets[at]?.textInput?.value).toBe('S'.repeat(249));
    expect(widgets[at + 1]?.textParagraph?.text).toMatch(
      /^<font color="#d93025">School name: The school name may be at most 100 characters \(this one has 249\)/,
    );
    expect(JSON.parse(school.host.ws.scriptProperties.get('AUP_SIGNER_CONFIG')!).schoolName).toBe(
      'Oakfield Primary School',
    );

    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    expect(zoe.click('Sign', { consent: ['agree'], typedName: 'Z'.repeat(309) }).notification).toMatch(
      /at most 100 characters \(this one has 309\)/,
    );
    zoe.openHomepage('GMAIL');
    expect(zoe.click('Sign', { consent: ['agree'], typedName: 'x'.repeat(100_000) }).notification).toMatch(
      /at most 100 characters/,
    );
    expect(rowOf(school, ZOE).Status).toBe('Invited');
    zoeSigns(school);
    const head = school.host.as(HEAD);
    review(head, 'Zoë Łukasiewicz');
    expect(returnWith(head, 'r'.repeat(100_000)).notification).toMatch(/The reason may be at most 500/);
    expect(rowOf(school, ZOE).Status).toBe('Signed');
    expect(Math.max(...auditRows(school).map((a) => a.Details.length))).toBeLessThan(50_000);

    bm.universalAction('onSettingsAction');
    expect(
      bm.click('Save settings', { businessManagers: `${BM}, someone@elsewhere.example` }).notification,
    ).toMatch(/someone@elsewhere\.example is not a user of your school's domain/);
  });

  it('an approver can open the document they counter-sign', async () => {
    const school = await sampleSchool();
    zoeSigns(school);
    const id = /\/d\/([^/]+)/.exec(String(rowOf(school, ZOE).Document))![1]!;
    const asHead = createDocumentApp(new Execution(school.host.ws, 'editor', HEAD, HEAD));
    expect(asHead.openById(id).getBody().getText()).toContain('Zoë Łukasiewicz');
    const outsider = 'siobhan.nibhriain@school.example';
    expect(() =>
      createDocumentApp(new Execution(school.host.ws, 'editor', outsider, outsider)).openById(id),
    ).toThrow();
  });

  it("a Return withdraws the request's form reference: the old link is refused, the new one signs", async () => {
    const school = await sampleSchool();
    const r = school.roster.find((p) => p.email === GRAINNE)!;
    const firstLink = school.host.ws.sentMail
      .find((m) => m.to.includes(r.personalEmail))!
      .body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)![0];
    signByForm(school.host, school.config, r);
    const head = school.host.as(HEAD);
    review(head, r.name);
    returnWith(head, 'Please type your full name as on the roster');
    expect(rowOf(school, GRAINNE).Status).toBe('Returned');
    const { formId, answers } = parsePrefilledUrl(school.host.ws, firstLink);
    school.host.submitForm(formId, r.personalEmail, {
      ...answers,
      [FORM_ITEMS.name]: r.name,
      [FORM_ITEMS.consent]: [school.config.agreementText],
    });
    expect(rowOf(school, GRAINNE).Status).toBe('Returned');
    expect(
      auditRows(school).some(
        (a) => a.Action === 'Quarantined' && /already used or withdrawn/.test(a.Details),
      ),
    ).toBe(true);
    const returned = school.host.ws.sentMail.find(
      (m) => /returned/.test(m.subject) && m.to.includes(r.personalEmail),
    )!;
    const fresh = parsePrefilledUrl(
      school.host.ws,
      returned.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)![0],
    );
    school.host.submitForm(fresh.formId, r.personalEmail, {
      ...fresh.answers,
      [FORM_ITEMS.name]: r.name,
      [FORM_ITEMS.consent]: [school.config.agreementText],
    });
    expect(rowOf(school, GRAINNE).Status).toBe('Signed');
  });

  it('HTML in a return reason shows as text on the signer’s card', async () => {
    const school = await sampleSchool();
    zoeSigns(school);
    const head = school.host.as(HEAD);
    review(head, 'Zoë Łukasiewicz');
    returnWith(head, '<b>Bold</b> <a href="https://evil.example">click</a>');
    const card = JSON.stringify(school.host.as(ZOE).openHomepage('GMAIL').card);
    expect(card).toContain('&lt;b&gt;Bold&lt;/b&gt;');
    expect(card).not.toMatch(/<a href/);
  });

  it('a busy script lock on a first view does not fail the homepage; the view is recorded on a later open', async () => {
    const school = await sampleSchool();
    holdLockFor(school.host.ws, SCRIPT_LOCK, {});
    const first = school.host.as(ZOE).openHomepage('GMAIL');
    expect(first.error).toBeUndefined();
    expect(first.card?.name).toBe('home');
    const id = String(rowOf(school, ZOE)['Request ID']);
    expect(auditRows(school).filter((a) => a.Action === 'Viewed' && a['Request ID'] === id)).toEqual([]);
    school.host.ws.locks.delete(SCRIPT_LOCK);
    school.host.as(ZOE).openHomepage('GMAIL');
    expect(auditRows(school).filter((a) => a.Action === 'Viewed' && a['Request ID'] === id)).toHaveLength(1);
  });

  it('a signature whose evidence step stopped is "Signed" on the card, "incomplete evidence" to Verify, then completed', async () => {
    const school = await sampleSchool();
    school.host.faults.inject({ method: 'File.getAs' }, { kind: 'crash' });
    expect(zoeSigns(school)).toMatch(/^Signed/);
    expect(rowOf(school, ZOE).Status).toBe('Signed');
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(verifyAs(bm, ZOE).notification).toMatch(/Incomplete evidence/);
    const id = /\/d\/([^/]+)/.exec(String(rowOf(school, ZOE).Document))![1]!;
    expect(rowOf(school, ZOE)['Signed PDF']).toBe('');
    school.host.advance(8 * 60_000);
    school.host.as(ZOE).openHomepage('GMAIL');
    expect(documentText(school.host.ws, id)).not.toContain('awaiting signature');
    bm.openHomepage('GMAIL');
    expect(verifyAs(bm, ZOE).notification).toMatch(/^Verified/);
    const copies = school.host.ws.sentMail.filter((m) => m.subject.startsWith('Your signed copy'));
    expect(copies.map((m) => m.to)).toEqual([[ZOE]]);
  });

  it('a signature when no trigger can be made (the project’s trigger quota): Signed on the card, the steps done by the daily run', async () => {
    const school = await sampleSchool();
    const { ws } = school.host;
    fillTriggerQuota(ws, BM);
    expect(zoeSigns(school)).toMatch(/^Signed\./);
    expect(rowOf(school, ZOE)['Document SHA-256']).toBe('');
    school.host.advance(DAY);
    expect(rowOf(school, ZOE)['Document SHA-256']).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRows(school).filter((a) => a.Action === 'Evidence')).toHaveLength(1);
  });
});
