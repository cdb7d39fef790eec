import { tooLong } from '../core/limits';
import { returnRequest, type SignatureRequest } from '../core/request';
import { prefilledLink, tokenHash } from '../gas/forms';
import { send } from '../gas/mail';
import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isApprover, type ServerContext } from './context';
import { returnedEmail } from './emails';
import { settle } from './pending-steps';
import { homeState } from './state';
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
 * its signature's own steps are done: under the lock the request becomes Rejected with the reason
 * in Notes, every form reference it had is withdrawn (an old link no longer signs), a new starter
 * who signed through the Form gets a fresh reference, and the notice is claimed in the Audit; the
 * person is then emailed why and asked to sign again.
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
  const personal = new Map(
    tracking.readRoster(config.staffTypes).staff.map((p) => [p.email, p.personalEmail]),
  );
  type Outcome = { ok: boolean; message: string; request?: SignatureRequest; to?: string; token?: string };
  const outcome = changeRow<Outcome>(tracking, args.requestId, (current) => {
    if (!current) return { result: { ok: false, message: 'No such request.' } };
    const t = returnRequest(current.request, { approver: ctx.caller, reason: args.reason });
    if (!t.ok) return { result: { ok: false, message: t.message } };
    const r = t.request;
    const now = new Date();
    const home = personal.get(r.email) ?? '';
    const token = r.signedVia === 'Form' && home ? Utilities.getUuid() : undefined;
    const to = token ? home : r.email;
    return {
      request: r,
      also: (t2) => {
        t2.revokeTokens(r.requestId, now);
        if (token) t2.appendTokens([{ hash: tokenHash(token), requestId: r.requestId }], now);
      },
      audit: [
        { at: now, actor: ctx.caller, action: 'Returned', requestId: r.requestId, details: r.notes },
        {
          at: now,
          actor: ctx.caller,
          action: 'Notice',
          requestId: r.requestId,
          details: `Returned: told ${to}`,
        },
      ],
      result: { ok: true, message: `Returned ${r.name}'s AUP.`, request: r, to, token },
    };
  });
  if (outcome.request && outcome.to) {
    const link = outcome.token ? prefilledLink(config.form, outcome.token) : '';
    send(returnedEmail(config, outcome.request, outcome.to, link), config.schoolName);
  }
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx, args.page) };
}
