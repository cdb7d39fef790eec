/** How long a writer waits for the script lock before giving up, in ms. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `body` holding the script lock (LockService.getScriptLock), so writes to the tracking
 * sheet never interleave. State must be re-read inside `body`, under the lock. Pending
 * spreadsheet changes are committed (SpreadsheetApp.flush) before the lock is released, as the
 * Lock reference asks: Sheets may hold writes back, and the next holder must read them, and a
 * Script Properties change made after the release must never land before them. `sheets: false`
 * skips the flush for a body that touches Script Properties only.
 * @throws the lock's "Lock timeout" error when another execution holds it past `waitMs`.
 */
export function withScriptLock<T>(body: () => T, options: { waitMs?: number; sheets?: boolean } = {}): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(options.waitMs ?? LOCK_WAIT_MS);
  held += 1;
  generation += 1;
  try {
    const result = body();
    if (options.sheets !== false) SpreadsheetApp.flush();
    return result;
  } finally {
    held -= 1;
    generation += 1;
    lock.releaseLock();
  }
}

/** How many script locks this execution holds now (0 or 1). */
let held = 0;
/** Counts each time this execution took or released the script lock. */
let generation = 0;

/**
 * Where this execution stands with the script lock, for reads that may be reused: a value read
 * outside the lock stays good until the lock is next taken or released (every tracking write is
 * made under it), and nothing read under the lock is reused.
 */
export function lockState(): { held: boolean; generation: number } {
  return { held: held > 0, generation };
}
