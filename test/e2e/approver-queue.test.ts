import { generatedRoster } from '../../emulator/cli/generated-roster';
import { readTemplate } from '../../emulator/cli/inputs';
import { queueNames, setUpSchool } from '../../emulator/cli/scenario';
import { Execution } from '../../emulator/core/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { join } from 'node:path';
import { SAMPLES, signatures } from './support';

const HEAD = 'head@school.example';

/** A school of `n`, all invited, whose staff have all signed (their rows marked Signed in the sheet, oldest first). */
async function signedSchool(n: number) {
  const school = setUpSchool({
    template: await readTemplate(join(SAMPLES, 'aup-template.txt')),
    templateName: 'AUP',
    roster: generatedRoster(n),
    schoolName: 'Hilltop Academy',
    sendInvitations: false,
  });
  const bm = school.host.as('bm@school.example');
  bm.openHomepage('GMAIL');
  bm.click('Send invitations');
  school.host.advance(60 * 60_000);
  const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
  const sheet = createSpreadsheetApp(exec)
    .openById(school.config.trackingSpreadsheetId)
    .getSheetByName('Signatures')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const rows = sheet.getLastRow() - 1;
  const status = header.indexOf('Status') + 1;
  const signedAt = header.indexOf('Signed At') + 1;
  sheet.getRange(2, status, rows, 1).setValues(Array.from({ length: rows }, () => ['Signed']));
  sheet
    .getRange(2, signedAt, rows, 1)
    .setValues(
      Array.from({ length: rows }, (_, i) => [new Date(Date.parse('2026-09-02T08:00:00Z') + i * 60_000)]),
    );
  return school;
}

const widgetsPerSection = (card: { sections?: { widgets?: unknown[] }[] } | undefined) =>
  (card?.sections ?? []).map((s) => (s.widgets ?? []).length);

describe('the approver’s queue', () => {
  it('pages 60 waiting people 20 at a time, longest waiting first, each section well inside Google’s limits', async () => {
    const school = await signedSchool(61);
    const waiting = signatures(school).filter((r) => r.Email !== HEAD);
    expect(waiting).toHaveLength(60);
    const head = school.host.as(HEAD);
    const home = head.openHomepage('GMAIL');
    expect(home.card?.sections?.[0]?.header).toBe('Awaiting your approval (60)');
    const first = queueNames(home.card);
    expect(first).toEqual(waiting.slice(0, 20).map((r) => r.Name));
    expect(Math.max(...widgetsPerSection(home.card))).toBeLessThanOrEqual(25);
    expect(JSON.stringify(home.card)).toContain('Showing 1–20 of 60.');
    const second = head.click('Next page');
    expect(queueNames(second.card)).toEqual(waiting.slice(20, 40).map((r) => r.Name));
    head.click('Next page');
    const last = queueNames(head.card);
    expect(last).toEqual(waiting.slice(40, 60).map((r) => r.Name));
    expect(head.actionOf('Next page')).toBeUndefined();
    expect(head.click('Previous page').card && queueNames(head.card)).toEqual(
      waiting.slice(20, 40).map((r) => r.Name),
    );
  });

  it('approving someone on page 2 goes back to page 2', async () => {
    const school = await signedSchool(45);
    const head = school.host.as(HEAD);
    head.openHomepage('GMAIL');
    head.click('Next page');
    const [name] = queueNames(head.card);
    head.click(name!);
    const done = head.click('Approve', { systems: ['Email'] });
    expect(JSON.stringify(done.card)).toContain('Showing 21–40 of 43.');
    expect(queueNames(done.card)).not.toContain(name);
  });

  it('each person opens on a review card of their own, and approving goes back to the queue without them', async () => {
    const school = await signedSchool(25);
    const head = school.host.as(HEAD);
    head.openHomepage('GMAIL');
    const [name] = queueNames(head.card);
    const reviewCard = head.click(name!);
    expect(reviewCard.card?.name).toBe('review');
    expect(reviewCard.card?.header?.title).toBe(name);
    const done = head.click('Approve', { systems: ['Email'] });
    expect(done.notification).toMatch(new RegExp(`^Approved ${name}\\.`));
    expect(done.card?.name).toBe('home');
    expect(queueNames(done.card)).not.toContain(name);
    expect(done.card?.sections?.[0]?.header).toBe('Awaiting your approval (23)');
  });

  it('on the review card, ticks the systems Settings give the staff type, refuses none ticked, and asks the reason to return on a card of its own', async () => {
    const school = await signedSchool(5);
    const head = school.host.as(HEAD);
    head.openHomepage('GMAIL');
    const [name] = queueNames(head.card);
    const review = head.click(name!).card!;
    const grant = (review.sections ?? [])
      .flatMap((x) => x.widgets ?? [])
      .find((w) => w.selectionInput)?.selectionInput;
    const staffType = String(signatures(school).find((r) => r.Name === name)?.['Staff Type']);
    const ticked = staffType === 'Staff' ? ['Email', 'Google Classroom', 'MIS', 'Wi-Fi'] : ['Email'];
    expect(grant?.items?.filter((i) => i.selected).map((i) => i.text)).toEqual(ticked);
    expect([review.fixedFooter?.primaryButton?.text, review.fixedFooter?.secondaryButton?.text]).toEqual([
      'Approve',
      'Return',
    ]);
    expect(head.click('Approve', { systems: [] }).notification).toBe(
      `Tick the systems to grant ${name}, or return their AUP.`,
    );
    const asked = head.click('Return');
    expect(asked.card?.name).toBe('return');
    expect(asked.card?.fixedFooter?.primaryButton?.text).toBe('Return');
  });

  it('at 2,000 waiting: a page of 20 well inside Google’s limits, and Approve all on this page confirms whom, then approves them in one card action', async () => {
    const school = await signedSchool(3);
    const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
    const sheet = createSpreadsheetApp(exec)
      .openById(school.config.trackingSpreadsheetId)
      .getSheetByName('Signatures')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const template = sheet.getRange(sheet.getLastRow(), 1, 1, header.length).getValues()[0]!;
    const cell = (h: string) => header.indexOf(h);
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const row = [...template];
      row[cell('Request ID')] = `R-bulk-${i}`;
      row[cell('Email')] = `bulk${i}@school.example`;
      row[cell('Name')] = `Bulk Signer ${i}`;
      row[cell('Staff Type')] = 'Staff';
      row[cell('Signed At')] = new Date(Date.parse('2026-09-03T08:00:00Z') + i * 1000);
      return row;
    });
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
    for (let i = 0; i < 20; i++)
      school.host.ws.addUser({ email: `bulk${i}@school.example`, name: `Bulk Signer ${i}` });
    const head = school.host.as(HEAD);
    const home = head.openHomepage('GMAIL');
    expect(home.card?.sections?.[0]?.header).toBe('Awaiting your approval (2002)');
    expect(JSON.stringify(home.card)).toContain('Showing 1–20 of 2002.');
    expect(Math.max(...widgetsPerSection(home.card))).toBeLessThanOrEqual(25);
    const confirm = head.click('Approve all on this page (20)');
    expect(confirm.card?.header?.title).toBe('Approve 20 AUPs?');
    expect(queueNames(home.card)).toHaveLength(20);
    const from = school.host.executions.length;
    const done = head.click('Approve all 20');
    const run = school.host.executions.slice(from).find((e) => e.fn === 'onApproveAll');
    expect(run?.error).toBeUndefined();
    expect(run!.elapsedMs).toBeLessThan(30_000);
    expect(done.notification).toMatch(/^Approved 20 AUPs; each completes within a few minutes\.$/);
    expect(done.card?.sections?.[0]?.header).toBe('Awaiting your approval (1982)');
    school.host.advance(10 * 60_000);
    const approved = signatures(school).filter((r) => r['Approved By'] === HEAD);
    expect(approved).toHaveLength(20);
    expect(approved.every((r) => r.Systems === 'Email, Google Classroom, MIS, Wi-Fi')).toBe(true);
  });
});
