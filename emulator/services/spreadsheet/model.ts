import type { ChartSpec } from './charts';
import type { ValidationSpec } from './validation';
import type { ItemContent } from '../../core/workspace';
import type { Cell } from './cells';
import { displayOf } from './format';

/** A rectangle of cells, 1-based as Apps Script counts. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * A lazily grown 2-D array of plain JS arrays (0-based): rows never written stay `undefined`,
 * short rows read as `empty`. Keeps a 3,000 x 25 sheet cheap to read, write and copy.
 */
export class Grid<T> {
  rows: (T[] | undefined)[] = [];

  constructor(readonly empty: T) {}

  get(r: number, c: number): T {
    const row = this.rows[r];
    if (!row) return this.empty;
    const v = row[c];
    return v === undefined ? this.empty : v;
  }

  /** The stored row `r` (possibly shorter than the sheet, or undefined). */
  row(r: number): readonly T[] | undefined {
    return this.rows[r];
  }

  set(r: number, c: number, v: T): void {
    while (this.rows.length <= r) this.rows.push(undefined);
    let row = this.rows[r];
    if (!row) {
      if (v === this.empty) return;
      row = [];
      this.rows[r] = row;
    }
    while (row.length < c) row.push(this.empty);
    row[c] = v;
  }

  /** Sets every cell of the 0-based rectangle to `v`. */
  fill(r: number, c: number, nr: number, nc: number, v: T): void {
    for (let i = r; i < r + nr; i++) {
      if (v === this.empty && !this.rows[i]) continue;
      for (let j = c; j < c + nc; j++) this.set(i, j, v);
    }
  }

  insertRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<undefined>(n).fill(undefined));
  }

  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }

  insertColumns(at: number, n: number): void {
    for (const row of this.rows) {
      if (row && row.length > at) row.splice(at, 0, ...new Array<T>(n).fill(this.empty));
    }
  }

  clear(): void {
    this.rows = [];
  }

  clone(): Grid<T> {
    const copy = new Grid<T>(this.empty);
    copy.rows = this.rows.map((row) => row?.slice());
    return copy;
  }
}

/** Cell formatting kept per cell. `''` means unset (the Sheets default). */
export type StyleKey = 'numberFormat' | 'background' | 'fontColor' | 'fontWeight' | 'wrap';
const STYLE_KEYS: StyleKey[] = ['numberFormat', 'background', 'fontColor', 'fontWeight', 'wrap'];

/**
 * A sheet protection (developers.google.com/apps-script/reference/spreadsheet/protection): `editors` is null
 * while it mirrors the spreadsheet's editors.
 */
export interface ProtectionModel {
  description: string;
  editors: Set<string> | null;
  warningOnly: boolean;
}

/** A conditional format rule "text is exactly" with its formatting and ranges on its sheet. */
export interface RuleModel {
  text: string | null;
  background: string | null;
  fontColor: string | null;
  rects: Rect[];
}

/**
 * One sheet (tab, developers.google.com/apps-script/reference/spreadsheet/sheet): its cells, formatting,
 * dimensions and sheet-level settings.
 */
/** A filter view of a sheet: its ID, title, range and criteria by 0-based column index. */
export interface FilterViewModel {
  id: number;
  title: string;
  range: Rect;
  criteria: Record<string, Record<string, unknown>>;
}

export class SheetModel {
  values = new Grid<Cell>('');
  styles: Record<StyleKey, Grid<string>> = {
    numberFormat: new Grid(''),
    background: new Grid(''),
    fontColor: new Grid(''),
    fontWeight: new Grid(''),
    wrap: new Grid(''),
  };
  frozenRows = 0;
  tabColor: string | null = null;
  /** Hidden from the tab bar (Sheet.hideSheet). */
  hidden = false;
  columnWidths = new Map<number, number>();
  filter: Rect | null = null;
  protection: ProtectionModel | null = null;
  rules: RuleModel[] = [];
  /** Filter views (Sheets API `addFilterView`), in the order they were added. */
  filterViews: FilterViewModel[] = [];
  /** Embedded charts (Sheet.insertChart), in insertion order. */
  charts: ChartSpec[] = [];
  /** Data-validation rules, later ones over earlier ones where they overlap (Range.setDataValidation). */
  validations: { rect: Rect; spec: ValidationSpec }[] = [];

  constructor(
    public name: string,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  /** Every per-cell grid, for structural changes (insert/delete rows and columns). */
  grids(): Grid<unknown>[] {
    return [this.values, ...STYLE_KEYS.map((k) => this.styles[k])];
  }

  /** The last row (1-based) holding content, 0 when the sheet is empty. */
  lastRow(): number {
    const rows = this.values.rows;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row && row.some((v) => v !== '')) return i + 1;
    }
    return 0;
  }

  /** The last column (1-based) holding content, 0 when the sheet is empty. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.values.rows) {
      if (!row) continue;
      for (let j = row.length - 1; j >= last; j--) {
        if (row[j] !== '') {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  clone(): SheetModel {
    const copy = new SheetModel(this.name, this.sheetId, this.maxRows, this.maxColumns);
    copy.values = this.values.clone();
    for (const k of STYLE_KEYS) copy.styles[k] = this.styles[k].clone();
    copy.frozenRows = this.frozenRows;
    copy.tabColor = this.tabColor;
    copy.hidden = this.hidden;
    copy.columnWidths = new Map(this.columnWidths);
    copy.filter = this.filter && { ...this.filter };
    copy.protection = this.protection && {
      ...this.protection,
      editors: this.protection.editors && new Set(this.protection.editors),
    };
    copy.rules = this.rules.map((r) => ({ ...r, rects: r.rects.map((x) => ({ ...x })) }));
    copy.filterViews = this.filterViews.map((v) => structuredClone(v));
    copy.charts = this.charts.map((c) => ({
      ...c,
      rects: c.rects.map((r) => ({ ...r })),
      options: { ...c.options },
      position: { ...c.position },
    }));
    copy.validations = this.validations.map((v) => ({
      rect: { ...v.rect },
      spec: { ...v.spec, values: [...v.spec.values] },
    }));
    return copy;
  }
}

/**
 * A Google Sheets file's model, held as the Drive item's `content`: its sheets in tab order and
 * the spreadsheet time zone (which dates are parsed and displayed in).
 * See developers.google.com/apps-script/reference/spreadsheet/spreadsheet.
 */
export class SpreadsheetContent implements ItemContent {
  private sheetCounter = 0;
  private chartCounter = 0;
  private filterViewCounter = 0;

  constructor(
    public timeZone: string,
    public sheets: SheetModel[] = [],
  ) {}

  /** A new sheet ID: 0 for the first sheet (as Sheets gives `gid=0`), then deterministic ints. */
  nextSheetId(): number {
    const n = this.sheetCounter++;
    return n === 0 ? 0 : (n * 2654435761) % 2147483647;
  }

  /** A new filter view ID, unique in the spreadsheet. */
  nextFilterViewId(): number {
    this.filterViewCounter += 1;
    return 2_000_000 + this.filterViewCounter;
  }

  /** A new chart ID, unique in the spreadsheet. */
  nextChartId(): number {
    this.chartCounter += 1;
    return 1_000_000 + this.chartCounter;
  }

  /** The sheet named `name` (Sheets compares sheet names case-insensitively), if any. */
  find(name: string): SheetModel | undefined {
    const key = String(name).toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  clone(): SpreadsheetContent {
    const copy = new SpreadsheetContent(
      this.timeZone,
      this.sheets.map((s) => s.clone()),
    );
    copy.sheetCounter = this.sheetCounter;
    copy.chartCounter = this.chartCounter;
    copy.filterViewCounter = this.filterViewCounter;
    return copy;
  }

  /** Every sheet as its name then its data rows, cells as displayed, tab-separated. */
  toText(): string {
    const out: string[] = [];
    for (const sheet of this.sheets) {
      out.push(sheet.name);
      const rows = sheet.lastRow();
      const cols = sheet.lastColumn();
      for (let r = 0; r < rows; r++) {
        const line: string[] = [];
        for (let c = 0; c < cols; c++) {
          line.push(displayOf(sheet.values.get(r, c), sheet.styles.numberFormat.get(r, c), this.timeZone));
        }
        out.push(line.join('\t'));
      }
      out.push('');
    }
    return out.join('\n');
  }
}
