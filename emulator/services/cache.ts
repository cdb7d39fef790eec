import type { Execution } from '../core/execution';
import type { CacheEntry } from '../core/workspace';

/** Limits from developers.google.com/apps-script/reference/cache/cache. */
export const CACHE_LIMITS = {
  /** Longest key, in characters. */
  keyChars: 250,
  /** Largest value, in bytes (UTF-8). */
  valueBytes: 100 * 1024,
  /** Expiration when none is given, in seconds. */
  defaultSeconds: 600,
  /** Longest an entry stays, in seconds (6 hours). */
  maxSeconds: 21600,
  /** Entries a cache keeps; the oldest are evicted past it. */
  maxEntries: 1000,
} as const;

const utf8 = new TextEncoder();

type CacheMethods = 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll';

/**
 * One cache (developers.google.com/apps-script/reference/cache/cache). Entries expire by the
 * emulated clock: `get` gives null once `expirationInSeconds` (default 600, at most 21600, at
 * least 1) have passed. A key over 250 characters throws "Argument too large: key"; a value over
 * 100 KB "Argument too large: value". Past 1,000 entries the oldest are evicted.
 */
export class FakeCache implements Pick<GoogleAppsScript.Cache.Cache, CacheMethods> {
  constructor(
    private readonly exec: Execution,
    private readonly store: Map<string, CacheEntry>,
  ) {}

  get(key: string): string | null {
    return this.exec.call('Cache.get', () => this.read(String(key)));
  }

  getAll(keys: string[]): { [key: string]: string } {
    return this.exec.call('Cache.getAll', () => {
      const out: { [key: string]: string } = {};
      for (const key of Array.from(keys, String)) {
        const value = this.read(key);
        if (value !== null) out[key] = value;
      }
      return out;
    });
  }

  put(key: string, value: string, expirationInSeconds?: GoogleAppsScript.Integer): void {
    this.exec.call('Cache.put', () => this.write({ [String(key)]: value }, expirationInSeconds));
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: GoogleAppsScript.Integer): void {
    this.exec.call('Cache.putAll', () => this.write(values, expirationInSeconds));
  }

  remove(key: string): void {
    this.exec.call('Cache.remove', () => this.store.delete(String(key)));
  }

  removeAll(keys: string[]): void {
    this.exec.call('Cache.removeAll', () => {
      for (const key of Array.from(keys, String)) this.store.delete(key);
    });
  }

  private read(key: string): string | null {
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.exec.ws.clock.now()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(values: { [key: string]: unknown }, seconds: number | undefined): void {
    const entries = Object.entries(values).map(([key, raw]) => [key, String(raw)] as const);
    for (const [key, value] of entries) {
      if (key.length > CACHE_LIMITS.keyChars) throw this.exec.error('Argument too large: key');
      if (utf8.encode(value).length > CACHE_LIMITS.valueBytes)
        throw this.exec.error('Argument too large: value');
    }
    const ttl = Math.min(
      Math.max(Math.floor(seconds ?? CACHE_LIMITS.defaultSeconds), 1),
      CACHE_LIMITS.maxSeconds,
    );
    const expiresAt = this.exec.ws.clock.now() + ttl * 1000;
    for (const [key, value] of entries) {
      this.store.delete(key);
      this.store.set(key, { value, expiresAt });
    }
    for (const key of this.store.keys()) {
      if (this.store.size <= CACHE_LIMITS.maxEntries) break;
      this.store.delete(key);
    }
  }
}

/** CacheService as the emulator offers it: the document cache is null for a Workspace add-on. */
export type EmulatedCacheService = Pick<
  GoogleAppsScript.Cache.CacheService,
  'getScriptCache' | 'getUserCache'
> & {
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null;
};

/**
 * The `CacheService` global (developers.google.com/apps-script/reference/cache/cache-service):
 * a script cache shared by all users, a user cache per active user (the effective user where the
 * active one is unknown), and no document cache (null) for a Workspace add-on.
 */
export function createCacheService(exec: Execution): EmulatedCacheService {
  const ws = exec.ws;
  return {
    getScriptCache: () =>
      exec.call('CacheService.getScriptCache', () => {
        return new FakeCache(exec, ws.scriptCache) as unknown as GoogleAppsScript.Cache.Cache;
      }),
    getUserCache: () =>
      exec.call('CacheService.getUserCache', () => {
        const user = (exec.activeUser || exec.effectiveUser).toLowerCase();
        let store = ws.userCache.get(user);
        if (!store) {
          store = new Map();
          ws.userCache.set(user, store);
        }
        return new FakeCache(exec, store) as unknown as GoogleAppsScript.Cache.Cache;
      }),
    getDocumentCache: () => exec.call('CacheService.getDocumentCache', () => null),
  };
}
