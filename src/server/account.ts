import type { Config } from '../core/config';
import { NOT_FOUND_GRACE_MS, recordAccount, type SignatureRequest } from '../core/request';
import { accountCall, type AccountResult } from '../gas/directory';
import { newNotice, queueNotices, type Notice } from '../gas/outbox';
import { pendingFor } from '../gas/pending';
import type { AuditEntry, Tracking } from '../gas/tracking';
import { auditCopy, claimDetails, deliverNotices } from './notices';
import { changeRow } from './store';

/**
 * What the Admin SDK says of an account, read by this execution's user (the web app's, or a
 * trigger's), never changing it (Users.get, through `accountCall`). Active or Suspended as the
 * directory has it; Pending admin when this user may not read users (a 403 "Not Authorized"); Not
 * found for a 404, looked for again daily within {@link NOT_FOUND_GRACE_MS} of `approvedAt` (a new
 * account can 404 for a while), then explained; the Admin SDK busy (429, 5xx) is retried after
 * 1 s and 2 s, then Error, looked at again by the triggers.
 */
export function readAccount(email: string, approvedAt: Date | null = null): AccountResult {
  const searching = Date.now() - (approvedAt?.getTime() ?? Date.now()) < NOT_FOUND_GRACE_MS;
  return accountCall(
    (users) =>
      users.get(email).suspended
        ? {
            account: 'Suspended',
            note: 'The account is still suspended: waiting for a directory administrator.',
          }
        : { account: 'Active', note: 'Account active.' },
    [1000, 2000],
    {
      forbidden: {
        account: 'Pending admin',
        note: "AUP Signer's web app cannot read accounts (its user is not allowed to read the directory): a directory administrator must confirm the account.",
      },
      notFound: {
        account: 'Not found',
        note: searching
          ? `No Workspace account ${email} yet: looked for again daily for 3 days.`
          : `No Workspace account ${email}: check the address.`,
      },
      busy: (code) => `The Admin SDK was busy (${code}): checked again by the daily trigger.`,
    },
  );
}

/**
 * Records an approved request's account as the Admin SDK says it is (read here: a card's word is
 * never taken). Active completes the request, but only with its evidence complete
 * (`evidenceComplete`: by default, when no steps are owed for it; until then nothing is written,
 * and the owed steps record it once the evidence is in), and then claims and sends the news
 * (queued before the write, sent after it, at most once): "your account is ready" to a new
 * starter (see `accountIsNew`), "your AUP is complete" to everyone else. A Complete request stays
 * Complete.
 * @returns whether it was recorded, and a sentence for the card
 */
export function checkAccount(
  config: Config,
  tracking: Tracking,
  r: SignatureRequest,
  evidenceComplete = pendingFor(r.requestId).length === 0,
): { ok: boolean; message: string } {
  const result = readAccount(r.email, r.approvedAt);
  const personal =
    tracking.readRoster(config.staffTypes).staff.find((p) => p.email === r.email)?.personalEmail ?? '';
  const ready = accountIsNew(tracking, r, personal);
  type Outcome = { ok: boolean; message: string; ready?: SignatureRequest; notice?: Notice };
  const outcome = changeRow<Outcome>(tracking, r.requestId, (current) => {
    if (!current) return { result: { ok: false, message: 'No such request.' } };
    const before = current.request;
    if (before.status === 'Complete')
      return { result: { ok: true, message: `${before.name} is already complete.` } };
    const t = recordAccount(before, result.account, result.note);
    if (!t.ok) return { result: { ok: false, message: t.message } };
    if (t.request.status === 'Complete' && !evidenceComplete) {
      return {
        result: {
          ok: true,
          message: `${t.request.name}: account Active; the request completes once its evidence is recorded, within minutes.`,
        },
      };
    }
    const next = t.request;
    const now = new Date();
    if (next.account === before.account && next.status === before.status && next.notes === before.notes) {
      return { result: { ok: true, message: `${next.name}: ${next.notes}` } };
    }
    const audit: AuditEntry[] = [
      {
        at: now,
        actor: 'AUP Signer',
        action: `Account ${next.account}`,
        requestId: next.requestId,
        details: next.notes,
      },
    ];
    const message =
      next.account === 'Active' ? `${next.name}: account Active.` : `${next.name}: ${next.notes}`;
    if (next.status !== 'Complete') return { request: next, audit, result: { ok: true, message } };
    const n = newNotice({
      kind: ready ? 'ready' : 'complete',
      requestId: next.requestId,
      to: ready ? personal : next.email,
      claim: { status: 'Complete' },
    });
    audit.push({
      at: now,
      actor: 'AUP Signer',
      action: 'Notice',
      requestId: next.requestId,
      details: claimDetails(`${ready ? 'Account ready' : 'AUP complete'}: told ${n.to}`, [n]),
    });
    const notice = { ...n, audit: auditCopy(audit) };
    return {
      request: next,
      before: () => queueNotices([notice], { replace: true }),
      audit,
      result: { ok: true, message, ready: next, notice },
    };
  });
  if (outcome.ready && outcome.notice)
    deliverNotices(config, [outcome.notice], tracking, new Map([[r.requestId, outcome.ready]]));
  return { ok: outcome.ok, message: outcome.message };
}

/**
 * Whether completing `r` switches on an account its owner has not used yet: a new starter, with a
 * personal address on the Staff sheet and no earlier request of theirs Complete (the invitation's
 * own rule for sending the Form to the personal address). Everyone else's account was already in
 * use, and they are told their AUP is complete rather than that an account is ready.
 */
export function accountIsNew(tracking: Tracking, r: SignatureRequest, personalEmail: string): boolean {
  if (!personalEmail) return false;
  return !tracking
    .readSignatures()
    .requests.some(
      (s) =>
        s.request.email === r.email && s.request.requestId !== r.requestId && s.request.status === 'Complete',
    );
}

/**
 * Where a person's email reaches them now: a new starter's personal address (see `accountIsNew`:
 * their school account is not in use yet, and mail to a suspended account bounces), otherwise
 * their school address. Reads the Staff sheet.
 */
export function reachableAddress(config: Config, tracking: Tracking, r: SignatureRequest): string {
  const personal =
    tracking.readRoster(config.staffTypes).staff.find((p) => p.email === r.email)?.personalEmail ?? '';
  return accountIsNew(tracking, r, personal) ? personal : r.email;
}
