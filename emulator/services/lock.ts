import type { Execution } from '../core/execution';
import type { Workspace } from '../core/workspace';

/** Apps Script's message when `waitLock` gives up. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** The `ws.locks` key of the script lock. */
export const SCRIPT_LOCK = 'script';

/** The `ws.locks` key of a user's lock. */
export function userLockKey(email: string): string {
  return `user:${email.toLowerCase()}`;
}

/**
 * Marks `key` as held by `holder` (another process), so tests and the host can make an
 * execution meet a busy lock. The holder keeps it until `ws.locks.delete(key)` or until
 * {@link releaseAllLocks} runs for it.
 */
export function holdLockFor(ws: Workspace, key: string, holder: object): void {
  ws.locks.set(key, { holder });
}

/** Releases every lock `exec` holds: the host calls this when an execution ends, as Apps Script does. */
export function releaseAllLocks(exec: Execution): void {
  for (const key of exec.heldLocks) release(exec, key);
  exec.heldLocks.clear();
}

/** Frees `key` if `exec` holds it, recording for how long it did (`ws.lockHolds`). */
function release(exec: Execution, key: string): void {
  const held = exec.ws.locks.get(key);
  if (held?.holder !== exec) return;
  exec.ws.locks.delete(key);
  exec.ws.lockHolds.push({
    key,
    user: exec.activeUser || exec.effectiveUser,
    ms: exec.ws.clock.now() - (held.since ?? 0),
  });
}

type LockMethods = 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock';

/**
 * A mutual-exclusion lock (developers.google.com/apps-script/reference/lock/lock), held per
 * execution in `ws.locks`. Nothing else runs while an execution waits, so a lock held by another
 * process stays held: `tryLock(ms)` spends `ms` of modelled time and returns false, `waitLock(ms)`
 * spends `ms` and throws {@link LOCK_TIMEOUT_MESSAGE}. Re-acquiring a lock this execution already
 * holds succeeds at once. An injected `lockTimeout` fault plays another process holding it.
 */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, LockMethods> {
  constructor(
    private readonly exec: Execution,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: GoogleAppsScript.Integer): boolean {
    return this.exec.call('Lock.tryLock', () => this.acquire(timeoutInMillis));
  }

  waitLock(timeoutInMillis: GoogleAppsScript.Integer): void {
    this.exec.call('Lock.waitLock', () => {
      if (!this.acquire(timeoutInMillis)) throw this.exec.error(LOCK_TIMEOUT_MESSAGE);
    });
  }

  hasLock(): boolean {
    return this.exec.call('Lock.hasLock', () => this.exec.ws.locks.get(this.key)?.holder === this.exec);
  }

  releaseLock(): void {
    this.exec.call('Lock.releaseLock', () => {
      release(this.exec, this.key);
      this.exec.heldLocks.delete(this.key);
    });
  }

  private acquire(timeoutInMillis: number): boolean {
    const held = this.exec.takeFault('lockTimeout') ? { holder: {} } : this.exec.ws.locks.get(this.key);
    if (held?.holder === this.exec) return true;
    if (!held) {
      this.exec.ws.locks.set(this.key, { holder: this.exec, since: this.exec.ws.clock.now() });
      this.exec.heldLocks.add(this.key);
      return true;
    }
    this.exec.spend(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }
}

/** LockService as the emulator offers it: the document lock is null for a Workspace add-on. */
export type EmulatedLockService = Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock'> & {
  getDocumentLock(): GoogleAppsScript.Lock.Lock | null;
};

/**
 * The `LockService` global (developers.google.com/apps-script/reference/lock/lock-service): the
 * script lock (key `script`), the user lock of the active user (key `user:<email>`, the effective
 * user where the active one is unknown), and no document lock (null) for a Workspace add-on.
 */
export function createLockService(exec: Execution): EmulatedLockService {
  const lock = (key: string) => new FakeLock(exec, key) as unknown as GoogleAppsScript.Lock.Lock;
  return {
    getScriptLock: () => exec.call('LockService.getScriptLock', () => lock(SCRIPT_LOCK)),
    getUserLock: () =>
      exec.call('LockService.getUserLock', () => lock(userLockKey(exec.activeUser || exec.effectiveUser))),
    getDocumentLock: () => exec.call('LockService.getDocumentLock', () => null),
  };
}
