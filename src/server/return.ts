import { returnRequest, type SignatureRequest } from '../core/request';
import { prefilledLink, tokenHash } from '../gas/forms';
import { send } from '../gas/mail';
import type { ServerResponse } from './api';
import { isApprover, type ServerContext } from './context';
import { returnedEmail } from './emails';
import { mutate } from './store';
import { homeState } from './state';

/** What the approver's card sends to return a request. */
export interface ReturnArgs {
  requestId: string;
  reason: string;
  /** The page of the approver's queue to show afterwards (0-based). */
  page: number;
}

/**
 * The approver returns a signed request with a reason (approvers only, never their own): the
 * request becomes Rejected with the reason in Notes, and the person is emailed why and asked to
 * sign again. A new starter who signed through the Form gets a fresh single-use form link.
 */
export function returnSigned(ctx: ServerContext, args: ReturnArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can return requests.' };
  const outcome = mutate<{
    ok: boolean;
    message: string;
    request?: SignatureRequest;
    to?: string;
    token?: string;
  }>(config, (snap, tracking) => {
    const stored = snap.requests.find((s) => s.request.requestId === args.requestId);
    if (!stored) return { result: { ok: false, message: 'No such request.' } };
    const t = returnRequest(stored.request, { approver: ctx.caller, reason: args.reason });
    if (!t.ok) return { result: { ok: false, message: t.message } };
    const r = t.request;
    const now = new Date();
    const personal = tracking
      .readRoster(config.staffTypes)
      .staff.find((p) => p.email === r.email)?.personalEmail;
    const token = r.signedVia === 'Form' && personal ? Utilities.getUuid() : undefined;
    if (token) tracking.appendTokens([{ hash: tokenHash(token), requestId: r.requestId }], now);
    return {
      changed: [{ row: stored.row, request: r }],
      audit: [{ at: now, actor: ctx.caller, action: 'Returned', requestId: r.requestId, details: r.notes }],
      result: {
        ok: true,
        message: `Returned ${r.name}'s AUP.`,
        request: r,
        to: token ? personal : r.email,
        token,
      },
    };
  });
  if (outcome.request && outcome.to) {
    const link = outcome.token ? prefilledLink(config.form, outcome.token) : '';
    send(returnedEmail(config, outcome.request, outcome.to, link), config.schoolName);
  }
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx, args.page) };
}
