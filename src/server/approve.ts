import { tooLong } from '../core/limits';
import { APPROVER_PAGE_SIZE } from '../core/pages';
import { accountOwed, approve, type SignatureRequest } from '../core/request';
import { count } from '../core/words';
import { clearPending, listPending, recordPending, recordPendings } from '../gas/pending';
import { Tracking } from '../gas/tracking';
import { checkAccount } from './account';
import type { ServerResponse } from './api';
import { isApprover, isBusinessManager, type ServerContext } from './context';
import { HAND_OVER_APPROVAL_MS, handOver, scheduleResume, settle } from './pending-steps';
import { homeState } from './state';
import { changeRow, mutate } from './store';

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

/** What Approve all on this page sends: the requests the confirmation listed, and the page. */
export interface ApproveManyArgs {
  requestIds: string[];
  page: number;
}

/**
 * Approve all on this page: each listed request is counter-signed by the caller with the systems
 * Settings tick for its staff type (decided here, never taken from the card), in one locked write
 * for them all, their claims recorded first in one Script Properties write, already released to
 * the resume trigger (scheduled once), which fills their blocks and takes their evidence,
 * notices and account checks within minutes. A request that cannot be approved so (its signature
 * still being recorded, its staff type with no systems ticked in Settings, no longer Signed) is
 * left for one-by-one review and named. At most a
 * page's worth ({@link APPROVER_PAGE_SIZE}); the caller's own request never. Returns the signers'
 * emails in `data.emails` (JSON), for the card to enable their accounts as the approver.
 */
export function approveManyOp(ctx: ServerContext, args: ApproveManyArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can approve requests.' };
  const tracking = Tracking.open(config);
  const ids = new Set(args.requestIds.slice(0, APPROVER_PAGE_SIZE));
  const stillOwed = new Set(listPending(ctx.props).map((p) => p.requestId));
  const left: string[] = [];
  const at = new Date();
  const inputOf = (r: SignatureRequest) => ({
    approver: ctx.caller,
    systems: config.defaultSystems[r.staffType] ?? [],
    permissions: '',
    at,
  });
  const ready: SignatureRequest[] = [];
  for (const s of tracking.readSignatures().requests) {
    const r = s.request;
    if (!ids.has(r.requestId)) continue;
    const early = approve(r, inputOf(r));
    if (stillOwed.has(r.requestId)) left.push(`${r.name} (their signature is still being recorded)`);
    else if (!early.ok)
      left.push(
        `${r.name} (${early.code === 'no-systems' ? 'no systems ticked for their staff type' : early.message})`,
      );
    else ready.push(r);
  }
  const owed = new Map(
    recordPendings(
      ready.map((r) => ({
        requestId: r.requestId,
        stage: 'approved' as const,
        at: at.getTime(),
        actor: ctx.caller,
        details: `Systems: ${inputOf(r).systems.join(', ')}; permissions: none; approved with the page`,
      })),
      at.getTime() + HAND_OVER_APPROVAL_MS,
    ).map((p) => [p.requestId, p] as const),
  );
  const claimed = mutate(config, (snap) => {
    const changed = snap.requests.flatMap((s) => {
      if (!owed.has(s.request.requestId)) return [];
      const t = approve(s.request, inputOf(s.request));
      if (!t.ok) left.push(`${s.request.name} (${t.message})`);
      return t.ok ? [{ row: s.row, request: t.request }] : [];
    });
    return { changed, result: changed.map((c) => c.request) };
  });
  const done = new Set(claimed.map((r) => r.requestId));
  for (const [id, p] of owed) if (!done.has(id)) clearPending(p);
  if (claimed.length) {
    try {
      scheduleResume(60_000);
    } catch {
      // No trigger could be made (the project's trigger quota): the daily run takes the steps over.
    }
  }
  const rest = left.length ? ` Left for one-by-one review: ${left.join('; ')}.` : '';
  return {
    ok: claimed.length > 0,
    message: claimed.length
      ? `Approved ${count(claimed.length, 'AUP')}; each completes within a few minutes.${rest}`
      : `Nobody could be approved with the page.${rest}`,
    data: { emails: JSON.stringify(claimed.map((r) => r.email)) },
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
