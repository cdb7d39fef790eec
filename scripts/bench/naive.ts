import { join } from 'node:path';
import { readTemplate } from '../../emulator/cli/inputs';
import { Execution } from '../../emulator/core/execution';
import { Workspace } from '../../emulator/core/workspace';
import { createDocumentFromElements } from '../../emulator/services/document/io';
import { createDocumentApp } from '../../emulator/services/document';
import { createDriveApp } from '../../emulator/services/drive';
import { createMailApp, MAIL_QUOTA_MESSAGE } from '../../emulator/services/mail';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { SIGNATURE_HEADERS } from '../../src/core/columns';
import { PLACEHOLDERS } from '../../src/core/placeholders';
import { generatedRoster as roster } from '../../emulator/cli/generated-roster';
import { measure, type Measure } from './ours';

const BM = 'bm@school.example';
const DAY = 24 * 60 * 60_000;

/**
 * The naive baseline: the same work written the way a first Apps Script usually is, on the same
 * emulated services and latency model: one `appendRow` per row (and per Audit line), one
 * `Body.replaceText` per placeholder, one `getValue`/`setValue` per cell on the reminder day.
 * Each run is a trigger execution; a new one starts when the 6-minute limit is hit, and the next
 * day's when MailApp's daily quota is spent.
 */
export async function measureNaive(n: number): Promise<{ invitation: Measure; reminderDay: Measure }> {
  const ws = new Workspace('school.example', new Date('2026-09-01T08:00:00Z'));
  const people = roster(n);
  for (const p of people) ws.addUser({ email: p.email, name: p.name });
  const templateId = createDocumentFromElements(
    ws,
    BM,
    'AUP',
    await readTemplate(join(__dirname, '../../samples/aup-template.txt')),
  );
  let exec = new Execution(ws, 'trigger', BM, BM);
  const runs: { fn: string; kind: 'trigger'; user: string; startedAt: number; elapsedMs: number }[] = [];
  const track = (): void => {
    runs.push({
      fn: 'naive',
      kind: 'trigger',
      user: BM,
      startedAt: exec.startedAt,
      elapsedMs: exec.elapsedMs,
    });
  };
  /** Runs `work` in the current execution; on the time limit or the mail quota, starts a new one. */
  const step = (work: (e: Execution) => void): void => {
    for (;;) {
      try {
        work(exec);
        return;
      } catch (err) {
        const message = String((err as Error).message);
        if (message === MAIL_QUOTA_MESSAGE) ws.clock.advanceTo(ws.clock.now() + DAY);
        else if (!message.startsWith('Exceeded maximum execution time')) throw err;
        track();
        exec = new Execution(ws, 'trigger', BM, BM);
      }
    }
  };
  const ss = createSpreadsheetApp(exec).create('Naive tracking');
  const ssId = ss.getId();
  ss.getSheets()[0]?.setName('Signatures');
  ss.insertSheet('Audit');
  ws.accounting.reset();

  for (const p of people) {
    step((e) => {
      const book = createSpreadsheetApp(e).openById(ssId);
      book
        .getSheetByName('Signatures')
        ?.appendRow(
          SIGNATURE_HEADERS.map((h) => (h === 'Email' ? p.email : h === 'Status' ? 'Invited' : '')),
        );
      book
        .getSheetByName('Audit')
        ?.appendRow([new Date(ws.clock.now()).toISOString(), BM, 'Request created', p.email, '']);
      const copy = createDriveApp(e).getFileById(templateId).makeCopy(`AUP — ${p.name}`);
      const doc = createDocumentApp(e).openById(copy.getId());
      for (const field of PLACEHOLDERS)
        doc.getBody().replaceText(`\\{\\{\\s*${field.replace(/ /g, '\\s*')}\\s*\\}\\}`, p.name);
      doc.saveAndClose();
      copy.addViewer(p.email);
      createMailApp(e).sendEmail(p.email, 'Please sign the AUP', copy.getUrl());
      book
        .getSheetByName('Audit')
        ?.appendRow([new Date(ws.clock.now()).toISOString(), BM, 'Invited', p.email, '']);
    });
  }
  track();
  const invitation = measure(
    ws.accounting.tally(),
    runs,
    ws.sentMail.map((m) => m.sentAt),
  );

  ws.accounting.reset();
  const before = ws.sentMail.length;
  runs.length = 0;
  ws.clock.advanceTo(ws.clock.now() + 3 * DAY);
  exec = new Execution(ws, 'trigger', BM, BM);
  const status = SIGNATURE_HEADERS.indexOf('Status') + 1;
  const sentCol = SIGNATURE_HEADERS.indexOf('Reminders Sent') + 1;
  const lastCol = SIGNATURE_HEADERS.indexOf('Last Reminder At') + 1;
  people.forEach((p, i) => {
    step((e) => {
      const sheet = createSpreadsheetApp(e).openById(ssId).getSheetByName('Signatures');
      if (!sheet || sheet.getRange(i + 1, status).getValue() !== 'Invited') return;
      sheet.getRange(i + 1, sentCol).setValue(Number(sheet.getRange(i + 1, sentCol).getValue() || 0) + 1);
      sheet.getRange(i + 1, lastCol).setValue(new Date(ws.clock.now()));
      createMailApp(e).sendEmail(p.email, 'Reminder: please sign the AUP', 'Please sign.');
    });
  });
  track();
  const reminderDay = measure(
    ws.accounting.tally(),
    runs,
    ws.sentMail.slice(before).map((m) => m.sentAt),
  );
  return { invitation, reminderDay };
}
