import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** A time zone as Java's `TimeZone.getTimeZone` resolves it, with Java's name for fixed offsets. */
interface ResolvedZone {
  zone: Zone;
  /** Java's display name for a custom `GMT+hh:mm` zone or the GMT fallback; undefined for IANA zones. */
  fixedName?: string;
}

/** Zones already resolved, by ID: resolving asks Intl, which is slow, and the answer never changes. */
const RESOLVED = new Map<string, ResolvedZone>();

/**
 * Resolves a time zone ID as Java does: IANA IDs, custom `GMT+h[:mm]` IDs, and GMT for anything
 * it does not recognise.
 */
function resolveZone(id: string): ResolvedZone {
  let resolved = RESOLVED.get(id);
  if (!resolved) {
    resolved = resolveZoneId(id);
    RESOLVED.set(id, resolved);
  }
  return resolved;
}

function resolveZoneId(id: string): ResolvedZone {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? 0);
    const sign = custom[1] === '-' ? -1 : 1;
    return {
      zone: FixedOffsetZone.instance(sign * (hours * 60 + minutes)),
      fixedName: `GMT${custom[1]}${pad(hours, 2)}:${pad(minutes, 2)}`,
    };
  }
  if (IANAZone.isValidZone(id)) return { zone: IANAZone.create(id) };
  return { zone: FixedOffsetZone.utcInstance, fixedName: 'GMT' };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** `+hh:mm`-style offset parts of `minutes`. */
function offsetParts(minutes: number): { sign: string; hh: string; mm: string } {
  const abs = Math.abs(minutes);
  return { sign: minutes < 0 ? '-' : '+', hh: pad(Math.floor(abs / 60), 2), mm: pad(abs % 60, 2) };
}

/** Java's short zone name (GMT, BST, PST, CET...), taken from the locale that knows one. */
function shortZoneName(dt: DateTime, resolved: ResolvedZone): string {
  if (resolved.fixedName) return resolved.fixedName;
  for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN']) {
    const name = dt.setLocale(locale).offsetNameShort;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  const { sign, hh, mm } = offsetParts(dt.offset);
  return `GMT${sign}${hh}:${mm}`;
}

/**
 * Java's week fields for Locale.US (weeks start on Sunday; week 1 is the one holding 1 January):
 * the week of the year and the year that week belongs to.
 */
function usWeek(dt: DateTime): { week: number; weekYear: number } {
  const sundayIndex = dt.weekday % 7;
  const weekEnd = dt.plus({ days: 6 - sundayIndex });
  if (weekEnd.year > dt.year) return { week: 1, weekYear: dt.year + 1 };
  const jan1 = dt.startOf('year');
  return { week: Math.floor((dt.ordinal - 1 + (jan1.weekday % 7)) / 7) + 1, weekYear: dt.year };
}

/** One pattern letter repeated `n` times, formatted as `SimpleDateFormat` does in Locale.US. */
function field(
  dt: DateTime,
  resolved: ResolvedZone,
  letter: string,
  n: number,
  fail: (m: string) => Error,
): string {
  const en = dt.setLocale('en-US');
  switch (letter) {
    case 'G':
      return dt.year > 0 ? 'AD' : 'BC';
    case 'y':
      return n === 2 ? pad(dt.year % 100, 2) : pad(dt.year, n);
    case 'Y': {
      const { weekYear } = usWeek(dt);
      return n === 2 ? pad(weekYear % 100, 2) : pad(weekYear, n);
    }
    case 'M':
    case 'L':
      if (n >= 4) return en.toFormat('LLLL');
      return n === 3 ? en.toFormat('LLL') : pad(dt.month, n);
    case 'w':
      return pad(usWeek(dt).week, n);
    case 'W':
      return pad(Math.floor((dt.day - 1 + (dt.startOf('month').weekday % 7)) / 7) + 1, n);
    case 'D':
      return pad(dt.ordinal, n);
    case 'd':
      return pad(dt.day, n);
    case 'F':
      return pad(Math.floor((dt.day - 1) / 7) + 1, n);
    case 'E':
      return en.toFormat(n >= 4 ? 'cccc' : 'ccc');
    case 'u':
      return pad(dt.weekday, n);
    case 'a':
      return dt.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(dt.hour, n);
    case 'k':
      return pad(dt.hour || 24, n);
    case 'K':
      return pad(dt.hour % 12, n);
    case 'h':
      return pad(dt.hour % 12 || 12, n);
    case 'm':
      return pad(dt.minute, n);
    case 's':
      return pad(dt.second, n);
    case 'S':
      return pad(dt.millisecond, n);
    case 'z':
      if (n < 4) return shortZoneName(dt, resolved);
      return resolved.fixedName === 'GMT'
        ? 'Greenwich Mean Time'
        : (resolved.fixedName ?? en.offsetNameLong ?? '');
    case 'Z': {
      const { sign, hh, mm } = offsetParts(dt.offset);
      return `${sign}${hh}${mm}`;
    }
    case 'X': {
      if (n > 3) throw fail(`invalid ISO 8601 format: length=${n}`);
      if (dt.offset === 0) return 'Z';
      const { sign, hh, mm } = offsetParts(dt.offset);
      return n === 1 ? `${sign}${hh}` : n === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
    }
    default:
      throw fail(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats the instant `ms` in `timeZone` with a Java `SimpleDateFormat` pattern in Locale.US:
 * letters G y Y M L w W D d F E u a H k K h m s S z Z X, text in single quotes, `''` for a quote.
 * An unknown letter or an unterminated quote throws `fail(...)` with Java's message.
 */
export function formatSimpleDate(
  ms: number,
  timeZone: string,
  pattern: string,
  fail: (m: string) => Error,
): string {
  const resolved = resolveZone(timeZone);
  const dt = DateTime.fromMillis(ms, { zone: resolved.zone });
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw fail('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          out += "'";
          j += 2;
        } else {
          out += pattern[j];
          j += 1;
        }
      }
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n += 1;
      out += field(dt, resolved, c, n, fail);
      i += n;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
