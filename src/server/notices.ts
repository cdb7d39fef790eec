import { docIdFrom, type Config } from '../core/config';
import { accountOwed, awaiting, type SignatureRequest } from '../core/request';
import { prefilledLink } from '../gas/forms';
import { withScriptLock } from '../gas/lock';
import { remainingQuota, send, type Email } from '../gas/mail';
import { fitCell } from '../core/limits';
import {
  forgetNotice,
  markSending,
  noticeTag,
  takeStaleNotices,
  unmarkSending,
  type Notice,
  type NoticeClaim,
} from '../gas/outbox';
import { Tracking, type AuditEntry } from '../gas/tracking';
import { changesReader } from './changes';
import {
  approvalsDigest,
  completedEmail,
  editionEmail,
  retentionNotice,
  enablementDigest,
  invitationEmail,
  mailContext,
  newStarterInvitation,
  overdueDigest,
  reminderEmail,
  returnedEmail,
  signedCopyEmail,
  signedNotice,
  type MailContext,
} from './emails';

/** How a delivery ended. */
export interface Delivery {
  sent: number;
  /** Notices left owed: MailApp's daily quota is spent (tomorrow's daily run sends them). */
  left: number;
  /** Notices found still marked sending after their run stopped: never sent again. */
  unconfirmed: number;
}

/** A Drive file's content (a signed PDF) to attach, from its URL (DriveApp File.getBlob). */
function attachment(url: string): GoogleAppsScript.Base.Blob {
  return DriveApp.getFileById(docIdFrom(url)).getBlob();
}

/**
 * The email `n` stands for, built from the records as they are now (the request's row; for a
 * digest, the requests it lists), or undefined when there is nothing left to say (the request is
 * gone, nobody is waiting any more).
 */
export function renderNotice(
  ctx: MailContext,
  n: Notice,
  requests: ReadonlyMap<string, SignatureRequest>,
): Email | undefined {
  const { config } = ctx;
  const all = [...(n.requestId ? [] : requests.values())].filter(
    (r) => r.policyVersion === config.policyVersion,
  );
  switch (n.kind) {
    case 'digest': {
      const overdue = all.filter((r) => r.status === 'Overdue');
      return overdue.length ? overdueDigest(ctx, n.to, overdue, n.newly ?? 0) : undefined;
    }
    case 'approvals': {
      const waiting = awaiting(all, n.to);
      return waiting.length ? approvalsDigest(ctx, n.to, waiting) : undefined;
    }
    case 'retention':
      return n.lines?.length ? retentionNotice(ctx, n.to, n.lines) : undefined;
    case 'enablement': {
      const now = Date.now();
      const waiting = all.filter((r) => r.status === 'Approved' && accountOwed(r, now));
      return waiting.length ? enablementDigest(ctx, n.to, waiting) : undefined;
    }
  }
  const r = requests.get(n.requestId);
  if (!r) return undefined;
  const link = n.token ? prefilledLink(config.form, n.token) : '';
  switch (n.kind) {
    case 'invitation':
      return n.token
        ? newStarterInvitation(
            ctx,
            r,
            n.to,
            link,
            DriveApp.getFileById(docIdFrom(r.document)).getAs('application/pdf'),
          )
        : invitationEmail(ctx, r);
    case 'reminder':
      return reminderEmail(ctx, r, n.to, link);
    case 'signed':
      return signedNotice(ctx, r, n.to);
    case 'copy':
      return r.signedPdf ? signedCopyEmail(ctx, r, n.to, attachment(r.signedPdf)) : undefined;
    case 'returned':
      return returnedEmail(ctx, r, n.to, link);
    case 'edition':
      return editionEmail(ctx, r, n.to);
    case 'ready':
    case 'complete':
      return completedEmail(ctx, r, {
        accountReady: n.kind === 'ready',
        personalEmail: n.to === r.email ? '' : n.to,
        pdf: r.signedPdf ? attachment(r.signedPdf) : undefined,
      });
  }
}

/** Sends a notice MailApp refused for another reason than the quota is tried this many times. */
const SEND_TRIES = 3;

/** MailApp's refusals that no retry can mend: the address or the message itself. */
const PERMANENT = /invalid (email|argument)|argument too large/i;

/**
 * Sends notices this run holds, in order, each at most once: marked sending, sent, forgotten.
 * Stops, leaving the rest owed, when MailApp's daily quota will not cover the next one
 * (MailApp.getRemainingDailyQuota, read once), when MailApp answers that it is spent, or past
 * `deadline` (ms). A notice already marked sending (its run stopped at the send) is given up, with
 * an Audit row ("Notice unconfirmed"). One whose email cannot be built (its document is gone) or
 * that MailApp refuses for good (an address it will not take), or refuses for another reason
 * {@link SEND_TRIES} times, is given up with an Audit row ("Notice failed"); a refusal short of
 * that leaves it owed for a later run.
 * @param requests the requests by ID, as the caller has them (read from the sheet when absent)
 */
export function deliverNotices(
  config: Config,
  notices: readonly Notice[],
  tracking: Tracking,
  requests?: ReadonlyMap<string, SignatureRequest>,
  deadline = Infinity,
): Delivery {
  const out: Delivery = { sent: 0, left: 0, unconfirmed: 0 };
  if (!notices.length) return out;
  const byId = requests ?? requestMap(tracking);
  let all: ReadonlyMap<string, SignatureRequest> | undefined;
  const everyone = (): ReadonlyMap<string, SignatureRequest> =>
    (all ??= requests ? requestMap(tracking) : byId);
  const ctx: MailContext = {
    ...mailContext(
      config,
      () => everyone().values(),
      () => tracking.readRoster(config.staffTypes).staff,
    ),
    changes: changesReader(tracking, config, () => everyone().values()),
  };
  const replyTo = config.businessManagers[0];
  const audit: AuditEntry[] = [];
  let quota = remainingQuota();
  for (const [i, n] of notices.entries()) {
    if (n.sending) {
      const why = 'the run sending it stopped at the send: not sent again, so no one is emailed twice';
      audit.push(entry(n, 'Notice unconfirmed', `${n.kind} to ${n.to}: ${why}.`));
      forgetNotice(n);
      out.unconfirmed += 1;
      continue;
    }
    if (Date.now() > deadline) {
      out.left = notices.length - i;
      break;
    }
    let email: Email | undefined;
    try {
      email = renderNotice(ctx, n, n.requestId ? byId : everyone());
    } catch (e) {
      audit.push(entry(n, 'Notice failed', `${n.kind} to ${n.to}: ${messageOf(e)}`));
      forgetNotice(n);
      continue;
    }
    if (!email) {
      forgetNotice(n);
      continue;
    }
    const recipients = 1 + (email.cc ? 1 : 0);
    if (quota < recipients) {
      out.left = notices.length - i;
      break;
    }
    if (!markSending(n)) continue;
    try {
      send(email, { schoolName: config.schoolName, replyTo });
    } catch (e) {
      const message = messageOf(e);
      if (/too many times/i.test(message)) {
        unmarkSending(n);
        out.left = notices.length - i;
        break;
      }
      const tries = (n.failures ?? 0) + 1;
      if (!PERMANENT.test(message) && tries < SEND_TRIES) {
        unmarkSending({ ...n, failures: tries });
        continue;
      }
      audit.push(entry(n, 'Notice failed', `${n.kind} to ${n.to}: ${message}`));
      forgetNotice(n);
      continue;
    }
    forgetNotice(n);
    quota -= recipients;
    out.sent += 1;
  }
  if (audit.length) withScriptLock(() => tracking.appendAudit(audit));
  return out;
}

function messageOf(e: unknown): string {
  return fitCell(String((e as Error)?.message ?? e));
}

/**
 * Sends the notices that stopped runs left (their lease over), but only those whose claim was
 * written: the Audit names them, or the row shows their claim (then the claim's Audit rows, lost
 * with the run, are written now). A run that stopped before its claim leaves a notice that is
 * dropped. A digest's claim (overdue, approvals, accounts awaiting an administrator) is its own
 * queueing, with the daily state, in one write; a notice of records due for disposal is claimed by
 * its Audit row, as a request's are.
 */
export function deliverStaleNotices(config: Config, tracking: Tracking, deadline = Infinity): Delivery {
  const stale = takeStaleNotices();
  if (!stale.length) return { sent: 0, left: 0, unconfirmed: 0 };
  const tagged = tracking.auditMentions(/\(notice (N-[0-9a-f]{8})\)/g);
  const requests = requestMap(tracking);
  const restore: AuditEntry[] = [];
  const keep: Notice[] = [];
  for (const n of stale) {
    if (tagged.has(n.ref) || (!n.requestId && n.kind !== 'retention')) keep.push(n);
    else if (n.claim && showsClaim(requests.get(n.requestId), n.claim)) {
      keep.push(n);
      restore.push(...(n.audit ?? []).map((a) => ({ ...a, at: new Date(a.at) })));
    } else forgetNotice(n);
  }
  if (restore.length) withScriptLock(() => tracking.appendAudit(restore));
  return deliverNotices(config, keep, tracking, requests, deadline);
}

/** Whether the row shows the claim (every cell `claim` names has the value it says). */
export function showsClaim(r: SignatureRequest | undefined, claim: NoticeClaim): boolean {
  if (!r) return false;
  return (
    (claim.status === undefined || claim.status === r.status) &&
    (claim.notes === undefined || claim.notes === r.notes) &&
    (claim.invitedAt === undefined || claim.invitedAt === r.invitedAt?.getTime()) &&
    (claim.lastReminderAt === undefined || claim.lastReminderAt === r.lastReminderAt?.getTime()) &&
    (claim.remindersSent === undefined || claim.remindersSent === r.remindersSent)
  );
}

/** A notice's copy of its claim's Audit rows (dates as ms, for Script Properties). */
export function auditCopy(entries: readonly AuditEntry[]): NonNullable<Notice['audit']> {
  return entries.map((e) => ({ ...e, at: e.at.getTime() }));
}

/** The requests of the Signatures sheet by ID. */
export function requestMap(tracking: Tracking): Map<string, SignatureRequest> {
  return new Map(tracking.readSignatures().requests.map((s) => [s.request.requestId, s.request]));
}

/** The details of a claiming Audit row that owes `notices`: what it says, then their tags. */
export function claimDetails(text: string, notices: readonly Notice[]): string {
  return [text, ...notices.map(noticeTag)].join(' ');
}

function entry(n: Notice, action: string, details: string): AuditEntry {
  return { at: new Date(), actor: 'AUP Signer', action, requestId: n.requestId, details };
}
