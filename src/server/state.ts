import { filterViewLinks } from '../gas/filter-views';
import { approverRights } from '../gas/approver-rights';
import { settingsOf } from '../core/config';
import { APPROVER_PAGE_SIZE, capLines, MAX_CARD_LINES, pageOf } from '../core/pages';
import { changeCounts, describeChange } from '../core/changes';
import type { Config } from '../core/config';
import { accountOwed, awaiting, OPEN_TO_SIGN, type SignatureRequest } from '../core/request';
import { changesReader } from './changes';
import { SYNC_KEY, type SyncRecord } from './directory-sync';
import { DIRECTORY_KEY } from '../triggers/directory-sync';
import type { Roster } from '../core/roster';
import { hasLeft } from './invite';
import { Tracking } from '../gas/tracking';
import { dashboard } from '../core/dashboard';
import { cycleOf } from './context';
import type { HomeState } from './api';
import { isApprover, isBusinessManager, londonDay, ukDate, viewOf, type ServerContext } from './context';

/**
 * What the caller's homepage shows: their own request and history, one page (`page`, 0-based) of
 * the requests awaiting their counter-signature if they approve, and the school's figures if they
 * manage. One read of the Signatures sheet (and of Staff for a business manager).
 */
export function homeState(ctx: ServerContext, page = 0): HomeState {
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
    myName: '',
    contact: { name: '', email: '' },
    approverNames: [],
    mine: null,
    history: [],
    pending: [],
    pendingPage: { page: 0, pages: 1, total: 0, from: 0 },
    systems: [],
    defaultSystems: {},
    directoryAdmin: false,
    directoryUnread: false,
    pendingAccounts: 0,
    ownAccounts: 0,
    changes: null,
    manager: null,
  };
  if (!config) return base;
  const tracking = Tracking.open(config);
  const requests = tracking.readSignatures().requests.map((s) => s.request);
  const own = requests.filter((r) => r.email === caller);
  const mine = own.find((r) => r.policyVersion === config.policyVersion && r.status !== 'Superseded') ?? null;
  const approver = isApprover(config, caller);
  const manager = isBusinessManager(config, caller);
  const queue = pageOf(approver ? awaiting(requests, caller) : [], page, APPROVER_PAGE_SIZE);
  const names = new Map(requests.map((r) => [r.email, r.name] as const));
  const nameOf = (email: string): string => names.get(email) ?? email;
  const view = (r: SignatureRequest) => viewOf(r, nameOf);
  const bm = config.businessManagers[0] ?? '';
  const roster = manager ? tracking.readRoster(config.staffTypes) : { staff: [], problems: [] };
  return {
    ...base,
    configured: true,
    schoolName: config.schoolName,
    policyVersion: config.policyVersion,
    agreementText: config.agreementText,
    isApprover: approver,
    isBusinessManager: manager,
    myName: (mine ?? own[own.length - 1])?.name ?? '',
    contact: { name: bm ? nameOf(bm) : '', email: bm },
    approverNames: config.approvers.filter((a) => a !== caller).map(nameOf),
    mine: mine && view(mine),
    changes:
      mine && OPEN_TO_SIGN.includes(mine.status) ? changesShown(tracking, config, requests, mine) : null,
    history: own.filter((r) => r !== mine).map(view),
    pending: queue.items.map(view),
    pendingPage: { page: queue.page, pages: queue.pages, total: queue.total, from: queue.from },
    systems: config.systems,
    defaultSystems: config.defaultSystems,
    directoryAdmin: approverRights(ctx.props)[caller] !== false,
    directoryUnread: approver && config.staffSource !== 'sheet' && !ctx.props[DIRECTORY_KEY],
    pendingAccounts: approver || manager ? requests.filter((r) => accountOwed(r, Date.now())).length : 0,
    ownAccounts: approver
      ? requests.filter((r) => r.approvedBy === caller && accountOwed(r, Date.now())).length
      : 0,
    manager: manager
      ? {
          trackingUrl: tracking.url,
          dashboard: dashboard(requests, config.policyVersion, ukDate(new Date(), true), cycleOf(config)),
          toInvite: uninvitedStaff(roster, requests, config.policyVersion),
          views: filterViewLinks(tracking.url, ctx.props),
          rosterProblems: capLines(
            roster.problems.map((p) => p.message),
            MAX_CARD_LINES,
            (n) => `…and ${n} more rows to fix on the Staff sheet.`,
          ),
          settings: settingsOf(config),
          directory: config.staffSource === 'sheet' ? null : lastSync(ctx.props),
        }
      : null,
  };
}

/** What the last directory sync did, in words ('' before the first). */
function lastSync(props: Readonly<Record<string, string>>): string {
  const json = props[SYNC_KEY];
  if (!json) return '';
  const r = JSON.parse(json) as SyncRecord;
  return `Synced ${ukDate(new Date(r.at), true)} by ${r.by}: ${r.summary}`;
}

/** Changes the signer's card lists at most (a card section holds 100 widgets). */
const CARD_CHANGES = 20;

/** What changed for the signer since the version they last signed, as their card shows it. */
function changesShown(
  tracking: Tracking,
  config: Config,
  requests: readonly SignatureRequest[],
  mine: SignatureRequest,
): HomeState['changes'] {
  const since = changesReader(tracking, config, () => requests)(mine);
  if (!since?.changes.length) return null;
  return {
    since: since.since,
    counts: changeCounts(since.changes),
    items: since.changes.slice(0, CARD_CHANGES).map(describeChange),
    more: Math.max(0, since.changes.length - CARD_CHANGES),
    link: since.link,
  };
}

/** How many people on the Staff sheet, not yet left, have no request for `version`. */
function uninvitedStaff(
  roster: Pick<Roster, 'staff'>,
  requests: readonly SignatureRequest[],
  version: string,
): number {
  const today = londonDay();
  const asked = new Set(
    requests.filter((r) => r.policyVersion === version && r.status !== 'Superseded').map((r) => r.email),
  );
  return roster.staff.filter((p) => !asked.has(p.email) && !hasLeft(p, today)).length;
}
