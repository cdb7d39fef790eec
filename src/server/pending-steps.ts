import { docIdFrom, type Config } from '../core/config';
import { snapshotDetails } from '../core/evidence';
import type { SignatureRequest } from '../core/request';
import { snapshot } from '../gas/evidence';
import { withScriptLock } from '../gas/lock';
import { newNotice, queueNotices } from '../gas/outbox';
import {
  clearPending,
  listPending,
  pendingFor,
  releasePending,
  takePending,
  type Pending,
} from '../gas/pending';
import { fitCell } from '../core/limits';
import { Tracking, type AuditEntry, type RowRead } from '../gas/tracking';
import { checkAccount, reachableAddress } from './account';
import { ukDate } from './context';
import { claimDetails, deliverNotices, deliverStaleNotices } from './notices';
import { fillSignatureBlock } from './personal-doc';
import { refreshDashboard } from './store';

/** Runs the resume trigger retries quickly; after them, the daily trigger tries once a day. */
export const FAST_ATTEMPTS = 5;

/** How a run of the owed steps ended. */
export type StepsOutcome = 'done' | 'stopped';

/**
 * Runs what a recorded signature or approval (`p`) still owes, each step once, in order:
 * 1. the evidence, unless an earlier run recorded it: the user's or approver's block filled in
 *    the document, its text hashed and a PDF and text snapshot saved, then in one short locked
 *    write the Document SHA-256 and Signed PDF on the row and the Audit rows of the claim
 *    ("Signed" / "Approved"), of the evidence ("Evidence", naming the moment) and of the notices
 *    (the signer's copy with its PDF; the approvers', where Settings ask for an email a signature
 *    rather than the daily digest), queued just before (src/gas/outbox.ts) and sent after it,
 *    each at most once;
 * 2. for an approval, the account: read from the Admin SDK by the web app's user, never taken
 *    from a card, which completes the request when the account is active.
 * The owed steps are then forgotten. A claim that never happened (the row does not show its
 * instant: another run's claim won) is forgotten at once. A step that throws leaves the steps to a
 * later run (the next card open, the resume trigger, the daily trigger), see `stopped`.
 */
export function finishPending(config: Config, p: Pending, tracking = Tracking.open(config)): StepsOutcome {
  try {
    const snap = tracking.readSignatures();
    const stored = snap.requests.find((s) => s.request.requestId === p.requestId);
    const r = stored?.request;
    const claimed = r && (p.stage === 'signed' ? r.signedAt : r.approvedAt);
    if (!stored || !r || !claimed || !sameInstant(claimed.getTime(), p.at)) {
      clearPending(p);
      return 'done';
    }
    const marker = evidenceMarker(p);
    const audit = p.attempts > 1 ? tracking.readAudit(p.requestId) : [];
    const recorded = audit.some((a) => a.action === 'Evidence' && a.details.startsWith(marker));
    const claimAudited = audit.some((a) => a.action === claimAction(p) && a.details.startsWith(marker));
    let current = r;
    if (!recorded) {
      current = takeEvidence(
        config,
        tracking,
        p,
        { stored, values: snap.values[stored.row - 1] ?? [] },
        snap.col,
        claimAudited,
      );
      refreshDashboard(
        config,
        tracking,
        snap.requests.map((s) => (s.row === stored.row ? current : s.request)),
      );
    }
    if (p.stage === 'approved') checkAccount(config, tracking, current, true);
    clearPending(p);
    return 'done';
  } catch (e) {
    return stopped(tracking, p, String((e as Error)?.message ?? e));
  }
}

/** The start of the claim's and the Evidence's Audit details: the stage and the claim's instant. */
export function evidenceMarker(p: Pick<Pending, 'stage' | 'at'>): string {
  return `${p.stage} ${new Date(p.at).toISOString()}:`;
}

/** The Audit action of a claim: "Signed" or "Approved". */
export function claimAction(p: Pick<Pending, 'stage'>): string {
  return p.stage === 'signed' ? 'Signed' : 'Approved';
}

/** The claim's Audit row, written with its evidence (once: a resumed run sees whether it is there). */
function claimAudit(p: Pick<Pending, 'stage' | 'at' | 'actor' | 'requestId' | 'details'>): AuditEntry {
  return {
    at: new Date(p.at),
    actor: p.actor,
    action: claimAction(p),
    requestId: p.requestId,
    details: `${evidenceMarker(p)} ${p.details}`,
  };
}

/**
 * Whether a Date read back from the sheet is the claim's instant: within a second, in case Sheets
 * keeps date-times to the second rather than the millisecond (a claim a second apart is another's).
 */
function sameInstant(a: number, b: number): boolean {
  return Math.abs(a - b) < 1000;
}

/**
 * Step 1: the block, the snapshot, and their record (the row read again under the lock, where it
 * is now) with the notices claimed, and the claim's own Audit row if a stopped run lost it; then
 * the notices.
 */
function takeEvidence(
  config: Config,
  tracking: Tracking,
  p: Pending,
  row: RowRead,
  col: Parameters<Tracking['writeRequestCells']>[1],
  claimAudited: boolean,
): SignatureRequest {
  const r = row.stored.request;
  fillBlock(config, tracking, p, r);
  const at = new Date(p.at);
  const label = `${p.stage} ${Utilities.formatDate(at, 'Europe/London', 'yyyy-MM-dd HH.mm.ss')}`;
  const s = snapshot(docIdFrom(r.document), config.signedFolderId, label, p.attempts > 1);
  const next: SignatureRequest = { ...r, documentSha256: s.textSha256, signedPdf: s.pdfUrl };
  const signed = p.stage === 'signed';
  const approvers =
    signed && config.approverEmails === 'each' ? config.approvers.filter((a) => a !== r.email) : [];
  const notices = [
    ...(signed
      ? [newNotice({ kind: 'copy', requestId: r.requestId, to: reachableAddress(config, tracking, r) })]
      : []),
    ...approvers.map((a) => newNotice({ kind: 'signed', requestId: r.requestId, to: a })),
  ];
  const audit: AuditEntry[] = [
    ...(claimAudited ? [] : [claimAudit(p)]),
    {
      at: new Date(),
      actor: p.actor,
      action: 'Evidence',
      requestId: r.requestId,
      details: `${evidenceMarker(p)} ${snapshotDetails(s)}`,
    },
  ];
  if (notices.length) {
    const told = approvers.length ? `; told ${approvers.join(', ')}` : '';
    audit.push({
      at: new Date(),
      actor: p.actor,
      action: 'Notice',
      requestId: r.requestId,
      details: claimDetails(`Signed: their signed copy to ${notices[0]?.to ?? r.email}${told}`, notices),
    });
  }
  queueNotices(notices, { replace: true });
  const written = withScriptLock(() => {
    const now = tracking.readRequestAt(row.stored.row, col, r.requestId) ?? tracking.findRequest(r.requestId);
    if (!now) return undefined;
    const after = { ...now.stored.request, documentSha256: s.textSha256, signedPdf: s.pdfUrl };
    tracking.writeRequestCells(now, col, after);
    tracking.appendAudit(audit);
    return after;
  });
  if (!written) return next;
  deliverNotices(config, notices, tracking, new Map([[written.requestId, written]]));
  return written;
}

/**
 * What a card does after its claim, so that it answers in a second or two: the signer's or
 * approver's block filled now (they see it at once; a fill that fails is done by the steps), then
 * every owed step handed to the resume trigger within a minute (the fill again, idempotent; the
 * hash, the PDF and text snapshot, the Audit, the notices, the account), as if this run had not
 * started them. Nothing here turns the recorded claim into an error on the card.
 * With `fill: false` (a page approved at once) the block too is left to the steps.
 */
export function handOver(
  config: Config,
  tracking: Tracking,
  p: Pending,
  r: SignatureRequest,
  options: { fill?: boolean } = {},
): void {
  try {
    if (options.fill !== false) fillBlock(config, tracking, p, r);
  } catch {
    // The owed steps fill the block again before anything else.
  }
  const settleIn = p.stage === 'approved' ? HAND_OVER_APPROVAL_MS : 0;
  try {
    releasePending({ ...p, attempts: p.attempts - 1 }, Date.now() + settleIn);
  } catch {
    // Script Properties refused: the steps stay held by this run until its lease ends, then are taken over.
  }
  try {
    scheduleResume(60_000);
  } catch {
    // No trigger could be made (the project's trigger quota): the person's next card open or the daily run takes the steps over.
  }
}

/**
 * How long an approval's steps wait before another run may take them (ms): the approver's card
 * enables the account through the Admin SDK just after the claim, and the account is best read
 * after that.
 */
export const HAND_OVER_APPROVAL_MS = 30_000;

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
 * A run stopped with `error`: the steps are given back for a later run, sooner at first (the
 * resume trigger 1, 2, 4 and 8 minutes on) and then once a day (the daily trigger), never given
 * up, so a document that was out of reach for a while still gets its evidence. After
 * {@link FAST_ATTEMPTS} runs the Audit says once why it is late ("Evidence delayed"); Verify says
 * "Incomplete evidence" and the request cannot be approved or returned until it is done.
 */
function stopped(tracking: Tracking, p: Pending, error: string): StepsOutcome {
  if (p.attempts < FAST_ATTEMPTS) {
    const delay = 60_000 * 2 ** (p.attempts - 1);
    releasePending(p, Date.now() + delay - 30_000);
    scheduleResume(delay);
    return 'stopped';
  }
  releasePending(p, Date.now() + 12 * 3_600_000);
  if (p.attempts === FAST_ATTEMPTS) {
    withScriptLock(() =>
      tracking.appendAudit([
        {
          at: new Date(),
          actor: 'AUP Signer',
          action: 'Evidence delayed',
          requestId: p.requestId,
          details: fitCell(
            `${evidenceMarker(p)} ${p.attempts} runs stopped (last: ${error}); the daily trigger tries again each day.`,
          ),
        },
      ]),
    );
  }
  return 'stopped';
}

/** Name of the one-off trigger that takes over owed steps a run left. */
export const RESUME_TRIGGER = 'onResumeSteps';

/** Schedules the one-off trigger that takes over what stopped runs left, `delayMs` from now, unless one waits. */
export function scheduleResume(delayMs = 60_000): void {
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === RESUME_TRIGGER)) return;
  ScriptApp.newTrigger('onResumeSteps').timeBased().after(delayMs).create();
}

/**
 * Takes over the steps owed for `requestId` that no run holds, and finishes them, so an approver
 * (or anyone acting next on the request) acts on its evidence complete.
 * @returns whether steps are still owed (another run holds them, or they stopped again)
 */
export function settle(config: Config, tracking: Tracking, requestId: string): boolean {
  const owed = pendingFor(requestId);
  if (!owed.length) return false;
  for (const o of owed) {
    const p = takePending(o);
    if (p) finishPending(config, p, tracking);
  }
  return pendingFor(requestId).length > 0;
}

/**
 * Takes over owed steps that no run holds, oldest first, within `budgetMs` from `started`, then
 * (with `notices`) the emails stopped runs left, in what is left of the budget: the daily
 * trigger's and the one-off resume trigger's share of the work, and (steps only) a card open's.
 * @returns how many it finished, and whether steps are still owed
 */
export function resumePending(
  config: Config,
  started: number,
  budgetMs: number,
  options: { only?: (p: Pending) => boolean; notices?: boolean } = {},
): { finished: number; left: boolean } {
  const owed = listPending().filter((p) => p.leaseUntil <= Date.now() && (!options.only || options.only(p)));
  let finished = 0;
  const tracking = Tracking.open(config);
  for (const candidate of owed) {
    if (Date.now() - started > budgetMs) break;
    let p: Pending | undefined;
    try {
      p = takePending(candidate);
    } catch {
      continue;
    }
    if (p && finishPending(config, p, tracking) === 'done') finished += 1;
  }
  if (options.notices !== false) deliverStaleNotices(config, tracking, started + budgetMs);
  return { finished, left: listPending().length > 0 };
}
