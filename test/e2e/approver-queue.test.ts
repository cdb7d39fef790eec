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
});
