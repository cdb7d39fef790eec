import { FakeDataValidation } from './validation';
import { a1Of } from './a1';
import { CELL_MS } from '../../core/latency';
import { Formula, toCell } from './cells';
import type { SheetsContext } from './context';
import { FakeFilter } from './filter';
import { displayOf, effectiveFormat, valueOf } from './format';
import type { Grid, Rect, SheetModel, StyleKey } from './model';
import { FakeSheet } from './sheet';

type RangeMethods =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormats'
  | 'setDataValidation'
  | 'getDataValidation'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackgrounds'
  | 'setFontWeight'
  | 'setFontColor'
  | 'setWrap'
  | 'createFilter'
  | 'clearContent'
  | 'offset';

const COLOR_NAMES: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/**
 * A CSS colour as `getBackgrounds` reports it
 * (developers.google.com/apps-script/reference/spreadsheet/range#getbackgrounds): lower-case `#rrggbb`.
 */
export function normalizeColor(color: string): string {
  const c = String(color).trim().toLowerCase();
  const named = COLOR_NAMES[c];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

/**
 * Checks a range's coordinates as `Sheet.getRange` does and returns it. Throws Apps Script's
 * "The starting row of the range is too small." (and column), "The number of rows in the range
 * must be at least 1." (and columns) and "The coordinates of the range are outside the
 * dimensions of the sheet."
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns).
 */
export function rangeAt(ctx: SheetsContext, sheet: SheetModel, r: Rect): FakeRange {
  const err = (m: string): Error => ctx.exec.error(m);
  if (!(r.row >= 1)) throw err('The starting row of the range is too small.');
  if (!(r.column >= 1)) throw err('The starting column of the range is too small.');
  if (!(r.numRows >= 1)) throw err('The number of rows in the range must be at least 1.');
  if (!(r.numColumns >= 1)) throw err('The number of columns in the range must be at least 1.');
  if (r.row + r.numRows - 1 > sheet.maxRows || r.column + r.numColumns - 1 > sheet.maxColumns) {
    throw err('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(ctx, sheet, { ...r });
}

/**
 * Throws `setValues`' dimension-mismatch message
 * (developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues) unless `data` is `numRows`
 * x `numColumns`.
 */
export function checkShape(
  ctx: SheetsContext,
  data: unknown,
  numRows: number,
  numColumns: number,
): unknown[][] {
  const rows = Array.isArray(data) ? (data as unknown[]) : [];
  if (rows.length !== numRows) {
    throw ctx.exec.error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    const n = Array.isArray(row) ? row.length : 0;
    if (n !== numColumns) {
      throw ctx.exec.error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${numColumns}.`,
      );
    }
  }
  return rows as unknown[][];
}

/**
 * Writes add-on values into `sheet` at 0-based (r0, c0), converting each as `setValues` does
 * (developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues).
 */
export function writeCells(
  ctx: SheetsContext,
  sheet: SheetModel,
  r0: number,
  c0: number,
  data: unknown[][],
): void {
  const tz = ctx.content.timeZone;
  const formats = sheet.styles.numberFormat;
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!;
    for (let j = 0; j < row.length; j++) {
      sheet.values.set(r0 + i, c0 + j, toCell(row[j], formats.get(r0 + i, c0 + j), tz));
    }
  }
}

/**
 * A block of cells (developers.google.com/apps-script/reference/spreadsheet/range). Rows and
 * columns are 1-based. `getValues` gives a fresh 2-D array (one counted call whatever its size):
 * '' for empty cells, numbers, booleans, `Date`s for date cells, and '#ERROR!' for formulas,
 * which the emulator stores (`getFormulas`) but never evaluates. Writes need edit access and,
 * on a protected sheet, to be the owner or a protection editor.
 */
export class FakeRange implements Pick<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
    private readonly rect: Rect,
  ) {}

  private call<T>(method: string, body: () => T, extraMs = 0): T {
    return this.ctx.exec.call(`Range.${method}`, body, extraMs);
  }

  /** The modelled time a read or write of every cell of this range adds (latency.ts, CELL_MS). */
  private get cellsMs(): number {
    return Math.round(this.rect.numRows * this.rect.numColumns * CELL_MS);
  }

  private map<T>(read: (r: number, c: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const out: T[][] = [];
    for (let i = row - 1; i < row - 1 + numRows; i++) {
      const line: T[] = new Array<T>(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = read(i, column - 1 + j);
      out.push(line);
    }
    return out;
  }

  private read<T>(method: string, read: (r: number, c: number) => T): T[][] {
    return this.call(
      method,
      () => {
        this.ctx.checkView();
        return this.map(read);
      },
      this.cellsMs,
    );
  }

  private write(method: string, body: () => void): GoogleAppsScript.Spreadsheet.Range {
    return this.call(method, () => {
      this.ctx.checkSheetEdit(this.sheet);
      body();
      return this as unknown as GoogleAppsScript.Spreadsheet.Range;
    });
  }

  private fillStyle(method: string, key: StyleKey, value: string): GoogleAppsScript.Spreadsheet.Range {
    const { row, column, numRows, numColumns } = this.rect;
    return this.write(method, () =>
      this.sheet.styles[key].fill(row - 1, column - 1, numRows, numColumns, value),
    );
  }

  private setStyles(method: string, key: StyleKey, data: unknown, norm: (v: unknown) => string) {
    return this.call(method, () => {
      const rows = checkShape(this.ctx, data, this.rect.numRows, this.rect.numColumns);
      this.ctx.checkSheetEdit(this.sheet);
      const grid: Grid<string> = this.sheet.styles[key];
      rows.forEach((line, i) =>
        line.forEach((v, j) => grid.set(this.rect.row - 1 + i, this.rect.column - 1 + j, norm(v))),
      );
      return this as unknown as GoogleAppsScript.Spreadsheet.Range;
    });
  }

  getValues(): unknown[][] {
    const { values, styles } = this.sheet;
    const tz = this.ctx.content.timeZone;
    const mk = (ms: number): Date => this.ctx.date(ms);
    return this.read('getValues', (r, c) => valueOf(values.get(r, c), styles.numberFormat.get(r, c), tz, mk));
  }

  getValue(): unknown {
    return this.call('getValue', () => {
      this.ctx.checkView();
      const r = this.rect.row - 1;
      const c = this.rect.column - 1;
      const fmt = this.sheet.styles.numberFormat.get(r, c);
      return valueOf(this.sheet.values.get(r, c), fmt, this.ctx.content.timeZone, (ms) => this.ctx.date(ms));
    });
  }

  getDisplayValues(): string[][] {
    const { values, styles } = this.sheet;
    const tz = this.ctx.content.timeZone;
    return this.read('getDisplayValues', (r, c) =>
      displayOf(values.get(r, c), styles.numberFormat.get(r, c), tz),
    );
  }

  getFormulas(): string[][] {
    return this.read('getFormulas', (r, c) => {
      const v = this.sheet.values.get(r, c);
      return v instanceof Formula ? v.text : '';
    });
  }

  getNumberFormats(): string[][] {
    const { values, styles } = this.sheet;
    return this.read('getNumberFormats', (r, c) =>
      effectiveFormat(values.get(r, c), styles.numberFormat.get(r, c)),
    );
  }

  getBackgrounds(): string[][] {
    return this.read('getBackgrounds', (r, c) => this.sheet.styles.background.get(r, c) || '#ffffff');
  }

  setValues(values: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    return this.call(
      'setValues',
      () => {
        const rows = checkShape(this.ctx, values, this.rect.numRows, this.rect.numColumns);
        this.ctx.checkSheetEdit(this.sheet);
        writeCells(this.ctx, this.sheet, this.rect.row - 1, this.rect.column - 1, rows);
        return this as unknown as GoogleAppsScript.Spreadsheet.Range;
      },
      this.cellsMs,
    );
  }

  setValue(value: unknown): GoogleAppsScript.Spreadsheet.Range {
    return this.write('setValue', () => {
      const row = new Array<unknown>(this.rect.numColumns).fill(value);
      const rows = Array.from({ length: this.rect.numRows }, () => row);
      writeCells(this.ctx, this.sheet, this.rect.row - 1, this.rect.column - 1, rows);
    });
  }

  clearContent(): GoogleAppsScript.Spreadsheet.Range {
    const { row, column, numRows, numColumns } = this.rect;
    return this.write('clearContent', () =>
      this.sheet.values.fill(row - 1, column - 1, numRows, numColumns, ''),
    );
  }

  /**
   * Range.setDataValidation(rule): the rule over every cell of the range (null removes any), in
   * place of what those cells had; a rule reaching outside the range keeps its other cells. Needs
   * edit access, as any formatting. Rules apply to what people type in Sheets; a script's own
   * writes are not checked, as in Sheets.
   */
  setDataValidation(
    rule: GoogleAppsScript.Spreadsheet.DataValidation | null,
  ): GoogleAppsScript.Spreadsheet.Range {
    if (rule !== null && !(rule instanceof FakeDataValidation))
      return this.call('setDataValidation', () => {
        throw this.ctx.exec.error('Invalid argument: rule');
      });
    return this.write('setDataValidation', () => {
      const kept = this.sheet.validations.flatMap((v) =>
        subtractRect(v.rect, this.rect).map((rect) => ({ rect, spec: v.spec })),
      );
      if (rule) kept.push({ rect: { ...this.rect }, spec: { ...rule.spec, values: [...rule.spec.values] } });
      this.sheet.validations = kept;
    });
  }

  /** Range.getDataValidation(): the rule of the range's top-left cell, or null. */
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.call('getDataValidation', () => {
      this.ctx.checkView();
      const { row, column } = this.rect;
      const covering = this.sheet.validations.find(
        (v) =>
          row >= v.rect.row &&
          row < v.rect.row + v.rect.numRows &&
          column >= v.rect.column &&
          column < v.rect.column + v.rect.numColumns,
      );
      return covering
        ? (new FakeDataValidation(
            this.ctx.exec,
            covering.spec,
          ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
        : null;
    });
  }

  setNumberFormat(numberFormat: string): GoogleAppsScript.Spreadsheet.Range {
    return this.fillStyle('setNumberFormat', 'numberFormat', String(numberFormat));
  }

  setNumberFormats(numberFormats: string[][]): GoogleAppsScript.Spreadsheet.Range {
    return this.setStyles('setNumberFormats', 'numberFormat', numberFormats, (v) => String(v ?? ''));
  }

  setBackground(color: string | null): GoogleAppsScript.Spreadsheet.Range {
    return this.fillStyle('setBackground', 'background', color === null ? '' : normalizeColor(color));
  }

  setBackgrounds(color: Array<Array<string | null>>): GoogleAppsScript.Spreadsheet.Range {
    return this.setStyles('setBackgrounds', 'background', color, (v) =>
      v === null || v === undefined ? '' : normalizeColor(String(v)),
    );
  }

  setFontWeight(
    fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null,
  ): GoogleAppsScript.Spreadsheet.Range {
    return this.fillStyle('setFontWeight', 'fontWeight', fontWeight === 'bold' ? 'bold' : '');
  }

  setFontColor(color: string | null): GoogleAppsScript.Spreadsheet.Range {
    return this.fillStyle('setFontColor', 'fontColor', color === null ? '' : normalizeColor(color));
  }

  setWrap(isWrapEnabled: boolean): GoogleAppsScript.Spreadsheet.Range {
    return this.fillStyle('setWrap', 'wrap', isWrapEnabled ? 'wrap' : 'overflow');
  }

  /** Creates the sheet's filter on this range; throws if the sheet already has one. */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return this.call('createFilter', () => {
      this.ctx.checkSheetEdit(this.sheet);
      if (this.sheet.filter) {
        throw this.ctx.exec.error("You can't create a filter in a sheet that already has a filter.");
      }
      this.sheet.filter = { ...this.rect };
      return new FakeFilter(this.ctx, this.sheet) as unknown as GoogleAppsScript.Spreadsheet.Filter;
    });
  }

  /** A range shifted by the offsets, of the given size (this range's size when omitted). */
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): GoogleAppsScript.Spreadsheet.Range {
    return this.call('offset', () =>
      rangeAt(this.ctx, this.sheet, {
        row: this.rect.row + rowOffset,
        column: this.rect.column + columnOffset,
        numRows: numRows ?? this.rect.numRows,
        numColumns: numColumns ?? this.rect.numColumns,
      }),
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.call(
      'getSheet',
      () => new FakeSheet(this.ctx, this.sheet),
    ) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  getRow(): number {
    return this.call('getRow', () => this.rect.row);
  }

  getColumn(): number {
    return this.call('getColumn', () => this.rect.column);
  }

  /** The end row of the range (not of the data). */
  getLastRow(): number {
    return this.call('getLastRow', () => this.rect.row + this.rect.numRows - 1);
  }

  /** The end column of the range (not of the data). */
  getLastColumn(): number {
    return this.call('getLastColumn', () => this.rect.column + this.rect.numColumns - 1);
  }

  getNumRows(): number {
    return this.call('getNumRows', () => this.rect.numRows);
  }

  getNumColumns(): number {
    return this.call('getNumColumns', () => this.rect.numColumns);
  }

  getA1Notation(): string {
    return this.call('getA1Notation', () => a1Of(this.rect));
  }

  /** This range's sheet and coordinates (for the other fakes, not the add-on). */
  get location(): { sheet: SheetModel; rect: Rect } {
    return { sheet: this.sheet, rect: { ...this.rect } };
  }
}

/** The parts of `a` outside `b`: up to four rectangles (above, below, left, right of the overlap). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.numRows, b.row + b.numRows);
  const left = Math.max(a.column, b.column);
  const right = Math.min(a.column + a.numColumns, b.column + b.numColumns);
  if (top >= bottom || left >= right) return [{ ...a }];
  const out: Rect[] = [];
  if (a.row < top) out.push({ row: a.row, column: a.column, numRows: top - a.row, numColumns: a.numColumns });
  const aBottom = a.row + a.numRows;
  if (bottom < aBottom)
    out.push({ row: bottom, column: a.column, numRows: aBottom - bottom, numColumns: a.numColumns });
  if (a.column < left)
    out.push({ row: top, column: a.column, numRows: bottom - top, numColumns: left - a.column });
  const aRight = a.column + a.numColumns;
  if (right < aRight)
    out.push({ row: top, column: right, numRows: bottom - top, numColumns: aRight - right });
  return out;
}
