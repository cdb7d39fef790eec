import { ACCOUNT_STATES, type AccountState } from '../core/columns';
import { approve, awaitsEnablement, recordAccount, type SignatureRequest } from '../core/request';
import { send } from '../gas/mail';
import type { ServerResponse } from './api';
import type { Config } from '../core/config';
import { isApprover, isBusinessManager, ukDate, type ServerContext } from './context';
import { accountReadyEmail } from './emails';
import { fillSignatureBlock } from './personal-doc';
import { attachEvidence } from './snapshot';
import { mutate } from './store';
import { Tracking } from '../gas/tracking';
import { homeState } from './state';

/** What the approver's card sends. Who approves is the verified caller. */
export interface ApproveArgs {
  requestId: string;
  systems: string[];
  permissions: string;
}

/**
 * The approver's counter-signature: under the lock, marks the request Approved and audits it;
 * then, outside the lock, fills the approver block (signature, name, role, date, systems,
 * permissions) and takes the evidence. Returns the signer's email
 * in `data.email` so the approver's card can then check their account through the Admin SDK.
 * Refused for anyone not listed as an approver, and for an approver's own request.
 */
export function approveRequest(ctx: ServerContext, args: ApproveArgs): ServerResponse {
  const config = ctx.config;
  if (!config || !isApprover(config, ctx.caller))
    return { ok: false, message: 'Only an approver can approve requests.' };
  const systems = args.systems.filter((s) => config.systems.includes(s));
  type Claim =
    { ok: false; message: string } | { ok: true; request: SignatureRequest; name: string; role: string };
  const claim = mutate<Claim>(config, (snap, tracking) => {
    const stored = snap.requests.find((s) => s.request.requestId === args.requestId);
    if (!stored) return { result: { ok: false, message: 'No such request.' } };
    const me = tracking.readRoster(config.staffTypes).staff.find((p) => p.email === ctx.caller);
    const t = approve(stored.request, {
      approver: ctx.caller,
      systems,
      permissions: args.permissions,
      at: new Date(),
    });
    if (!t.ok) return { result: { ok: false, message: t.message } };
    const r = t.request;
    return {
      changed: [{ row: stored.row, request: r }],
      audit: [
        {
          at: r.approvedAt as Date,
          actor: ctx.caller,
          action: 'Approved',
          requestId: r.requestId,
          details: `Systems: ${r.systems || 'none'}; permissions: ${r.permissions || 'none'}`,
        },
      ],
      result: { ok: true, request: r, name: me?.name ?? ctx.caller, role: me?.role || 'Approver' },
    };
  });
  if (!claim.ok) return { ok: false, message: claim.message, data: { email: '' } };
  const r = claim.request;
  fillSignatureBlock(
    r.document,
    'approver',
    {
      signature: `${claim.name} (counter-signed electronically)`,
      name: claim.name,
      role: claim.role,
      date: ukDate(r.approvedAt),
      systems: r.systems || 'None',
      permissions: r.permissions || 'None',
    },
    {
      name: claim.name,
      email: ctx.caller,
      role: claim.role,
      at: ukDate(r.approvedAt, true),
      channel: 'the AUP Signer approver card',
      policyVersion: r.policyVersion,
    },
  );
  attachEvidence(config, r, 'approved', r.approvedAt as Date, ctx.caller);
  return { ok: true, message: `Approved ${r.name}.`, data: { email: r.email } };
}

/** What the approver's card learnt from the Admin SDK about the signer's account. */
export interface AccountArgs {
  requestId: string;
  account: string;
  note: string;
}

/**
 * Records the account state for an approved request (approvers and business managers only).
 * Active completes the request and emails the person that their account is ready. The homepage
 * state comes back at the approver's queue page `page`.
 */
export function recordAccountState(ctx: ServerContext, args: AccountArgs, page = 0): ServerResponse {
  const config = ctx.config;
  if (!config || !(isApprover(config, ctx.caller) || isBusinessManager(config, ctx.caller))) {
    return { ok: false, message: 'Only an approver or a business manager can record account states.' };
  }
  if (!ACCOUNT_STATES.includes(args.account as AccountState))
    return { ok: false, message: 'Unknown account state.' };
  const outcome = applyAccountResult(config, ctx.caller, args);
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx, page) };
}

/**
 * Records an account state for an approved request: Active completes it and emails the person
 * that their account is ready. Used by the approver's card and by the daily retry.
 */
export function applyAccountResult(
  config: Config,
  actor: string,
  args: AccountArgs,
): { ok: boolean; message: string } {
  const outcome = mutate<{ ok: boolean; message: string; ready?: SignatureRequest; personalEmail?: string }>(
    config,
    (snap, tracking) => {
      const stored = snap.requests.find((s) => s.request.requestId === args.requestId);
      if (!stored) return { result: { ok: false, message: 'No such request.' } };
      const before = stored.request;
      if (before.email === actor)
        return { result: { ok: false, message: 'You cannot record your own account state.' } };
      if (before.status === 'Complete')
        return { result: { ok: true, message: `${before.name} is already complete.` } };
      const t = recordAccount(before, args.account as AccountState, args.note);
      if (!t.ok) return { result: { ok: false, message: t.message } };
      const r = t.request;
      return {
        changed: [{ row: stored.row, request: r }],
        audit: [
          {
            at: new Date(),
            actor,
            action: `Account ${r.account}`,
            requestId: r.requestId,
            details: r.notes,
          },
        ],
        result: {
          ok: true,
          message: r.account === 'Active' ? `${r.name}: account Active.` : `${r.name}: ${r.notes}`,
          ready: r.status === 'Complete' ? r : undefined,
          personalEmail: tracking.readRoster(config.staffTypes).staff.find((p) => p.email === r.email)
            ?.personalEmail,
        },
      };
    },
  );
  if (outcome.ready) send(accountReadyEmail(config, outcome.ready, outcome.personalEmail), config.schoolName);
  return outcome;
}

/**
 * Requests whose account still needs enabling (Approved, Account Pending admin or Error), for the
 * enablement trigger a directory admin installed. Approvers and business managers only.
 */
export function pendingEnablements(ctx: ServerContext): ServerResponse {
  const config = ctx.config;
  if (!config || !(isApprover(config, ctx.caller) || isBusinessManager(config, ctx.caller))) {
    return { ok: false, message: 'Only an approver or a business manager can enable accounts.' };
  }
  const pending = Tracking.open(config)
    .readSignatures()
    .requests.map((s) => s.request)
    .filter(awaitsEnablement);
  return {
    ok: true,
    message: `${pending.length} account(s) to enable.`,
    data: { pending: JSON.stringify(pending.map((r) => ({ requestId: r.requestId, email: r.email }))) },
  };
}
