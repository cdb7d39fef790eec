/** How long a writer waits for the script lock before giving up, in ms. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `body` holding the script lock (LockService.getScriptLock), so writes to the tracking
 * sheet never interleave. State must be re-read inside `body`, under the lock.
 * @throws the lock's "Lock timeout" error when another execution holds it past `waitMs`.
 */
export function withScriptLock<T>(body: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}
