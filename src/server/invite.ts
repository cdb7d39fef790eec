import { addDays } from '../core/dates';
import { newRequest } from '../core/request';
import { remainingQuota } from '../gas/mail';
import { newNotice, queueNotices } from '../gas/outbox';
import { Tracking, type AuditEntry, type StoredRequest } from '../gas/tracking';
import type { Config } from '../core/config';
import { tokenHash } from '../gas/forms';
import { auditCopy, claimDetails, deliverNotices } from './notices';
import { directoryApi, requireAdvancedServices } from '../gas/advanced';
import { documentRun, makePersonalDoc, type DocumentRun } from './personal-doc';
import { readPublishing } from '../gas/publish-record';
import { mutate } from './store';
import { londonDay, maySendNow } from './context';

/** Name of the one-off trigger that carries on an invitation run. */
export const INVITATION_JOB = 'onInvitationJob';

/** How an invitation run ended. */
export interface InvitationRun {
  created: number;
  invited: number;
  /**
   * True when MailApp's daily quota, or the hour (a weekend, an evening), stopped the sending: the
   * daily trigger sends the rest on the next day in hours.
   */
  blockedByQuota: boolean;
  /** People still without a document after this run (made by the next runs, quota or not). */
  documentsOwed: number;
  remaining: number;
  rosterProblems: string[];
}

/**
 * Whether another invitation job should carry `run` on: people are still to be invited and either
 * emails may go now or documents are still to be made (those are made whatever the quota or the
 * hour, so the next run in hours only sends).
 */
/** A run that invited nobody (a publication under way, or an editorial one). */
export const NO_INVITATIONS: InvitationRun = {
  created: 0,
  invited: 0,
  remaining: 0,
  blockedByQuota: false,
  documentsOwed: 0,
  rosterProblems: [],
};

export function jobOwed(run: InvitationRun): boolean {
  return run.remaining > 0 && (!run.blockedByQuota || run.documentsOwed > 0);
}

/**
 * Invites everyone on the Staff sheet who has no request for the current policy version, within
 * `budgetMs` of modelled time from `started`:
 * 1. under the lock, one row per missing person (Invited, Due By), all in one write, with their
 *    "Request created" Audit rows (and any a stopped run wrote the row but not the Audit row of);
 * 2. their personalised documents, until 85% of the budget is used (each costs far more than its email);
 * 3. under the lock, Document, Invited At and Due By (counted from the invitation actually sent,
 *    so a weekend's wait never shortens the signing window) recorded for those people in one write, their
 *    invitations queued just before it (src/gas/outbox.ts) and named in its Audit rows; beyond
 *    the day's mail quota, or outside the hours emails go out (`maySendNow`: weekends and
 *    evenings), the Document alone, so the next run in hours only sends;
 * 4. their invitation emails, as far as MailApp's daily quota allows (the rest stay owed).
 * With `rowsOnly` (Send invitations on the card) it stops after step 1, leaving the rest to the
 * invitation job, so the card answers at once (`budgetMs` is then not used). The advanced services it needs are named first, so a manifest without them fails the run at once
 * with Apps Script's ReferenceError rather than part-way in the background. While a new version
 * is being published it does nothing: the publication invites once its Form exists.
 * Invited At is written before the email is sent and each email is sent at most once, so a crash
 * or a retry never sends an invitation twice, and an email a stopped run still owed is sent by a
 * later run; the sheet itself is the cursor, so a later run resumes where this one stopped and
 * never duplicates a request, a document or an email.
 */
export function runInvitations(
  config: Config,
  actor: string,
  started: number,
  budgetMs: number,
  rowsOnly = false,
): InvitationRun {
  requireAdvancedServices();
  if (readPublishing()) return NO_INVITATIONS;
  const users = directoryApi().Users;
  const { created, pending, rosterProblems } = mutate(config, (snap, tracking) => {
    const roster = tracking.readRoster(config.staffTypes);
    const have = new Set(
      snap.requests
        .filter((s) => s.request.policyVersion === config.policyVersion)
        .map((s) => s.request.email),
    );
    const now = new Date();
    const today = londonDay(now);
    const added = roster.staff
      .filter((p) => !have.has(p.email) && !hasLeft(p, today))
      .map((p) =>
        newRequest(
          {
            requestId: `R-${Utilities.getUuid().slice(0, 8)}`,
            email: p.email,
            name: p.name,
            role: p.role,
            staffType: p.staffType,
            policyVersion: config.policyVersion,
          },
          addDays(now, config.signingWindowDays),
        ),
      );
    const pending = snap.requests.filter(
      (s) =>
        s.request.policyVersion === config.policyVersion &&
        s.request.status === 'Invited' &&
        !s.request.invitedAt,
    ).length;
    const audited = tracking.auditedRequests('Request created');
    const unaudited = snap.requests
      .map((s) => s.request)
      .filter((r) => r.policyVersion === config.policyVersion && !audited.has(r.requestId));
    return {
      added,
      audit: [...unaudited, ...added].map((r) => ({
        at: now,
        actor,
        action: 'Request created',
        requestId: r.requestId,
        details: r.email,
      })),
      result: {
        created: added.length,
        pending: pending + added.length,
        rosterProblems: roster.problems.map((p) => p.message),
      },
    };
  });
  if (!pending || rowsOnly)
    return {
      created,
      invited: 0,
      remaining: pending,
      blockedByQuota: false,
      documentsOwed: pending,
      rosterProblems,
    };

  const docs = new Map<string, string>();
  const tracking = Tracking.open(config);
  const toInvite = uninvited(tracking.readSignatures().requests, config);
  const staff = tracking.readRoster(config.staffTypes).staff;
  const completed = new Set(
    tracking
      .readSignatures()
      .requests.filter((s) => s.request.status === 'Complete')
      .map((s) => s.request.email),
  );
  const personal = new Map(staff.map((p) => [p.email, p.personalEmail]));
  const approverNames = config.approvers.map((e) => staff.find((p) => p.email === e)?.name ?? e).join(' or ');
  const newStarters = new Map<string, string>();
  let run: DocumentRun | undefined;
  for (const s of toInvite) {
    if (Date.now() - started > budgetMs * 0.85) break;
    if (!s.request.document) run ??= documentRun(config);
    docs.set(
      s.request.requestId,
      s.request.document || makePersonalDoc(config, s.request, new Date(), approverNames, run as DocumentRun),
    );
    const personalEmail = personal.get(s.request.email);
    if (personalEmail && !completed.has(s.request.email) && !accountActive(users, s.request.email)) {
      newStarters.set(s.request.requestId, personalEmail);
    }
  }
  const quota = maySendNow(config) ? remainingQuota() : 0;
  const sending = mutate(config, (snap, t) => {
    const now = new Date();
    const ready = uninvited(snap.requests, config).filter((s) => docs.has(s.request.requestId));
    const changed = ready.slice(0, quota).map((s) => ({
      row: s.row,
      request: {
        ...s.request,
        document: docs.get(s.request.requestId) as string,
        invitedAt: now,
        dueBy: addDays(now, config.signingWindowDays),
      },
    }));
    const documented = ready
      .slice(quota)
      .filter((s) => !s.request.document)
      .map((s) => ({
        row: s.row,
        request: { ...s.request, document: docs.get(s.request.requestId) as string },
      }));
    const notices = changed.map((c) => {
      const home = newStarters.get(c.request.requestId);
      const n = newNotice({
        kind: 'invitation',
        requestId: c.request.requestId,
        to: home ?? c.request.email,
        token: home ? Utilities.getUuid() : undefined,
        claim: { invitedAt: now.getTime() },
      });
      const audit: AuditEntry = {
        at: now,
        actor,
        action: 'Invited',
        requestId: c.request.requestId,
        details: claimDetails(
          `Invitation to ${n.to}${n.token ? ' with a form link' : ''}; document ${c.request.document}`,
          [n],
        ),
      };
      return { ...n, audit: auditCopy([audit]) };
    });
    t.appendTokens(
      notices
        .filter((n) => n.token)
        .map((n) => ({ requestId: n.requestId, hash: tokenHash(n.token as string) })),
      now,
    );
    queueNotices(notices, { replace: true });
    return {
      changed: [...changed, ...documented],
      audit: notices.flatMap((n) => (n.audit ?? []).map((a) => ({ ...a, at: now }))),
      result: { notices, requests: new Map(changed.map((c) => [c.request.requestId, c.request])) },
    };
  });
  const delivery = deliverNotices(config, sending.notices, tracking, sending.requests);
  return {
    created,
    invited: sending.notices.length,
    remaining: pending - sending.notices.length,
    blockedByQuota: sending.notices.length >= quota || delivery.left > 0,
    documentsOwed: toInvite.length - docs.size,
    rosterProblems,
  };
}

/** Whether a person's Leaving Date has come (leavers are not invited or reminded). */
export function hasLeft(p: { leavingDate: Date | null }, today: string): boolean {
  return p.leavingDate !== null && londonDay(p.leavingDate) <= today;
}

/**
 * Whether the person's Workspace account is active, as far as the directory tells the user
 * running this (a non-admin cannot read it, and a new starter is then assumed not active).
 */
function accountActive(
  users: GoogleAppsScript.AdminDirectory.Collection.UsersCollection,
  email: string,
): boolean {
  try {
    return users.get(email).suspended === false;
  } catch {
    return false;
  }
}

function uninvited(requests: readonly StoredRequest[], config: Config): StoredRequest[] {
  return requests.filter(
    (s: StoredRequest) =>
      s.request.policyVersion === config.policyVersion &&
      s.request.status === 'Invited' &&
      !s.request.invitedAt,
  );
}

/** Schedules the one-off trigger that carries on the run, unless one is already waiting. */
export function scheduleInvitationJob(): void {
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === INVITATION_JOB)) return;
  ScriptApp.newTrigger('onInvitationJob').timeBased().after(60_000).create();
}
