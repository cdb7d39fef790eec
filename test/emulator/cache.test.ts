import { CACHE_LIMITS, createCacheService } from '../../emulator/services/cache';
import { DOMAIN, newExec, newWorkspace } from './support';

const TEACHER = `teacher@${DOMAIN}`;

describe('CacheService', () => {
  it('get gives null for a missing key and the stored string otherwise', () => {
    const cache = createCacheService(newExec(newWorkspace())).getScriptCache();
    expect(cache.get('k')).toBeNull();
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
  });

  it('an entry expires after the default 600 seconds of emulated clock', () => {
    const ws = newWorkspace();
    const cache = createCacheService(newExec(ws)).getScriptCache();
    cache.put('k', 'v');
    const putAt = ws.clock.now();
    ws.clock.advanceTo(putAt + 599_000);
    expect(cache.get('k')).toBe('v');
    ws.clock.advanceTo(putAt + 600_000);
    expect(cache.get('k')).toBeNull();
    expect(ws.scriptCache.has('k')).toBe(false);
  });

  it('expirationInSeconds sets the lifetime and is capped at 21600 seconds', () => {
    const ws = newWorkspace();
    const cache = createCacheService(newExec(ws)).getScriptCache();
    cache.put('short', 'v', 5);
    cache.put('long', 'v', 100_000);
    const putAt = ws.clock.now();
    ws.clock.advanceTo(putAt + 5_000);
    expect(cache.get('short')).toBeNull();
    ws.clock.advanceTo(putAt + CACHE_LIMITS.maxSeconds * 1000 - 1000);
    expect(cache.get('long')).toBe('v');
    ws.clock.advanceTo(putAt + CACHE_LIMITS.maxSeconds * 1000);
    expect(cache.get('long')).toBeNull();
  });

  it('getAll returns only the keys found; putAll, remove and removeAll change several entries', () => {
    const cache = createCacheService(newExec(newWorkspace())).getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    expect(cache.get('a')).toBeNull();
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('a key over 250 characters throws "Argument too large: key"', () => {
    const cache = createCacheService(newExec(newWorkspace())).getScriptCache();
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow(new Error('Argument too large: key'));
  });

  it('a value over 100 KB throws "Argument too large: value" and putAll stores none of its entries', () => {
    const cache = createCacheService(newExec(newWorkspace())).getScriptCache();
    cache.put('max', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow(
      new Error('Argument too large: value'),
    );
    expect(() => cache.putAll({ ok: 'v', big: 'x'.repeat(100 * 1024 + 1) })).toThrow(
      new Error('Argument too large: value'),
    );
    expect(cache.getAll(['max', 'big', 'ok'])).toEqual({ max: 'x'.repeat(100 * 1024) });
  });

  it('past 1,000 entries the oldest are evicted', () => {
    const cache = createCacheService(newExec(newWorkspace())).getScriptCache();
    const values: Record<string, string> = {};
    for (let i = 0; i <= CACHE_LIMITS.maxEntries; i++) values[`k${i}`] = String(i);
    cache.putAll(values);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1')).toBe('1');
    expect(cache.get(`k${CACHE_LIMITS.maxEntries}`)).toBe(String(CACHE_LIMITS.maxEntries));
  });

  it('the user cache belongs to each user; the script cache is shared; the document cache is null', () => {
    const ws = newWorkspace();
    const bm = createCacheService(newExec(ws));
    const teacher = createCacheService(newExec(ws, TEACHER));
    bm.getUserCache().put('k', 'bm');
    bm.getScriptCache().put('s', 'shared');
    expect(teacher.getUserCache().get('k')).toBeNull();
    expect(teacher.getScriptCache().get('s')).toBe('shared');
    expect(bm.getDocumentCache()).toBeNull();
  });

  it('calls are counted as Cache.get and Cache.put', () => {
    const ws = newWorkspace();
    const cache = createCacheService(newExec(ws)).getScriptCache();
    cache.put('k', 'v');
    cache.get('k');
    expect(ws.accounting.total('Cache.put')).toBe(1);
    expect(ws.accounting.total('Cache.get')).toBe(1);
  });
});
