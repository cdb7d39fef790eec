import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isApprover, viewOf, type ServerContext } from './context';

/**
 * One request for an approver's review card: its details as a card shows them (`data.request`, a
 * JSON RequestView), the systems they can grant (`data.systems`, JSON) and those ticked for the
 * person's staff type (`data.ticked`, JSON, from Settings). Only an approver, only
 * a request that is Signed, and never their own.
 */
export function reviewOp(ctx: ServerContext, requestId: string): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can review requests.' };
  const stored = Tracking.open(config)
    .readSignatures()
    .requests.find((s) => s.request.requestId === requestId);
  const r = stored?.request;
  if (!r) return { ok: false, message: 'No such request.' };
  if (r.email === ctx.caller) return { ok: false, message: 'You cannot approve your own AUP.' };
  if (r.status !== 'Signed')
    return { ok: false, message: `${r.name}'s AUP is ${r.status}: there is nothing to approve.` };
  return {
    ok: true,
    message: '',
    data: {
      request: JSON.stringify(viewOf(r)),
      systems: JSON.stringify(config.systems),
      ticked: JSON.stringify(config.defaultSystems[r.staffType] ?? []),
    },
  };
}
