/**
 * A deep copy of emulator state that keeps every object's class (a Drive item's document model,
 * a spreadsheet's sheets, Maps, Sets, Dates, byte arrays), so a test can take a Workspace as it
 * is and run the same action many times from there (the crash sweeps). Functions are shared, not
 * copied; `replace` maps objects to stand-ins (the clock, which Dates of the copy must read).
 */
export function deepCopy<T>(value: T, replace: Map<object, object> = new Map()): T {
  const seen = new Map<object, unknown>(replace);
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    if (v instanceof Date) return new Date(v.getTime());
    if (ArrayBuffer.isView(v)) {
      const bytes = (v as Uint8Array).slice();
      seen.set(v, bytes);
      return bytes;
    }
    if (v instanceof Map) {
      const m = new Map();
      seen.set(v, m);
      for (const [k, x] of v) m.set(copy(k), copy(x));
      return m;
    }
    if (v instanceof Set) {
      const s = new Set();
      seen.set(v, s);
      for (const x of v) s.add(copy(x));
      return s;
    }
    if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) {
      // Plain arrays (a sheet's grids hold thousands) element by element: far faster than by descriptor.
      const a: unknown[] = new Array(v.length);
      seen.set(v, a);
      for (let i = 0; i < v.length; i++) a[i] = copy(v[i]);
      return a;
    }
    const out: Record<PropertyKey, unknown> = Array.isArray(v) ? [] : Object.create(Object.getPrototypeOf(v));
    seen.set(v, out);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key) as PropertyDescriptor;
      if ('value' in d) d.value = copy(d.value);
      Object.defineProperty(out, key, d);
    }
    return out;
  };
  return copy(value) as T;
}
