import { withScriptLock } from './lock';

/**
 * What a recorded signature or approval still owes (DESIGN.md §8: a state change is recorded
 * first, its side effects are resumable steps): the document block, the hash and PDF, the notices
 * and the account check. Kept in Script Properties, one key a request, from just before the claim
 * (so no claim is ever without it) until its last step is done.
 */
export interface Pending {
  requestId: string;
  stage: 'signed' | 'approved';
  /** The claim's instant (Signed At / Approved At, ms): the row must still show it. */
  at: number;
  /** Who signed or approved, for the Audit. */
  actor: string;
  /** The claim's own Audit details (the signed channel and typed signature, the systems granted). */
  details: string;
  /** Until when (ms) the execution running the steps holds them: others leave them alone. */
  leaseUntil: number;
  /** How many runs have started on the steps. */
  attempts: number;
  /** Why the last run stopped, if it did. */
  lastError: string;
}

/** The Script Properties prefix of pending steps. */
const PREFIX = 'AUP_SIGNER_PENDING:';

/** How long a run holds its steps before another may take them over (ms): well past a run's 6 minutes. */
export const LEASE_MS = 7 * 60_000;

/** Records that `p` is owed, held by this execution (written before the claim). */
export function recordPending(p: Omit<Pending, 'leaseUntil' | 'attempts' | 'lastError'>): Pending {
  const full: Pending = { ...p, leaseUntil: Date.now() + LEASE_MS, attempts: 1, lastError: '' };
  PropertiesService.getScriptProperties().setProperty(PREFIX + p.requestId, JSON.stringify(full));
  return full;
}

/** The steps owed for one request, or undefined. */
export function readPending(requestId: string): Pending | undefined {
  const json = PropertiesService.getScriptProperties().getProperty(PREFIX + requestId);
  return json ? (JSON.parse(json) as Pending) : undefined;
}

/** Every request's owed steps, oldest claim first (one read of Script Properties). */
export function listPending(): Pending[] {
  const all = PropertiesService.getScriptProperties().getProperties();
  return Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([, v]) => JSON.parse(v) as Pending)
    .sort((a, b) => a.at - b.at);
}

/** Forgets the owed steps of `requestId` (their last step is done, or the claim never happened). */
export function clearPending(requestId: string): void {
  PropertiesService.getScriptProperties().deleteProperty(PREFIX + requestId);
}

/** Records why a run stopped, keeping its lease so that a later run may take the steps over. */
export function notePendingError(p: Pending, error: string): void {
  PropertiesService.getScriptProperties().setProperty(
    PREFIX + p.requestId,
    JSON.stringify({ ...p, lastError: error }),
  );
}

/**
 * Takes over `requestId`'s owed steps when nobody holds them (their lease has run out), under the
 * script lock so that two runs never both take them. @returns the steps, now held by this run, or
 * undefined when they are done or another run holds them
 */
export function takePending(requestId: string): Pending | undefined {
  return withScriptLock(
    () => {
      const p = readPending(requestId);
      if (!p || p.leaseUntil > Date.now()) return undefined;
      const taken: Pending = { ...p, leaseUntil: Date.now() + LEASE_MS, attempts: p.attempts + 1 };
      PropertiesService.getScriptProperties().setProperty(PREFIX + requestId, JSON.stringify(taken));
      return taken;
    },
    { sheets: false },
  );
}
