import type { Rect } from './model';

/** Column letters for a 1-based column number (1 -> A, 27 -> AA). */
function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A1 notation of a rectangle as `Range.getA1Notation()` gives it
 * (developers.google.com/apps-script/reference/spreadsheet/range#geta1notation): `B2` for one cell, `A1:C3`
 * otherwise.
 */
export function a1Of(r: Rect): string {
  const start = `${columnLetters(r.column)}${r.row}`;
  if (r.numRows === 1 && r.numColumns === 1) return start;
  return `${start}:${columnLetters(r.column + r.numColumns - 1)}${r.row + r.numRows - 1}`;
}

const PART = /^\$?([A-Z]*)\$?(\d*)$/;

/**
 * Parses A1 notation as `Sheet.getRange(a1Notation)` accepts it: `B2`, `A1:C3`, whole columns
 * `A:C`, whole rows `2:5`, open-ended `A2:C` (to the last row). Returns undefined when invalid
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#getrangea1notation).
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): Rect | undefined {
  const halves = String(a1).trim().toUpperCase().split(':');
  if (halves.length > 2) return undefined;
  const a = PART.exec(halves[0] ?? '');
  const b = halves.length === 2 ? PART.exec(halves[1] ?? '') : a;
  if (!a || !b) return undefined;
  const kind = (m: RegExpExecArray): string => (m[1] && m[2] ? 'cell' : m[1] ? 'col' : m[2] ? 'row' : 'none');
  const shape = `${kind(a)}-${kind(b)}`;
  if (halves.length === 1 && shape !== 'cell-cell') return undefined;
  if (!['cell-cell', 'col-col', 'row-row', 'cell-col'].includes(shape)) return undefined;
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  if (Math.min(r1, r2, c1, c2) < 1) return undefined;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}
