import { EXCEEDED_MESSAGE } from '../../emulator/core/execution';
import {
  createLockService,
  holdLockFor,
  LOCK_TIMEOUT_MESSAGE,
  releaseAllLocks,
  SCRIPT_LOCK,
  userLockKey,
} from '../../emulator/services/lock';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

describe('LockService', () => {
  it('tryLock takes a free lock, hasLock reports it and releaseLock frees it', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const lock = createLockService(exec).getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(ws.locks.get(SCRIPT_LOCK)?.holder).toBe(exec);
    expect(exec.heldLocks.has(SCRIPT_LOCK)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(ws.locks.size).toBe(0);
    expect(exec.heldLocks.size).toBe(0);
  });

  it('tryLock returns false when another execution holds the lock, after waiting its timeout', () => {
    const ws = newWorkspace();
    holdLockFor(ws, SCRIPT_LOCK, {});
    const exec = newExec(ws);
    const lock = createLockService(exec).getScriptLock();
    const before = exec.elapsedMs;
    expect(lock.tryLock(5000)).toBe(false);
    expect(exec.elapsedMs - before).toBeGreaterThanOrEqual(5000);
    expect(lock.hasLock()).toBe(false);
  });

  it("waitLock throws Apps Script's timeout message after spending the timeout in modelled time", () => {
    const ws = newWorkspace();
    const other = newExec(ws, TEACHER);
    createLockService(other).getScriptLock().waitLock(1000);
    const exec = newExec(ws);
    const lock = createLockService(exec).getScriptLock();
    const clockBefore = ws.clock.now();
    const elapsedBefore = exec.elapsedMs;
    expect(() => lock.waitLock(10_000)).toThrow(new Error(LOCK_TIMEOUT_MESSAGE));
    expect(exec.elapsedMs - elapsedBefore).toBe(10_000 + 20);
    expect(ws.clock.now() - clockBefore).toBe(10_000 + 20);
    expect(ws.locks.get(SCRIPT_LOCK)?.holder).toBe(other);
  });

  it('waitLock longer than a card callback may run ends the execution with the time-limit error', () => {
    const ws = newWorkspace();
    holdLockFor(ws, SCRIPT_LOCK, {});
    const lock = createLockService(newExec(ws, BM, 'card')).getScriptLock();
    expect(() => lock.waitLock(60_000)).toThrow(new Error(EXCEEDED_MESSAGE));
  });

  it('an execution may take again a lock it already holds', () => {
    const ws = newWorkspace();
    const service = createLockService(newExec(ws));
    service.getScriptLock().waitLock(1000);
    const again = service.getScriptLock();
    expect(again.tryLock(0)).toBe(true);
    expect(again.hasLock()).toBe(true);
  });

  it("releaseAllLocks frees every lock the execution holds and leaves other executions' locks", () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const service = createLockService(exec);
    service.getScriptLock().waitLock(1000);
    service.getUserLock().waitLock(1000);
    const other = {};
    holdLockFor(ws, userLockKey(TEACHER), other);
    releaseAllLocks(exec);
    expect([...ws.locks.keys()]).toEqual([userLockKey(TEACHER)]);
    expect(exec.heldLocks.size).toBe(0);
    expect(createLockService(newExec(ws)).getScriptLock().tryLock(0)).toBe(true);
  });

  it("a user lock is per user: one user's lock does not block another", () => {
    const ws = newWorkspace();
    createLockService(newExec(ws, TEACHER)).getUserLock().waitLock(1000);
    expect(ws.locks.has(`user:${TEACHER}`)).toBe(true);
    expect(createLockService(newExec(ws)).getUserLock().tryLock(0)).toBe(true);
    expect(createLockService(newExec(ws, TEACHER)).getUserLock().tryLock(0)).toBe(false);
  });

  it('releaseLock on a lock held by someone else changes nothing', () => {
    const ws = newWorkspace();
    const other = {};
    holdLockFor(ws, SCRIPT_LOCK, other);
    createLockService(newExec(ws)).getScriptLock().releaseLock();
    expect(ws.locks.get(SCRIPT_LOCK)?.holder).toBe(other);
  });

  it('getDocumentLock is null in a Workspace add-on', () => {
    expect(createLockService(newExec(newWorkspace())).getDocumentLock()).toBeNull();
  });
});
