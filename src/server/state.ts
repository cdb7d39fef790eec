import { settingsOf } from '../core/config';
import { awaitsEnablement, type SignatureRequest } from '../core/request';
import { Tracking } from '../gas/tracking';
import { dashboard } from '../core/dashboard';
import { cycleOf } from './context';
import type { HomeState } from './api';
import { isApprover, isBusinessManager, ukDate, viewOf, type ServerContext } from './context';

/**
 * What the caller's homepage shows: their own request and history, requests awaiting their
 * counter-signature if they approve, and the school's figures if they manage. One read of the
 * Signatures sheet (and of Staff for a business manager).
 */
export function homeState(ctx: ServerContext): HomeState {
  const { config, caller } = ctx;
  const base: HomeState = {
    me: caller,
    configured: false,
    canSetUp: !config && caller === ctx.owner,
    schoolName: '',
    policyVersion: '',
    agreementText: '',
    isApprover: false,
    isBusinessManager: false,
    mine: null,
    history: [],
    pending: [],
    systems: [],
    pendingAccounts: 0,
    manager: null,
  };
  if (!config) return base;
  const tracking = Tracking.open(config);
  const requests = tracking.readSignatures().requests.map((s) => s.request);
  const own = requests.filter((r) => r.email === caller);
  const mine = own.find((r) => r.policyVersion === config.policyVersion && r.status !== 'Superseded') ?? null;
  const approver = isApprover(config, caller);
  const manager = isBusinessManager(config, caller);
  return {
    ...base,
    configured: true,
    schoolName: config.schoolName,
    policyVersion: config.policyVersion,
    agreementText: config.agreementText,
    isApprover: approver,
    isBusinessManager: manager,
    mine: mine && viewOf(mine),
    history: own.filter((r) => r !== mine).map(viewOf),
    pending: approver ? awaiting(requests, caller).map(viewOf) : [],
    systems: config.systems,
    pendingAccounts: approver || manager ? requests.filter(awaitsEnablement).length : 0,
    manager: manager
      ? {
          trackingUrl: tracking.url,
          dashboard: dashboard(requests, config.policyVersion, ukDate(new Date(), true), cycleOf(config)),
          rosterProblems: tracking.readRoster(config.staffTypes).problems.map((p) => p.message),
          settings: settingsOf(config),
        }
      : null,
  };
}

/** Signed requests an approver may counter-sign: never their own. */
function awaiting(requests: readonly SignatureRequest[], approver: string): SignatureRequest[] {
  return requests.filter((r) => r.status === 'Signed' && r.email !== approver);
}
