import { DateTime } from 'luxon';

/**
 * A date cell: the instant (ms since the epoch) and whether it was entered with a time of day
 * (which decides its automatic display, `dd/mm/yyyy` or `dd/mm/yyyy hh:mm:ss`).
 */
export class CellDate {
  constructor(
    readonly ms: number,
    readonly withTime: boolean,
  ) {}
}

/** A formula cell (`=...`). The emulator keeps its text but never evaluates it. */
export class Formula {
  constructor(readonly text: string) {}
}

/** One stored cell: `''` when empty. */
export type Cell = string | number | boolean | CellDate | Formula;

/** What `getValues` gives for a formula cell: the emulator does not evaluate formulas. */
export const FORMULA_VALUE = '#ERROR!';

/** The plain-text number format: values written into such cells are kept as text. */
export const TEXT_FORMAT = '@';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const GB_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_MS = 86_400_000;
/** Days from Sheets' epoch (30 December 1899) to the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25569;

/** True for a `Date` from any realm (the add-on's vm context or Node). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Converts a value written by `setValue`/`setValues`/`appendRow` into a cell, as Sheets does
 * for user-entered values: unless the cell is plain text ('@'), a numeric string becomes a
 * number, TRUE/FALSE a boolean, `yyyy-mm-dd[ hh:mm[:ss]]` and `dd/mm/yyyy[ hh:mm[:ss]]` a date
 * in the spreadsheet time zone, `=...` a formula, and a leading apostrophe forces (and is
 * dropped from) text (developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue).
 */
export function toCell(value: unknown, format: string, timeZone: string): Cell {
  if (value === null || value === undefined) return '';
  const text = format === TEXT_FORMAT;
  if (typeof value === 'number') return text || !Number.isFinite(value) ? String(value) : value;
  if (typeof value === 'boolean') return text ? String(value).toUpperCase() : value;
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? '' : new CellDate(ms, true);
  }
  const s = String(value);
  if (text || s === '') return s;
  if (s.startsWith("'")) return s.slice(1);
  if (s.startsWith('=') && s.length > 1) return new Formula(s);
  const t = s.trim();
  if (NUMBER.test(t)) return Number(t);
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return parseDate(t, timeZone) ?? s;
}

function parseDate(t: string, timeZone: string): CellDate | undefined {
  const iso = ISO_DATE.exec(t);
  const gb = iso ? undefined : GB_DATE.exec(t);
  const m = iso ?? gb;
  if (!m) return undefined;
  const [y, mo, d] = iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  const dt = DateTime.fromObject(parts, { zone: timeZone });
  if (!dt.isValid || dt.day !== parts.day || dt.month !== parts.month) return undefined;
  return new CellDate(dt.toMillis(), m[4] !== undefined);
}

/** The Sheets serial number (days since 30 Dec 1899, wall clock of `timeZone`) of an instant. */
export function serialOf(ms: number, timeZone: string): number {
  const offsetMin = DateTime.fromMillis(ms, { zone: timeZone }).offset;
  return (ms + offsetMin * 60_000) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** The instant a Sheets serial number stands for, read as wall clock in `timeZone`. */
export function instantOfSerial(serial: number, timeZone: string): number {
  const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
  return DateTime.fromMillis(wall, { zone: 'utc' }).setZone(timeZone, { keepLocalTime: true }).toMillis();
}
