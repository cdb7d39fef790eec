import { fitCell, tooLong } from '../core/limits';
import { withScriptLock } from '../gas/lock';
import { returnRequest, type SignatureRequest } from '../core/request';
import { tokenHash } from '../gas/forms';
import { newNotice, queueNotices, type Notice } from '../gas/outbox';
import { Tracking, type AuditEntry } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isApprover, type ServerContext } from './context';
import { auditCopy, claimDetails, deliverNotices } from './notices';
import { settle } from './pending-steps';
import { homeState } from './state';
import { clearSignatureBlock } from './personal-doc';
import { changeRow } from './store';

/** What the approver's card sends to return a request. */
export interface ReturnArgs {
  requestId: string;
  reason: string;
  /** The page of the approver's queue to show afterwards (0-based). */
  page: number;
}

/**
 * The approver returns a signed request with a reason (approvers only, never their own), once
 * its signature's own steps are done: under the lock the request becomes Returned with the reason
 * in Notes, every form reference it had is withdrawn (an old link no longer signs), a new starter
 * who signed through the Form gets a fresh reference, and the notice is claimed in the Audit
 * (queued just before, sent just after, at most once): the person is emailed why and asked to
 * sign again.
 */
export function returnSigned(ctx: ServerContext, args: ReturnArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can return requests.' };
  const long = tooLong('reason', args.reason.trim());
  if (long) return { ok: false, message: long };
  const tracking = Tracking.open(config);
  if (settle(config, tracking, args.requestId)) {
    return { ok: false, message: 'That signature is still being recorded: try again in a minute.' };
  }
  const found = tracking.readSignatures().requests.find((s) => s.request.requestId === args.requestId);
  if (!found) return { ok: false, message: 'No such request.' };
  const early = returnRequest(found.request, { approver: ctx.caller, reason: args.reason });
  if (!early.ok) return { ok: false, message: early.message };
  const home =
    tracking.readRoster(config.staffTypes).staff.find((p) => p.email === found.request.email)
      ?.personalEmail ?? '';
  const token = found.request.signedVia === 'Form' && home ? Utilities.getUuid() : undefined;
  const to = token ? home : found.request.email;
  type Outcome = { ok: boolean; message: string; request?: SignatureRequest; notice?: Notice };
  const outcome = changeRow<Outcome>(tracking, args.requestId, (current) => {
    if (!current) return { result: { ok: false, message: 'No such request.' } };
    const t = returnRequest(current.request, { approver: ctx.caller, reason: args.reason });
    if (!t.ok) return { result: { ok: false, message: t.message } };
    const r = t.request;
    const now = new Date();
    const n = newNotice({
      kind: 'returned',
      requestId: r.requestId,
      to,
      token,
      claim: { status: r.status, notes: r.notes },
    });
    const audit: AuditEntry[] = [
      {
        at: now,
        actor: ctx.caller,
        action: 'Returned',
        requestId: r.requestId,
        details: `${r.notes}; signature withdrawn: "${current.request.typedSignature}" of ${current.request.signedAt?.toISOString() ?? ''} via ${current.request.signedVia}, SHA-256 ${current.request.documentSha256 || 'none'}, PDF ${current.request.signedPdf || 'none'}`,
      },
      {
        at: now,
        actor: ctx.caller,
        action: 'Notice',
        requestId: r.requestId,
        details: claimDetails(`Returned: told ${to}`, [n]),
      },
    ];
    const notice = { ...n, audit: auditCopy(audit) };
    return {
      request: r,
      before: (t2) => {
        t2.revokeTokens(r.requestId, now);
        if (token) t2.appendTokens([{ hash: tokenHash(token), requestId: r.requestId }], now);
        queueNotices([notice], { replace: true });
      },
      audit,
      result: { ok: true, message: `Returned ${r.name}'s AUP.`, request: r, notice },
    };
  });
  if (outcome.request && outcome.notice) {
    try {
      clearSignatureBlock(outcome.request.document);
    } catch (e) {
      noteUncleared(tracking, ctx.caller, outcome.request.requestId, e);
    }
    deliverNotices(config, [outcome.notice], tracking, new Map([[args.requestId, outcome.request]]));
  }
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx, args.page) };
}

/**
 * Records that a returned signature could not be taken off the document (the Docs API refused):
 * it stays there until the person signs again, which fills the block anew. Never fails the return.
 */
function noteUncleared(tracking: Tracking, actor: string, requestId: string, e: unknown): void {
  try {
    withScriptLock(() =>
      tracking.appendAudit([
        {
          at: new Date(),
          actor,
          action: 'Signature not cleared',
          requestId,
          details: `The returned signature stays in the document until it is signed again: ${fitCell(String((e as Error)?.message ?? e))}`,
        },
      ]),
    );
  } catch {
    // The sheet refused too: the Returned row and its Audit row already say what matters.
  }
}
