import { DateTime } from 'luxon';
import { CellDate, Formula, FORMULA_VALUE, TEXT_FORMAT, instantOfSerial, serialOf, type Cell } from './cells';

/**
 * Sheets number formats (developers.google.com/sheets/api/guides/formats): how a cell's value is
 * displayed (`getDisplayValues`) and typed (`getValues`). Supported: automatic ('' or 'General'),
 * plain text '@', date/time patterns (d dd ddd dddd, m mm mmm mmmm, yy yyyy, h hh, m mm as
 * minutes next to h or s, s ss, AM/PM, quoted literals) and number patterns (0, 0.00, #,##0,
 * 0%, literal prefixes/suffixes, `positive;negative` sections).
 */

/** The automatic display of a date cell entered without / with a time (en-GB locale). */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
export const DEFAULT_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
/** What `getNumberFormats` reports for a cell with the automatic format. */
export const GENERAL_FORMAT = 'General';

type DateToken =
  | { t: 'lit'; v: string }
  | { t: 'y' | 'M' | 'd' | 'h' | 'min' | 's' | 'm'; n: number }
  | { t: 'ampm'; lower: boolean };

interface NumberSection {
  prefix: string;
  suffix: string;
  percent: boolean;
  grouping: boolean;
  minInt: number;
  minDec: number;
  maxDec: number;
}

type Compiled =
  | { kind: 'general' }
  | { kind: 'text' }
  | { kind: 'date'; tokens: DateToken[]; twelveHour: boolean }
  | { kind: 'number'; sections: NumberSection[] };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const cache = new Map<string, Compiled>();

function compile(format: string): Compiled {
  let c = cache.get(format);
  if (!c) {
    c = compileUncached(format);
    cache.set(format, c);
  }
  return c;
}

function compileUncached(format: string): Compiled {
  if (format === '' || format.toLowerCase() === 'general') return { kind: 'general' };
  if (format === TEXT_FORMAT) return { kind: 'text' };
  const bare = format.replace(/"[^"]*"|\\./g, '');
  if (/[dmyhs]/i.test(bare)) {
    const tokens = dateTokens(format);
    return { kind: 'date', tokens, twelveHour: tokens.some((x) => x.t === 'ampm') };
  }
  return { kind: 'number', sections: splitSections(format).map(numberSection) };
}

function dateTokens(format: string): DateToken[] {
  const out: DateToken[] = [];
  for (let i = 0; i < format.length;) {
    const ch = format[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out.push({ t: 'lit', v: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      out.push({ t: 'lit', v: format[i + 1] ?? '' });
      i += 2;
    } else if (format.slice(i, i + 5).toLowerCase() === 'am/pm') {
      out.push({ t: 'ampm', lower: ch === 'a' });
      i += 5;
    } else if ('dmyhs'.includes(lower)) {
      let n = 1;
      while (format[i + n]?.toLowerCase() === lower) n++;
      const t = lower === 'y' ? 'y' : lower === 'd' ? 'd' : lower === 'h' ? 'h' : lower === 's' ? 's' : 'm';
      out.push({ t, n });
      i += n;
    } else {
      out.push({ t: 'lit', v: ch });
      i += 1;
    }
  }
  const fields = out.filter((x) => x.t !== 'lit');
  return out.map((x) => {
    if (x.t !== 'm') return x;
    const k = fields.indexOf(x);
    const prev = fields[k - 1];
    const next = fields[k + 1];
    const minute = x.n <= 2 && (prev?.t === 'h' || next?.t === 's');
    return { t: minute ? 'min' : 'M', n: x.n };
  });
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function numberSection(section: string): NumberSection {
  const s: NumberSection = {
    prefix: '',
    suffix: '',
    percent: false,
    grouping: false,
    minInt: 0,
    minDec: 0,
    maxDec: 0,
  };
  let digits = false;
  let decimals = false;
  let done = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    let lit: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit = section.slice(i + 1, stop);
      i = stop;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i += 1;
    } else if ((ch === '0' || ch === '#' || ch === ',') && !done) {
      digits = true;
      if (!decimals) {
        if (ch === ',') s.grouping = true;
        if (ch === '0') s.minInt += 1;
      } else if (ch !== ',') {
        s.maxDec += 1;
        if (ch === '0') s.minDec += 1;
      }
    } else if (ch === '.' && !decimals && !done) {
      digits = true;
      decimals = true;
    } else {
      if (ch === '%') s.percent = true;
      lit = ch;
    }
    if (lit === undefined) continue;
    if (digits) {
      done = true;
      s.suffix += lit;
    } else s.prefix += lit;
  }
  return s;
}

function formatNumber(n: number, sections: NumberSection[]): string {
  const negSection = n < 0 ? sections[1] : undefined;
  const zeroSection = n === 0 ? sections[2] : undefined;
  const sec = negSection ?? zeroSection ?? sections[0]!;
  const v = Math.abs(sec.percent ? n * 100 : n);
  let digits = v.toFixed(sec.maxDec);
  if (sec.maxDec > sec.minDec) {
    const [i, f = ''] = digits.split('.');
    let frac = f;
    while (frac.length > sec.minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
    digits = frac ? `${i}.${frac}` : `${i}`;
  }
  const [whole = '', fracPart] = digits.split('.');
  let intPart = (whole === '0' && sec.minInt === 0 ? '' : whole).padStart(sec.minInt, '0');
  if (sec.grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fracPart !== undefined ? `${intPart}.${fracPart}` : intPart;
  const sign = n < 0 && !negSection && /[1-9]/.test(body) ? '-' : '';
  return `${sign}${sec.prefix}${body}${sec.suffix}`;
}

/** A number as Sheets' automatic format shows it (up to 10 significant digits). */
function generalNumber(n: number): string {
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  if (abs >= 1e15 || (abs < 1e-6 && n !== 0)) {
    const [mant = '', exp = ''] = n.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

function partsOf(dt: DateTime): WallParts {
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
  };
}

function formatDate(p: WallParts, tokens: DateToken[], twelveHour: boolean): string {
  const pad = (v: number, n: number): string => (n >= 2 ? String(v).padStart(2, '0') : String(v));
  let out = '';
  for (const x of tokens) {
    switch (x.t) {
      case 'lit':
        out += x.v;
        break;
      case 'y':
        out += x.n <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
        break;
      case 'M':
        out +=
          x.n >= 4 ? MONTHS[p.month - 1] : x.n === 3 ? MONTHS[p.month - 1]!.slice(0, 3) : pad(p.month, x.n);
        break;
      case 'd':
        out +=
          x.n >= 4
            ? WEEKDAYS[p.weekday - 1]
            : x.n === 3
              ? WEEKDAYS[p.weekday - 1]!.slice(0, 3)
              : pad(p.day, x.n);
        break;
      case 'h':
        out += pad(twelveHour ? ((p.hour + 11) % 12) + 1 : p.hour, x.n);
        break;
      case 'min':
      case 'm':
        out += pad(p.minute, x.n);
        break;
      case 's':
        out += pad(p.second, x.n);
        break;
      case 'ampm': {
        const v = p.hour < 12 ? 'AM' : 'PM';
        out += x.lower ? v.toLowerCase() : v;
        break;
      }
    }
  }
  return out;
}

/**
 * The number format `getNumberFormats` reports
 * (developers.google.com/apps-script/reference/spreadsheet/range#getnumberformats): the cell's own, else the
 * automatic one.
 */
export function effectiveFormat(cell: Cell, format: string): string {
  if (format) return format;
  if (cell instanceof CellDate) return cell.withTime ? DEFAULT_DATETIME_FORMAT : DEFAULT_DATE_FORMAT;
  return GENERAL_FORMAT;
}

/**
 * The cell as `getDisplayValues` shows it
 * (developers.google.com/apps-script/reference/spreadsheet/range#getdisplayvalues) under `format`, dates in
 * `timeZone`.
 */
export function displayOf(cell: Cell, format: string, timeZone: string): string {
  if (cell === '' || typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Formula) return FORMULA_VALUE;
  const c = compile(cell instanceof CellDate ? effectiveFormat(cell, format) : format);
  if (cell instanceof CellDate) {
    if (c.kind === 'number') return formatNumber(serialOf(cell.ms, timeZone), c.sections);
    const f = c.kind === 'date' ? c : compile(effectiveFormat(cell, ''));
    if (f.kind !== 'date') return generalNumber(serialOf(cell.ms, timeZone));
    return formatDate(partsOf(DateTime.fromMillis(cell.ms, { zone: timeZone })), f.tokens, f.twelveHour);
  }
  if (c.kind === 'number') return formatNumber(cell, c.sections);
  if (c.kind === 'date') {
    const wall = DateTime.fromMillis(instantOfSerial(cell, 'utc'), { zone: 'utc' });
    return formatDate(partsOf(wall), c.tokens, c.twelveHour);
  }
  return generalNumber(cell);
}

/**
 * The cell as `getValues` gives it: '' for empty, strings, numbers, booleans, a `Date` (made by
 * `makeDate`) for a date cell or a number under a date format, the serial number of a date under
 * a number format, and '#ERROR!' for a formula (the emulator does not evaluate formulas).
 * See developers.google.com/apps-script/reference/spreadsheet/range#getvalues.
 */
export function valueOf(
  cell: Cell,
  format: string,
  timeZone: string,
  makeDate: (ms: number) => Date,
): unknown {
  if (cell instanceof Formula) return FORMULA_VALUE;
  if (cell instanceof CellDate) {
    return format && compile(format).kind === 'number' ? serialOf(cell.ms, timeZone) : makeDate(cell.ms);
  }
  if (typeof cell === 'number' && format && compile(format).kind === 'date') {
    return makeDate(instantOfSerial(cell, timeZone));
  }
  return cell;
}
