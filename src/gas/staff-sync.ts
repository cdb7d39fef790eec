import { STAFF_HEADERS, columnIndex, type StaffHeader } from '../core/columns';
import type { SheetPerson, SyncPlan } from '../core/directory-roster';
import { dateOrNull } from '../core/request';
import { fromSheet, sheetSafe } from '../core/safe';
import type { Tracking } from './tracking';

/** The Staff sheet's column a directory sync marks its rows in (added after the others when missing). */
export const SOURCE_HEADER = 'Source';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Staff sheet as the directory sync reads it, in one read: each person with a row, and the columns. */
interface StaffRead {
  people: SheetPerson[];
  rowOf: Map<string, number>;
  col: Record<StaffHeader | typeof SOURCE_HEADER, number>;
  width: number;
  values: unknown[][];
}

/** yyyy-mm-dd of a sheet date cell ('' when empty). */
function day(v: unknown): string {
  const d = dateOrNull(v);
  return d ? Utilities.formatDate(d, 'Europe/London', 'yyyy-MM-dd') : '';
}

/**
 * Reads the Staff sheet for a directory sync, in one batch (Range.getValues), adding the Source
 * column after the last one when it has none. Rows without an email are left out.
 */
export function readStaffForSync(tracking: Tracking): StaffRead {
  const sheet = tracking.staffSheet();
  let values = sheet.getDataRange().getValues();
  let header = (values[0] ?? []).map((h) => String(h).trim());
  if (!header.includes(SOURCE_HEADER)) {
    const at = header.length + 1;
    if (sheet.getMaxColumns() < at) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, at).setValue(SOURCE_HEADER).setFontWeight('bold');
    header = [...header, SOURCE_HEADER];
    values = values.map((r, i) => [...r, i === 0 ? SOURCE_HEADER : '']);
  }
  const col = columnIndex('Staff', header, [...STAFF_HEADERS, SOURCE_HEADER]);
  const people: SheetPerson[] = [];
  const rowOf = new Map<string, number>();
  values.slice(1).forEach((r, i) => {
    const cell = (h: StaffHeader | typeof SOURCE_HEADER): string => fromSheet(String(r[col[h]] ?? '')).trim();
    const email = cell('Email').toLowerCase();
    if (!email || rowOf.has(email)) return;
    rowOf.set(email, i + 2);
    people.push({
      email,
      name: cell('Name'),
      role: cell('Role'),
      staffType: cell('Staff Type'),
      personalEmail: cell('Personal Email').toLowerCase(),
      leavingDate: day(r[col['Leaving Date']]),
      source: cell(SOURCE_HEADER),
    });
  });
  return { people, rowOf, col, width: header.length, values };
}

/**
 * Writes a sync's plan to the Staff sheet: each run of adjacent changed rows in one `setValues`
 * over just the columns it changes (rows between runs, and columns outside them, are not written,
 * so a business manager's own columns keep what they hold), and the new people appended in one
 * more. Call under the script lock, with the read it was planned from.
 */
export function writeStaffPlan(tracking: Tracking, read: StaffRead, plan: SyncPlan): void {
  const sheet = tracking.staffSheet();
  const cellOf: Record<keyof Omit<SheetPerson, 'email'>, StaffHeader | typeof SOURCE_HEADER> = {
    name: 'Name',
    role: 'Role',
    staffType: 'Staff Type',
    personalEmail: 'Personal Email',
    leavingDate: 'Leaving Date',
    source: SOURCE_HEADER,
  };
  const value = (k: keyof Omit<SheetPerson, 'email'>, v: string): unknown =>
    k === 'leavingDate' ? (v ? new Date(`${v}T12:00:00Z`) : '') : sheetSafe(v);
  const changes = new Map<number, Map<number, unknown>>();
  for (const u of plan.update) {
    const row = read.rowOf.get(u.email);
    if (row === undefined) continue;
    const cells = changes.get(row) ?? new Map<number, unknown>();
    for (const [k, v] of Object.entries(u.cells) as [keyof Omit<SheetPerson, 'email'>, string][])
      cells.set(read.col[cellOf[k]], value(k, v));
    changes.set(row, cells);
  }
  for (const run of runsOf([...changes.keys()])) {
    const cols = run.flatMap((r) => [...(changes.get(r) as Map<number, unknown>).keys()]);
    const from = Math.min(...cols);
    const to = Math.max(...cols);
    const block = run.map((r) => {
      const line = padded(read.values[r - 1] ?? [], read.width).slice(from, to + 1);
      for (const [c, v] of changes.get(r) as Map<number, unknown>) line[c - from] = v;
      return line;
    });
    sheet.getRange(run[0] as number, from + 1, block.length, to - from + 1).setValues(block as never);
  }
  if (plan.add.length) appendPeople(sheet, read, plan.add, cellOf, value);
}

function appendPeople(
  sheet: Sheet,
  read: StaffRead,
  people: readonly SheetPerson[],
  cellOf: Record<keyof Omit<SheetPerson, 'email'>, StaffHeader | typeof SOURCE_HEADER>,
  value: (k: keyof Omit<SheetPerson, 'email'>, v: string) => unknown,
): void {
  const lastRow = Math.max(1, ...[...read.rowOf.values()], lastFilled(read.values));
  const at = lastRow + 1;
  const needed = at + people.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const lines = people.map((p) => {
    const line: unknown[] = Array.from({ length: read.width }, () => '');
    line[read.col.Email] = sheetSafe(p.email);
    for (const k of Object.keys(cellOf) as (keyof Omit<SheetPerson, 'email'>)[])
      line[read.col[cellOf[k]]] = value(k, p[k]);
    return line;
  });
  sheet.getRange(at, 1, lines.length, read.width).setValues(lines as never);
}

/** The last row (1-based) holding anything. */
function lastFilled(values: readonly unknown[][]): number {
  for (let i = values.length - 1; i >= 0; i--)
    if ((values[i] ?? []).some((v) => String(v ?? '').trim() !== '')) return i + 1;
  return 1;
}

/** Row numbers in runs of adjacent ones, in order. */
function runsOf(rows: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

function padded(r: readonly unknown[], width: number): unknown[] {
  return Array.from({ length: width }, (_, i) => r[i] ?? '');
}
