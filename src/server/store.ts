import type { Config } from '../core/config';
import { dashboard, dashboardByStaffType } from '../core/dashboard';
import type { SignatureRequest } from '../core/request';
import { withScriptLock } from '../gas/lock';
import { Tracking, type AuditEntry, type SignaturesSnapshot, type StoredRequest } from '../gas/tracking';
import { cycleOf, ukDate } from './context';

/** What a change to the Signatures sheet decided, from a snapshot read under the lock. */
export interface Change<T> {
  changed?: StoredRequest[];
  added?: SignatureRequest[];
  audit?: AuditEntry[];
  result: T;
}

/**
 * A read-modify-write of many rows (invitations, reminders, publishing): the spreadsheet is
 * opened first, then under the script lock the Signatures sheet is read once, `decide` works out
 * the change from that fresh state, and the rows and Audit entries are written, each in one batch.
 * That read, with the rows as written, is kept for the rest of the execution (exact as of the
 * lock's release), and the Dashboard is refreshed from it after the lock is released.
 */
export function mutate<T>(
  config: Config,
  decide: (snap: SignaturesSnapshot, tracking: Tracking) => Change<T>,
): T {
  const tracking = Tracking.open(config);
  let written: { snap: SignaturesSnapshot; changed: StoredRequest[]; added: SignatureRequest[] } | undefined;
  const result = withScriptLock(() => {
    const snap = tracking.readSignatures();
    const change = decide(snap, tracking);
    const changed = change.changed ?? [];
    const added = change.added ?? [];
    if (changed.length || added.length) {
      tracking.writeSignatures(snap, changed, added);
      written = { snap, changed, added };
    }
    tracking.appendAudit(change.audit ?? []);
    return change.result;
  });
  if (written) {
    tracking.keepAfterWrites(written.snap, written.changed, written.added);
    const all = tracking.readSignatures().requests.map((s) => s.request);
    refreshDashboard(config, tracking, all);
  }
  return result;
}

/** What a change to one request decided, from its row as read under the lock. */
export interface RowChange<T> {
  /** The request as it is to be written (only the cells that differ are). */
  request?: SignatureRequest;
  audit?: AuditEntry[];
  /** Writes under the same lock before the row's (tokens withdrawn, a notice queued). */
  before?: (tracking: Tracking) => void;
  /** Further writes under the same lock after the row's (a token marked used). */
  also?: (tracking: Tracking) => void;
  result: T;
}

/**
 * A change to one request, holding the script lock as briefly as can be: the spreadsheet is
 * opened and the sheet read outside the lock to find the request's row; under the lock only that
 * row is read again, `decide` is asked again on it (so what it decides is always from fresh
 * state), and only the cells it changes are written, with its Audit rows. Where the row moved
 * meanwhile (someone sorted the sheet), the whole sheet is read again under the lock. The read
 * made before the lock is then kept with that row as it now is (`Tracking.keepAfterWrites`), so
 * the card drawn next needs no second read of the sheet.
 * @param decide given the request as it is now, or undefined when there is no such request
 */
export function changeRow<T>(
  tracking: Tracking,
  requestId: string,
  decide: (current: StoredRequest | undefined) => RowChange<T>,
): T {
  const snap = tracking.readSignatures();
  const found = snap.requests.find((s) => s.request.requestId === requestId);
  let kept: SignatureRequest | undefined;
  const result = withScriptLock(() => {
    const inPlace = found && tracking.readRequestAt(found.row, snap.col, requestId);
    const current = inPlace || (found ? tracking.findRequest(requestId) : undefined);
    const change = decide(current?.stored);
    change.before?.(tracking);
    if (current && change.request) tracking.writeRequestCells(current, snap.col, change.request);
    change.also?.(tracking);
    tracking.appendAudit(change.audit ?? []);
    if (inPlace) kept = change.request ?? inPlace.stored.request;
    return change.result;
  });
  if (found && kept) tracking.keepAfterWrites(snap, [{ row: found.row, request: kept }]);
  return result;
}

/** Rewrites the Dashboard from `requests` (outside the lock: it is derived, and the last write wins). */
export function refreshDashboard(
  config: Config,
  tracking: Tracking,
  requests: readonly SignatureRequest[],
): void {
  tracking.writeDashboard(
    dashboard(requests, config.policyVersion, ukDate(new Date(), true), cycleOf(config)),
    dashboardByStaffType(requests, config.policyVersion, config.staffTypes),
    `${config.policyVersion} by staff type and status`,
  );
}

/** The caller's stored request for a request ID, when it is theirs. */
export function findOwn(
  snap: SignaturesSnapshot,
  requestId: string,
  email: string,
): StoredRequest | undefined {
  return snap.requests.find((s) => s.request.requestId === requestId && s.request.email === email);
}
