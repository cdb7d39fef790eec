import { join } from 'node:path';
import { readTemplate } from '../../emulator/cli/inputs';
import { generatedRoster as roster } from '../../emulator/cli/generated-roster';
import { setUpSchool } from '../../emulator/cli/scenario';
import type { CallTally } from '../../emulator/core/accounting';
import type { ExecutionRecord } from '../../emulator/host/host';
import { measureCards, type CardTimes } from './cards';

/** What one measured workload cost. */
export interface Measure {
  calls: number;
  sheetsCalls: number;
  modelledMs: number;
  executions: number;
  emailsPerDay: Record<string, number>;
  tally: CallTally[];
}

const SHEETS = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|Filter|ConditionalFormatRule)\./;
/** Calls that make and share a document: DocumentApp and its elements, DriveApp, and the Docs and Drive APIs. */
const DOCUMENT =
  /^(DocumentApp|Document|Body|Paragraph|ListItem|Text|RangeElement|Table|TableRow|TableCell|HeaderSection|FooterSection|DriveApp|File|Folder|FileIterator|FolderIterator|Docs|Drive)\./;

/** What one person's document cost, on average over the invitation. */
export interface PerDocument {
  calls: number;
  modelled_ms: number;
}

/** Everything the benchmark measures of the add-on itself. */
export interface OursMeasure {
  invitation: Measure;
  reminderDay: Measure;
  perDocument: PerDocument;
  /** Modelled hours from Send invitations to the last invitation sent. */
  hoursToLastInvitation: number;
  /** Each role's card actions on the school once everyone is invited (when asked for). */
  cards: CardTimes | undefined;
}

/**
 * The add-on itself, through its bundle: the annual invitation of `n` staff (from Send
 * invitations until everyone is invited, across trigger runs and quota days), then a reminder day
 * (the daily trigger three days later).
 */
export async function measureOurs(n: number, withCards = true): Promise<OursMeasure> {
  const template = await readTemplate(join(__dirname, '../../samples/aup-template.txt'));
  const people = roster(n);
  const school = setUpSchool({
    template,
    templateName: 'AUP',
    roster: people,
    schoolName: 'Bench School',
    sendInvitations: false,
  });
  const { host } = school;
  const ws = host.ws;
  ws.accounting.reset();
  const fromExec = host.executions.length;
  const bm = host.as(school.cast.businessManager);
  bm.openHomepage('GMAIL');
  const clicked = ws.clock.now();
  bm.click('Send invitations');
  const invitedAll = (): boolean =>
    ws.sentMail.filter((m) => m.subject.startsWith('Please sign')).length >= n;
  for (let day = 0; day < 5 && !invitedAll(); day++) host.advance(24 * 60 * 60_000);
  const invitation = measure(
    ws.accounting.tally(),
    host.executions.slice(fromExec),
    ws.sentMail.map((m) => m.sentAt),
  );
  const documentTally = ws.accounting.tally().filter((t) => DOCUMENT.test(t.method));
  const perDocument = {
    calls: Math.round(documentTally.reduce((a, t) => a + t.calls, 0) / n),
    modelled_ms: Math.round(documentTally.reduce((a, t) => a + t.modelledMs, 0) / n),
  };
  ws.accounting.reset();
  const beforeMail = ws.sentMail.length;
  const beforeExec = host.executions.length;
  const lastInvite = Math.max(...ws.sentMail.map((m) => m.sentAt));
  host.advanceTo(lastInvite + 4 * 24 * 60 * 60_000);
  const reminderDay = measure(
    ws.accounting.tally(),
    host.executions.slice(beforeExec),
    ws.sentMail.slice(beforeMail).map((m) => m.sentAt),
  );
  const hoursToLastInvitation = (lastInvite - clicked) / 3_600_000;
  const signer = people.find(
    (p) => !p.personalEmail && ![school.cast.businessManager, ...school.cast.approvers].includes(p.email),
  );
  if (!signer) throw new Error('No member of staff to sign');
  const cards = withCards ? measureCards(school, signer) : undefined;
  return { invitation, reminderDay, perDocument, hoursToLastInvitation, cards };
}

/** Sums a call tally, the executions and the emails per London day. */
export function measure(
  tally: CallTally[],
  executions: readonly ExecutionRecord[],
  sentAt: readonly number[],
): Measure {
  const emailsPerDay: Record<string, number> = {};
  for (const t of sentAt) {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t));
    emailsPerDay[day] = (emailsPerDay[day] ?? 0) + 1;
  }
  return {
    calls: tally.filter((t) => t.method !== 'Execution.start').reduce((a, t) => a + t.calls, 0),
    sheetsCalls: tally.filter((t) => SHEETS.test(t.method)).reduce((a, t) => a + t.calls, 0),
    modelledMs: tally.reduce((a, t) => a + t.modelledMs, 0),
    executions: executions.filter((e) => e.fn !== 'doPost').length,
    emailsPerDay,
    tally,
  };
}
