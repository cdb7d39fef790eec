import { withScriptLock } from './lock';

/** What an email is about; {@link import('../server/notices').renderNotice} builds it from the records. */
export type NoticeKind =
  | 'invitation'
  | 'reminder'
  | 'signed'
  | 'copy'
  | 'returned'
  | 'ready'
  | 'complete'
  | 'digest'
  | 'approvals'
  | 'enablement'
  | 'edition'
  | 'retention';

/**
 * An email owed (DESIGN.md §8: side effects after the record, each resumable, emails at most
 * once). Queued in Script Properties *before* the write that claims it, whose Audit row names
 * `ref`; sent by the run that queued it, or, when that run stopped, by the next run once the lease
 * is over, but only if the Audit shows the claim (a run that stopped before its claim leaves a
 * notice that is simply dropped). Marked `sending` just before MailApp is called: a notice found
 * still sending after its lease may or may not have gone, so it is never sent again, and the
 * Audit says so ("Notice unconfirmed").
 */
export interface Notice {
  /** A short unique reference, named in the claiming Audit row ("notice N-1a2b3c4d"). */
  ref: string;
  kind: NoticeKind;
  /** The request it is about ('' for a digest: overdue, approvals awaited, accounts awaiting an administrator). */
  requestId: string;
  to: string;
  /** A fresh single-use form reference for a new starter's link (its hash is in Form Tokens). */
  token?: string;
  /** For a digest: how many became Overdue today. */
  newly?: number;
  /** For a notice of records due for disposal: a line for each person. */
  lines?: string[];
  /**
   * What the request's row shows once the claim is written (cells, dates in ms), for a notice no
   * owed steps take care of: a run that stopped between the row's write and its Audit rows still
   * leaves a notice that is sent, and those Audit rows (`audit`) are written then.
   */
  claim?: NoticeClaim;
  /** The claim's Audit rows (`at` in ms), restored when the row shows the claim and the Audit lacks them. */
  audit?: { at: number; actor: string; action: string; requestId: string; details: string }[];
  /** Until when (ms) the run that queued or took it holds it. */
  leaseUntil: number;
  /** Set just before MailApp is called. */
  sending?: boolean;
  /** How many sends MailApp refused (for a reason other than the quota). */
  failures?: number;
}

/** Cells of a request's row that show a claim was written (dates as ms). */
export interface NoticeClaim {
  status?: string;
  notes?: string;
  invitedAt?: number;
  lastReminderAt?: number;
  remindersSent?: number;
}

/** Script Properties prefix of owed emails. */
const PREFIX = 'AUP_SIGNER_OUTBOX:';

/** How long a run holds its notices (ms): past a run's 6 minutes, as the owed steps' lease. */
export const NOTICE_LEASE_MS = 7 * 60_000;

/** A new notice, held by this run, with a fresh reference. */
export function newNotice(n: Omit<Notice, 'ref' | 'leaseUntil' | 'sending'>): Notice {
  return { ...n, ref: `N-${Utilities.getUuid().slice(0, 8)}`, leaseUntil: Date.now() + NOTICE_LEASE_MS };
}

/** The words a claiming Audit row carries for `n`, so a later run can tell the claim was made. */
export function noticeTag(n: Pick<Notice, 'ref'>): string {
  return `(notice ${n.ref})`;
}

/**
 * Queues notices in one Script Properties write (Properties.setProperties), with `extra` keys
 * written in that same call (so a state that says "queued" and the notices appear together).
 * With `replace`, notices of the same kind for the same requests that are not being sent are
 * forgotten first: called just before a claim (under the lock, or for evidence by the run holding
 * the request's steps), those were left by a run that stopped before its own claim, or are
 * superseded by this one, and one of them could otherwise pass for this claim's.
 */
export function queueNotices(
  notices: readonly Notice[],
  options: { extra?: Record<string, string>; replace?: boolean } = {},
): void {
  const props = PropertiesService.getScriptProperties();
  if (options.replace && notices.length) {
    const mine = new Set(notices.map((n) => `${n.kind}|${n.requestId}`));
    for (const old of listNotices()) {
      if (!old.sending && mine.has(`${old.kind}|${old.requestId}`)) props.deleteProperty(PREFIX + old.ref);
    }
  }
  const values: Record<string, string> = { ...options.extra };
  for (const n of notices) values[PREFIX + n.ref] = JSON.stringify(n);
  if (Object.keys(values).length) props.setProperties(values);
}

/** Every owed notice (one read of Script Properties). */
export function listNotices(): Notice[] {
  return Object.entries(PropertiesService.getScriptProperties().getProperties())
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([, v]) => JSON.parse(v) as Notice);
}

/**
 * Marks `n` as being sent, just before MailApp is called, if it is still owed (a claim that
 * replaced it, or another run that sent it, has forgotten it). @returns whether to send it
 */
export function markSending(n: Notice): boolean {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(PREFIX + n.ref) === null) return false;
  props.setProperty(PREFIX + n.ref, JSON.stringify({ ...n, sending: true }));
  return true;
}

/** Puts `n` back as owed, not sending (MailApp refused it before sending: the quota, or a failure to try again). */
export function unmarkSending(n: Notice): void {
  PropertiesService.getScriptProperties().setProperty(
    PREFIX + n.ref,
    JSON.stringify({ ...n, sending: false }),
  );
}

/** Forgets `n`: sent, dropped or given up as unconfirmed. */
export function forgetNotice(n: Pick<Notice, 'ref'>): void {
  PropertiesService.getScriptProperties().deleteProperty(PREFIX + n.ref);
}

/**
 * Takes over the notices whose lease is over (their run stopped), under the script lock so two
 * runs never take the same: renewed for this run in one write.
 * @returns the notices now held by this run
 */
export function takeStaleNotices(): Notice[] {
  if (!listNotices().some((n) => n.leaseUntil <= Date.now())) return [];
  return withScriptLock(
    () => {
      const now = Date.now();
      const stale = listNotices().filter((n) => n.leaseUntil <= now);
      const taken = stale.map((n) => ({ ...n, leaseUntil: now + NOTICE_LEASE_MS }));
      const values: Record<string, string> = {};
      for (const n of taken) values[PREFIX + n.ref] = JSON.stringify(n);
      if (taken.length) PropertiesService.getScriptProperties().setProperties(values);
      return taken;
    },
    { sheets: false },
  );
}
