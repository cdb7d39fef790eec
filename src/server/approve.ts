import { tooLong } from '../core/limits';
import { accountOwed, approve, type SignatureRequest } from '../core/request';
import { clearPending, recordPending } from '../gas/pending';
import { Tracking } from '../gas/tracking';
import { checkAccount } from './account';
import type { ServerResponse } from './api';
import { isApprover, isBusinessManager, type ServerContext } from './context';
import { handOver, settle } from './pending-steps';
import { homeState } from './state';
import { changeRow } from './store';

/** What the approver's card sends. Who approves is the verified caller. */
export interface ApproveArgs {
  requestId: string;
  systems: string[];
  permissions: string;
  /** The approver's queue page, for the homepage redrawn after. */
  page: number;
}

/**
 * The approver's counter-signature, recorded first: the steps it will owe are written down, then
 * under the script lock the request's row alone is read again and marked Approved (systems,
 * permissions, Account Pending admin until checked). Then the owed steps run: the approver's block
 * filled, the evidence taken and audited, and the account read from the Admin SDK. A signature
 * whose own steps are still owed is finished first, so nothing is counter-signed without its
 * evidence. Returns the signer's email in `data.email`, so the approver's card can then enable
 * the account as the approver. Refused for anyone not listed as an approver, and for an
 * approver's own request.
 */
export function approveRequest(ctx: ServerContext, args: ApproveArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can approve requests.' };
  const long = tooLong('permissions', args.permissions.trim());
  if (long) return { ok: false, message: long, data: { email: '' } };
  const systems = args.systems.filter((s) => config.systems.includes(s));
  const tracking = Tracking.open(config);
  if (settle(config, tracking, args.requestId)) {
    return {
      ok: false,
      message: 'That signature is still being recorded: try again in a minute.',
      data: { email: '' },
    };
  }
  const at = new Date();
  const input = { approver: ctx.caller, systems, permissions: args.permissions, at };
  const found = tracking.readSignatures().requests.find((s) => s.request.requestId === args.requestId);
  if (!found) return { ok: false, message: 'No such request.', data: { email: '' } };
  const early = approve(found.request, input);
  if (!early.ok) return { ok: false, message: early.message, data: { email: '' } };
  const pending = recordPending({
    requestId: args.requestId,
    stage: 'approved',
    at: at.getTime(),
    actor: ctx.caller,
    details: `Systems: ${systems.join(', ') || 'none'}; permissions: ${input.permissions.replace(/\s+/g, ' ').trim() || 'none'}`,
  });
  const claim = changeRow<{ ok: boolean; message: string; email: string; request?: SignatureRequest }>(
    tracking,
    args.requestId,
    (current) => {
      const t = current ? approve(current.request, input) : undefined;
      if (!t) return { result: { ok: false, message: 'No such request.', email: '' } };
      if (!t.ok) return { result: { ok: false, message: t.message, email: '' } };
      return {
        request: t.request,
        result: {
          ok: true,
          message: `Approved ${t.request.name}.`,
          email: t.request.email,
          request: t.request,
        },
      };
    },
  );
  if (!claim.ok || !claim.request) {
    clearPending(pending);
    return { ok: false, message: claim.message, data: { email: '' } };
  }
  handOver(config, tracking, pending, claim.request);
  return {
    ok: true,
    message: `${claim.message} It completes within a few minutes, once its evidence is recorded and the account read.`,
    data: { email: claim.email },
    state: homeState(ctx, args.page),
  };
}

/**
 * Checks an approved request's account again (approvers and business managers, after a card or
 * the enablement trigger has enabled it): the state is read from the Admin SDK here, never taken
 * from what the card says. The homepage state comes back at the approver's queue page `page`.
 */
export function accountOp(ctx: ServerContext, requestId: string, page = 0): ServerResponse {
  const config = ctx.config;
  if (!config || !(isApprover(config, ctx.caller) || isBusinessManager(config, ctx.caller))) {
    return { ok: false, message: 'Only an approver or a business manager can check accounts.' };
  }
  const tracking = Tracking.open(config);
  const r = tracking.readSignatures().requests.find((s) => s.request.requestId === requestId)?.request;
  if (!r) return { ok: false, message: 'No such request.' };
  const outcome = checkAccount(config, tracking, r);
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx, page) };
}

/**
 * Requests whose account still needs enabling (see `accountOwed`), for the enablement trigger a
 * directory admin installed. Approvers and business managers only.
 */
export function pendingEnablements(ctx: ServerContext): ServerResponse {
  const config = ctx.config;
  if (!config || !(isApprover(config, ctx.caller) || isBusinessManager(config, ctx.caller))) {
    return { ok: false, message: 'Only an approver or a business manager can enable accounts.' };
  }
  const now = Date.now();
  const pending = Tracking.open(config)
    .readSignatures()
    .requests.map((s) => s.request)
    .filter((r) => accountOwed(r, now));
  return {
    ok: true,
    message: `${pending.length} account(s) to enable.`,
    data: {
      pending: JSON.stringify(
        pending.map((r) => ({ requestId: r.requestId, email: r.email, approvedBy: r.approvedBy })),
      ),
    },
  };
}
