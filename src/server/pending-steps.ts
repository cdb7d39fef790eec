import { docIdFrom, type Config } from '../core/config';
import { snapshotDetails } from '../core/evidence';
import type { SignatureRequest } from '../core/request';
import { snapshot } from '../gas/evidence';
import { withScriptLock } from '../gas/lock';
import { newNotice, queueNotices } from '../gas/outbox';
import {
  clearPending,
  listPending,
  notePendingError,
  readPending,
  takePending,
  type Pending,
} from '../gas/pending';
import { Tracking, type AuditEntry, type RowRead } from '../gas/tracking';
import { checkAccount } from './account';
import { ukDate } from './context';
import { claimDetails, deliverNotices, deliverStaleNotices } from './notices';
import { fillSignatureBlock } from './personal-doc';
import { refreshDashboard } from './store';

/** After this many runs that stopped, the steps end in an explained state rather than wait for ever. */
export const MAX_ATTEMPTS = 5;

/** How a run of the owed steps ended. */
export type StepsOutcome = 'done' | 'stopped' | 'given up';

/**
 * Runs what a recorded signature or approval (`p`) still owes, each step once, in order:
 * 1. the evidence, unless an earlier run recorded it: the user's or approver's block filled in
 *    the document, its text hashed and a PDF and text snapshot saved, then in one short locked
 *    write the Document SHA-256 and Signed PDF on the row and the Audit rows of the claim
 *    ("Signed" / "Approved"), of the evidence ("Evidence", naming the moment) and of the notices
 *    to the approvers, queued just before (src/gas/outbox.ts) and sent after it, each at most once;
 * 2. for an approval, the account: read from the Admin SDK by the web app's user, never taken
 *    from a card, which completes the request when the account is active.
 * The owed steps are then forgotten. A claim that never happened (the row no longer shows its
 * instant) is forgotten at once. A step that throws is noted and left for the next run (the next
 * card open, the daily trigger or a one-off trigger), which takes it over; after
 * {@link MAX_ATTEMPTS} runs it ends in an explained state: an Audit row and the row's Notes.
 */
export function finishPending(config: Config, p: Pending, tracking = Tracking.open(config)): StepsOutcome {
  try {
    const snap = tracking.readSignatures();
    const stored = snap.requests.find((s) => s.request.requestId === p.requestId);
    const r = stored?.request;
    const claimed = r && (p.stage === 'signed' ? r.signedAt : r.approvedAt);
    if (!stored || !r || !claimed || claimed.getTime() !== p.at) {
      clearPending(p.requestId);
      return 'done';
    }
    const marker = evidenceMarker(p);
    const recorded =
      p.attempts > 1 &&
      tracking.readAudit(p.requestId).some((a) => a.action === 'Evidence' && a.details.startsWith(marker));
    let current = r;
    if (!recorded) {
      current = takeEvidence(
        config,
        tracking,
        p,
        { stored, values: snap.values[stored.row - 1] ?? [] },
        snap.col,
      );
      refreshDashboard(
        config,
        tracking,
        snap.requests.map((s) => (s.row === stored.row ? current : s.request)),
      );
    }
    if (p.stage === 'approved') checkAccount(config, tracking, current, true);
    clearPending(p.requestId);
    return 'done';
  } catch (e) {
    return stopped(config, tracking, p, String((e as Error)?.message ?? e));
  }
}

/** The start of the Evidence Audit details for one claim: the stage and its instant. */
function evidenceMarker(p: Pending): string {
  return `${p.stage} ${new Date(p.at).toISOString()}:`;
}

/** Step 1: the block, the snapshot, and their record with the notices claimed; then the notices. */
function takeEvidence(
  config: Config,
  tracking: Tracking,
  p: Pending,
  row: RowRead,
  col: Parameters<Tracking['writeRequestCells']>[1],
): SignatureRequest {
  const r = row.stored.request;
  fillBlock(config, tracking, p, r);
  const at = new Date(p.at);
  const label = `${p.stage} ${Utilities.formatDate(at, 'Europe/London', 'yyyy-MM-dd HH.mm.ss')}`;
  const s = snapshot(docIdFrom(r.document), config.signedFolderId, label, p.attempts > 1);
  const next: SignatureRequest = { ...r, documentSha256: s.textSha256, signedPdf: s.pdfUrl };
  const approvers = p.stage === 'signed' ? config.approvers.filter((a) => a !== r.email) : [];
  const notices = approvers.map((a) => newNotice({ kind: 'signed', requestId: r.requestId, to: a }));
  const audit: AuditEntry[] = [
    {
      at,
      actor: p.actor,
      action: p.stage === 'signed' ? 'Signed' : 'Approved',
      requestId: r.requestId,
      details: p.details,
    },
    {
      at: new Date(),
      actor: p.actor,
      action: 'Evidence',
      requestId: r.requestId,
      details: `${evidenceMarker(p)} ${snapshotDetails(s)}`,
    },
  ];
  if (approvers.length) {
    audit.push({
      at: new Date(),
      actor: p.actor,
      action: 'Notice',
      requestId: r.requestId,
      details: claimDetails(`Signed: told ${approvers.join(', ')}`, notices),
    });
  }
  queueNotices(notices, { replace: true });
  withScriptLock(() => {
    tracking.writeRequestCells(row, col, next);
    tracking.appendAudit(audit);
  });
  deliverNotices(config, notices, tracking, new Map([[next.requestId, next]]));
  return next;
}

/** Fills the signer's or the approver's block, and their line of the Signature record (idempotent). */
function fillBlock(config: Config, tracking: Tracking, p: Pending, r: SignatureRequest): void {
  if (p.stage === 'signed') {
    fillSignatureBlock(
      r.document,
      'user',
      {
        signature: `${r.typedSignature} (signed electronically via ${r.signedVia})`,
        name: r.name,
        role: r.role,
        date: ukDate(r.signedAt),
      },
      {
        name: r.typedSignature,
        email: r.email,
        role: r.role,
        at: ukDate(r.signedAt, true),
        channel: r.signedVia,
        policyVersion: r.policyVersion,
      },
    );
    return;
  }
  const me = tracking.readRoster(config.staffTypes).staff.find((s) => s.email === r.approvedBy);
  const name = me?.name ?? r.approvedBy;
  const role = me?.role || 'Approver';
  fillSignatureBlock(
    r.document,
    'approver',
    {
      signature: `${name} (counter-signed electronically)`,
      name,
      role,
      date: ukDate(r.approvedAt),
      systems: r.systems || 'None',
      permissions: r.permissions || 'None',
    },
    {
      name,
      email: r.approvedBy,
      role,
      at: ukDate(r.approvedAt, true),
      channel: 'the AUP Signer approver card',
      policyVersion: r.policyVersion,
    },
  );
}

/**
 * A run stopped with `error`: noted, and the lease given up so that the next run may take over
 * at once; after {@link MAX_ATTEMPTS} runs, the steps end in an explained state.
 */
function stopped(config: Config, tracking: Tracking, p: Pending, error: string): StepsOutcome {
  if (p.attempts < MAX_ATTEMPTS) {
    notePendingError({ ...p, leaseUntil: Date.now() }, error);
    scheduleResume();
    return 'stopped';
  }
  withScriptLock(() =>
    tracking.appendAudit([
      {
        at: new Date(),
        actor: p.actor,
        action: 'Evidence incomplete',
        requestId: p.requestId,
        details: `${evidenceMarker(p)} gave up after ${p.attempts} runs: ${error}`,
      },
    ]),
  );
  clearPending(p.requestId);
  return 'given up';
}

/** Name of the one-off trigger that takes over owed steps a run left. */
export const RESUME_TRIGGER = 'onResumeSteps';

/** Schedules the one-off trigger that takes over owed steps, a minute from now, unless one waits. */
export function scheduleResume(): void {
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === RESUME_TRIGGER)) return;
  ScriptApp.newTrigger('onResumeSteps').timeBased().after(60_000).create();
}

/**
 * Takes over the steps owed for `requestId` that no run holds, and finishes them, so an approver
 * (or anyone acting next on the request) acts on its evidence complete.
 * @returns whether steps are still owed (another run holds them, or they stopped again)
 */
export function settle(config: Config, tracking: Tracking, requestId: string): boolean {
  if (!readPending(requestId)) return false;
  const p = takePending(requestId);
  if (p) finishPending(config, p, tracking);
  return Boolean(readPending(requestId));
}

/**
 * Takes over owed steps that no run holds, oldest first, within `budgetMs` from `started`, then
 * the notices stopped runs left: the daily trigger's, the one-off resume trigger's and a card
 * open's share of the work.
 * @returns how many it finished, and whether steps are still owed
 */
export function resumePending(
  config: Config,
  started: number,
  budgetMs: number,
  only?: (p: Pending) => boolean,
): { finished: number; left: boolean } {
  const owed = listPending().filter((p) => p.leaseUntil <= Date.now() && (!only || only(p)));
  let finished = 0;
  const tracking = owed.length ? Tracking.open(config) : undefined;
  for (const candidate of owed) {
    if (Date.now() - started > budgetMs) break;
    const p = takePending(candidate.requestId);
    if (p && tracking && finishPending(config, p, tracking) !== 'stopped') finished += 1;
  }
  if (Date.now() - started <= budgetMs) deliverStaleNotices(config, tracking ?? Tracking.open(config));
  return { finished, left: listPending().length > 0 };
}
