import type { Config } from '../core/config';
import { fitCell } from '../core/limits';
import {
  memoryFor,
  recordsStatus,
  reviewAction,
  type PersonRecords,
  type RecordsStatus,
} from '../core/retention';
import type { SignatureRequest } from '../core/request';
import { withScriptLock } from '../gas/lock';
import { newNotice, queueNotices } from '../gas/outbox';
import { binFiles, memoryOf, readRecords, writeRecords, type RecordsRow } from '../gas/records';
import { Tracking, type AuditEntry } from '../gas/tracking';
import { londonDay, ukDate } from './context';
import { claimDetails, deliverNotices } from './notices';

/** What a month's records review did. */
export interface ReviewRun {
  notified: number;
  disposed: number;
  /** Files put in the bin. */
  files: number;
}

/** A yyyy-mm-dd day in en-GB words. */
function words(day: string): string {
  return day ? ukDate(new Date(`${day}T12:00:00Z`)) : '';
}

/**
 * The month's records review (the first daily run of each month): for everyone who is no longer
 * on the staff, how long their signed records are kept ({@link recordsStatus}); the business
 * managers are told, in one email each, of the records that fall due within a month; records due
 * whose notice went a month ago, with no request open and no hold, are disposed of: their personal
 * documents, signed PDFs, snapshots and evidence packs (the files of the add-on's folders the row
 * and its Audit rows link) go to the bin, and an Audit row per request records it; the Audit rows
 * themselves stay. The Records sheet is rewritten with where each person stands.
 *
 * The files go to the bin first; then, under the script lock, the Records sheet is read again: a
 * hold set meanwhile takes the person's files back out of the bin. Under the lock the notices are
 * queued, then the Audit rows written (each disposal's once; a notice's claim), then the Records
 * sheet: a run that stops before the Records sheet is finished by the next, which reads from the
 * Audit who was told and when, so nobody is told twice and no disposal is recorded twice.
 */
export function recordsReview(config: Config, actor: string): ReviewRun {
  const tracking = Tracking.open(config);
  const today = londonDay();
  const requests = tracking.readSignatures().requests.map((s) => s.request);
  const staff = new Map(tracking.readRoster(config.staffTypes).staff.map((p) => [p.email, p]));
  const people = peopleOf(requests, staff, readRecords(tracking));
  const statuses = new Map(
    people.map((p) => [p.email, recordsStatus(p, config, today, (d) => londonDay(d))]),
  );
  const noticedBefore = noticesSent(tracking);
  const due = people.filter((p) => {
    const s = statuses.get(p.email) as RecordsStatus;
    return reviewAction(s, memoryFor(p.memory, s, noticedBefore.get(p.email) ?? ''), today) === 'dispose';
  });
  const links = due.length ? tracking.auditLinks() : new Map<string, string[]>();
  const filesOf = (p: PersonRecords): string[] => personFiles(p.requests, links);
  const folders = [config.folderId, config.signedFolderId];
  let files = 0;
  for (const p of due) files += binFiles(filesOf(p), folders);
  const done = withScriptLock(() => {
    const now = readRecords(tracking);
    const audited = tracking.auditedRequests('Records disposed');
    const noticed = noticesSent(tracking);
    const rows: RecordsRow[] = [];
    const audit: AuditEntry[] = [];
    const held: PersonRecords[] = [];
    const notify: { p: PersonRecords; s: RecordsStatus }[] = [];
    for (const p of peopleOf(requests, staff, now)) {
      const s = statuses.get(p.email) as RecordsStatus;
      const memory = memoryFor(p.memory, s, noticed.get(p.email) ?? '');
      const action = reviewAction(s, memory, today);
      if (action === 'dispose') memory.disposedOn = today;
      if (action === 'notify') {
        memory.noticeSent = today;
        notify.push({ p, s });
      }
      if (due.some((d) => d.email === p.email) && action !== 'dispose') held.push(p);
      if (action === 'dispose')
        audit.push(
          ...p.requests
            .filter((r) => !audited.has(r.requestId))
            .map((r) => ({
              at: new Date(),
              actor,
              action: 'Records disposed',
              requestId: r.requestId,
              details: fitCell(
                `${r.name}'s document, signed PDFs and snapshots of ${r.policyVersion} moved to the bin under the retention settings: kept until ${words(s.keepUntil)} (${s.leftOn ? `left on ${words(s.leftOn)}` : 'never on the staff'}); told ${config.businessManagers.join(', ')} on ${words(memory.noticeSent)}.`,
              ),
            })),
        );
      if (s.leftOn || memory.hold || memory.disposedOn) rows.push(rowOf(p, s, memory));
    }
    const notices = notify.length
      ? config.businessManagers.map((to) =>
          newNotice({
            kind: 'retention',
            requestId: '',
            to,
            lines: notify.map(
              ({ p, s }) =>
                `${p.name} (${p.email}): ${s.leftOn ? `left on ${words(s.leftOn)}` : 'never joined'}; kept until ${words(s.keepUntil)}`,
            ),
          }),
        )
      : [];
    if (notices.length) {
      audit.push({
        at: new Date(),
        actor,
        action: 'Disposal notice',
        requestId: '',
        details: claimDetails(
          `Records due for disposal within a month, told to ${config.businessManagers.join(', ')}: ${notify.map(({ p }) => p.email).join(', ')}`,
          notices,
        ),
      });
      queueNotices(notices);
    }
    tracking.appendAudit(audit);
    writeRecords(tracking, rows);
    return { notices, held, disposed: audit.filter((a) => a.action === 'Records disposed').length };
  });
  for (const p of done.held) restore(filesOf(p));
  deliverNotices(config, done.notices, tracking);
  return {
    notified: done.notices.length ? (done.notices[0]?.lines?.length ?? 0) : 0,
    disposed: done.disposed,
    files,
  };
}

/** The Audit's notice rows: when (yyyy-mm-dd) each person's disposal was last notified. */
function noticesSent(tracking: Tracking): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of tracking.readAudit('')) {
    if (a.action !== 'Disposal notice') continue;
    const emails = /: ([^()]*?)(?: \(notice|$)/.exec(a.details)?.[1] ?? '';
    for (const e of emails.split(', ')) if (e) out.set(e.trim(), a.timestamp.slice(0, 10));
  }
  return out;
}

/** A person's files: each request's document and signed PDF, and the files its Audit rows link. */
function personFiles(requests: readonly SignatureRequest[], links: ReadonlyMap<string, string[]>): string[] {
  return requests
    .flatMap((r) => [r.document, r.signedPdf, ...(links.get(r.requestId) ?? [])])
    .filter(Boolean);
}

/** Takes files back out of the bin (a hold was set while they were being disposed of). */
function restore(urls: readonly string[]): void {
  for (const url of urls) {
    const id = /\/d\/([A-Za-z0-9_-]{10,})/.exec(url)?.[1];
    if (!id) continue;
    try {
      const f = DriveApp.getFileById(id);
      if (f.isTrashed()) f.setTrashed(false);
    } catch {
      continue;
    }
  }
}

/** Everyone with a request, or a Records row, with their requests, Staff row and what the Records sheet remembers. */
function peopleOf(
  requests: readonly SignatureRequest[],
  staff: ReadonlyMap<string, { leavingDate: Date | null }>,
  records: ReadonlyMap<string, RecordsRow>,
): PersonRecords[] {
  const by = new Map<string, SignatureRequest[]>();
  for (const r of requests) by.set(r.email, [...(by.get(r.email) ?? []), r]);
  for (const email of records.keys()) if (!by.has(email)) by.set(email, []);
  return [...by].map(([email, own]) => {
    const row = staff.get(email);
    return {
      email,
      name: own[own.length - 1]?.name ?? records.get(email)?.Name ?? email,
      requests: own,
      staff: row ? { leavingDate: row.leavingDate ? londonDay(row.leavingDate) : '' } : undefined,
      memory: memoryOf(records.get(email)),
    };
  });
}

/** A person's Records row. */
function rowOf(p: PersonRecords, s: RecordsStatus, memory: ReturnType<typeof memoryOf>): RecordsRow {
  const status = memory.disposedOn
    ? `Disposed of on ${words(memory.disposedOn)}`
    : memory.hold
      ? 'Held'
      : s.kept === 'a request is open'
        ? 'Kept: a request is open'
        : s.kept === 'on the staff'
          ? 'On the staff'
          : s.keepUntil
            ? `Kept until ${words(s.keepUntil)}`
            : 'Kept';
  return {
    Name: p.name,
    Email: p.email,
    Status: status,
    'Left On': s.leftOn,
    'Keep Until': s.keepUntil,
    Hold: memory.hold,
    'Notice Sent': memory.noticeSent,
    'Disposed On': memory.disposedOn,
  };
}

/**
 * Hold (business managers): keeps a person's records, whatever their date, until the hold is
 * released (an investigation, a claim), or releases it; recorded in the Audit, then on the
 * Records sheet, under the script lock (a try after a run that stopped between them writes the
 * sheet and no second Audit row). A hold also takes the person's files back out of the bin, where a
 * records review that stopped before recording them had put them.
 * @returns the sentence for the card
 */
export function setHold(
  config: Config,
  actor: string,
  person: { email: string; name: string },
  hold: { release: boolean; reason: string },
): string {
  const tracking = Tracking.open(config);
  const said = withScriptLock(() => {
    const records = readRecords(tracking);
    const row: RecordsRow = records.get(person.email) ?? {
      Name: person.name,
      Email: person.email,
      Status: 'On the staff',
      'Left On': '',
      'Keep Until': '',
      Hold: '',
      'Notice Sent': '',
      'Disposed On': '',
    };
    if (row['Disposed On'])
      return `${person.name}'s records were disposed of on ${words(row['Disposed On'])}: there is nothing left to hold.`;
    if (hold.release && !row.Hold) return `${person.name}'s records are not held.`;
    const text = hold.release
      ? ''
      : `Held by ${actor} on ${words(londonDay())}: ${hold.reason || 'no reason given'}`;
    const action = hold.release ? 'Hold released' : 'Records held';
    const details = fitCell(
      `${person.name} <${person.email}>${hold.release ? '' : `: ${hold.reason || 'no reason given'}`}`,
    );
    const last = tracking
      .readAudit('')
      .filter(
        (a) =>
          (a.action === 'Records held' || a.action === 'Hold released') &&
          a.details.includes(`<${person.email}>`),
      )
      .pop();
    if (last?.action !== action || last.details !== details)
      tracking.appendAudit([{ at: new Date(), actor, action, requestId: '', details }]);
    records.set(person.email, { ...row, Hold: text, Status: hold.release ? row.Status : 'Held' });
    writeRecords(tracking, [...records.values()]);
    return hold.release
      ? `The hold on ${person.name}'s records is released: they are kept or disposed of by the retention settings again.`
      : `${person.name}'s records are held: nothing of theirs is disposed of until the hold is released.`;
  });
  if (!hold.release) {
    const own = tracking
      .readSignatures()
      .requests.map((s) => s.request)
      .filter((r) => r.email === person.email);
    restore(personFiles(own, tracking.auditLinks()));
  }
  return said;
}
