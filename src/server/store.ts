import type { Config } from '../core/config';
import type { SignatureRequest } from '../core/request';
import { withScriptLock } from '../gas/lock';
import { Tracking, type AuditEntry, type SignaturesSnapshot, type StoredRequest } from '../gas/tracking';
import { dashboard } from '../core/dashboard';
import { cycleOf } from './context';
import { ukDate } from './context';

/** What a change to the Signatures sheet decided, from a snapshot read under the lock. */
export interface Change<T> {
  changed?: StoredRequest[];
  added?: SignatureRequest[];
  audit?: AuditEntry[];
  result: T;
}

/**
 * Runs a read-modify-write of the tracking sheet under the script lock: reads the Signatures
 * sheet once, lets `decide` work out the change from that fresh state, then writes the rows,
 * the Audit entries and the Dashboard, each in one batch.
 */
export function mutate<T>(
  config: Config,
  decide: (snap: SignaturesSnapshot, tracking: Tracking) => Change<T>,
): T {
  return withScriptLock(() => {
    const tracking = Tracking.open(config);
    const snap = tracking.readSignatures();
    const change = decide(snap, tracking);
    const changed = change.changed ?? [];
    const added = change.added ?? [];
    if (changed.length || added.length) {
      tracking.writeSignatures(snap, changed, added);
      const all = snap.requests.map((s) => changed.find((c) => c.row === s.row)?.request ?? s.request);
      tracking.writeDashboard(
        dashboard([...all, ...added], config.policyVersion, ukDate(new Date(), true), cycleOf(config)),
      );
    }
    tracking.appendAudit(change.audit ?? []);
    return change.result;
  });
}

/** The caller's stored request for a request ID, when it is theirs. */
export function findOwn(
  snap: SignaturesSnapshot,
  requestId: string,
  email: string,
): StoredRequest | undefined {
  return snap.requests.find((s) => s.request.requestId === requestId && s.request.email === email);
}
