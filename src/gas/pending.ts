import { withScriptLock } from './lock';

/**
 * What a recorded signature or approval still owes (DESIGN.md §8: a state change is recorded
 * first, its side effects are resumable steps): the document block, the hash and PDF, the notices
 * and the account check. Kept in Script Properties, one key per claim (the request and the claim's
 * instant, so two runs claiming the same request at once never overwrite or clear each other's),
 * from just before the claim until its last step is done.
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
}

/** The Script Properties prefix of pending steps. */
const PREFIX = 'AUP_SIGNER_PENDING:';

/** How long a run holds its steps before another may take them over (ms): well past a run's 6 minutes. */
export const LEASE_MS = 7 * 60_000;

function keyOf(p: Pick<Pending, 'requestId' | 'at'>): string {
  return `${PREFIX}${p.requestId}@${p.at}`;
}

/** Records that `p` is owed, held by this execution (written before the claim). */
export function recordPending(p: Omit<Pending, 'leaseUntil' | 'attempts'>): Pending {
  const full: Pending = { ...p, leaseUntil: Date.now() + LEASE_MS, attempts: 1 };
  PropertiesService.getScriptProperties().setProperty(keyOf(full), JSON.stringify(full));
  return full;
}

/**
 * Every claim's owed steps, oldest claim first (one read of Script Properties). @param snapshot
 * Script Properties as this request read them, to save the read; omitted, they are read now.
 */
export function listPending(snapshot?: Readonly<Record<string, string>>): Pending[] {
  const all = snapshot ?? PropertiesService.getScriptProperties().getProperties();
  return Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([, v]) => JSON.parse(v) as Pending)
    .sort((a, b) => a.at - b.at);
}

/** The steps owed for one request's claims, oldest first (none: an empty list). */
export function pendingFor(requestId: string): Pending[] {
  return listPending().filter((p) => p.requestId === requestId);
}

/** Forgets the owed steps of one claim (its last step is done, or the claim never happened). */
export function clearPending(p: Pick<Pending, 'requestId' | 'at'>): void {
  PropertiesService.getScriptProperties().deleteProperty(keyOf(p));
}

/** Gives up this run's hold on `p` until `until` (ms): a later run may take the steps over then. */
export function releasePending(p: Pending, until: number): void {
  PropertiesService.getScriptProperties().setProperty(keyOf(p), JSON.stringify({ ...p, leaseUntil: until }));
}

/**
 * Records several claims' owed steps in one Script Properties write (Properties.setProperties),
 * each held by this execution, and (with `until`) already released to later runs from then: what a
 * page of approvals owes. @returns each as recorded
 */
export function recordPendings(
  list: readonly Omit<Pending, 'leaseUntil' | 'attempts'>[],
  until = Date.now() + LEASE_MS,
): Pending[] {
  const full = list.map((p): Pending => ({ ...p, leaseUntil: until, attempts: 0 }));
  if (full.length)
    PropertiesService.getScriptProperties().setProperties(
      Object.fromEntries(full.map((p) => [keyOf(p), JSON.stringify(p)])),
    );
  return full;
}

/**
 * Takes over one claim's owed steps when nobody holds them (their lease has run out), under the
 * script lock so that two runs never both take them. @returns the steps, now held by this run, or
 * undefined when they are done or another run holds them
 */
export function takePending(p: Pick<Pending, 'requestId' | 'at'>): Pending | undefined {
  return withScriptLock(
    () => {
      const json = PropertiesService.getScriptProperties().getProperty(keyOf(p));
      const now = json ? (JSON.parse(json) as Pending) : undefined;
      if (!now || now.leaseUntil > Date.now()) return undefined;
      const taken: Pending = { ...now, leaseUntil: Date.now() + LEASE_MS, attempts: now.attempts + 1 };
      PropertiesService.getScriptProperties().setProperty(keyOf(p), JSON.stringify(taken));
      return taken;
    },
    { sheets: false },
  );
}
