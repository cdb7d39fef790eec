import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, type ChartSpec } from './charts';
import { parseA1 } from './a1';
import type { SheetsContext } from './context';
import { FakeFilter } from './filter';
import { displayOf } from './format';
import type { Rect, SheetModel } from './model';
import { FakeProtection, PROTECTION_TYPE } from './protection';
import { rangeAt, writeCells } from './range';
import { FakeConditionalFormatRule } from './rules';
import { FakeSpreadsheet } from './spreadsheet';

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'getFilter'
  | 'clear'
  | 'clearContents'
  | 'protect'
  | 'getProtections'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'setTabColor'
  | 'getTabColor'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'autoResizeColumns'
  | 'setColumnWidth'
  | 'getColumnWidth';

type Self = GoogleAppsScript.Spreadsheet.Sheet;
type Axis = 'row' | 'column';

const DEFAULT_COLUMN_WIDTH = 100;

/** The message for a duplicate sheet name (`insertSheet`, `setName`). */
export function duplicateName(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

function span(r: Rect, axis: Axis): [number, number] {
  return axis === 'row' ? [r.row, r.numRows] : [r.column, r.numColumns];
}

function setSpan(r: Rect, axis: Axis, start: number, size: number): void {
  if (axis === 'row') {
    r.row = start;
    r.numRows = size;
  } else {
    r.column = start;
    r.numColumns = size;
  }
}

/** Moves or grows a rectangle for `n` rows/columns inserted after position `after`. */
function shiftForInsert(r: Rect, axis: Axis, after: number, n: number): void {
  const [start, size] = span(r, axis);
  if (after < start) setSpan(r, axis, start + n, size);
  else if (after < start + size - 1) setSpan(r, axis, start, size + n);
}

/** Moves or shrinks a rectangle for rows `pos..pos+n-1` deleted; false when nothing is left. */
function shiftForDelete(r: Rect, pos: number, n: number): boolean {
  const end = r.row + r.numRows - 1;
  const delEnd = pos + n - 1;
  const before = Math.max(0, Math.min(delEnd, r.row - 1) - pos + 1);
  const inside = Math.max(0, Math.min(delEnd, end) - Math.max(pos, r.row) + 1);
  r.row -= before;
  r.numRows -= inside;
  return r.numRows > 0;
}

/**
 * A sheet (tab) of a spreadsheet (developers.google.com/apps-script/reference/spreadsheet/sheet).
 * Rows and columns are 1-based; `getLastRow`/`getLastColumn` are the last row/column with
 * content (0 when empty); `appendRow` writes after the last row with content, adding a row (and
 * columns) when the sheet is full. Writes need edit access and respect sheet protection.
 */
export class FakeSheet implements Pick<Self, SheetMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly model: SheetModel,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.ctx.exec.call(`Sheet.${method}`, body);
  }

  private read<T>(method: string, body: () => T): T {
    return this.call(method, () => {
      this.ctx.checkView();
      return body();
    });
  }

  private write(method: string, body: () => void): Self {
    return this.call(method, () => {
      this.ctx.checkSheetEdit(this.model);
      body();
      return this as unknown as Self;
    });
  }

  private rects(): Rect[] {
    const out = this.model.rules.flatMap((r) => r.rects);
    if (this.model.filter) out.push(this.model.filter);
    return out;
  }

  getName(): string {
    return this.read('getName', () => this.model.name);
  }

  /** Renames the sheet; throws Apps Script's message if another sheet has that name. */
  setName(name: string): Self {
    return this.write('setName', () => {
      const other = this.ctx.content.find(name);
      if (other && other !== this.model) throw this.ctx.exec.error(duplicateName(name));
      this.model.name = String(name);
    });
  }

  getSheetId(): number {
    return this.read('getSheetId', () => this.model.sheetId);
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.read(
      'getParent',
      () => new FakeSpreadsheet(this.ctx),
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /**
   * `getRange(row, column, numRows?, numColumns?)` or `getRange(a1Notation)`; throws "Range not found" for
   * bad A1.
   */
  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): GoogleAppsScript.Spreadsheet.Range {
    return this.read('getRange', () => {
      if (typeof rowOrA1 === 'string') {
        const rect = parseA1(rowOrA1, this.model.maxRows, this.model.maxColumns);
        if (!rect) throw this.ctx.exec.error('Range not found');
        return rangeAt(this.ctx, this.model, rect);
      }
      return rangeAt(this.ctx, this.model, {
        row: rowOrA1,
        column: column as number,
        numRows: numRows ?? 1,
        numColumns: numColumns ?? 1,
      });
    }) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  /** A1 to the last row and column with content (A1 alone for an empty sheet). */
  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.read('getDataRange', () =>
      rangeAt(this.ctx, this.model, {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.model.lastRow()),
        numColumns: Math.max(1, this.model.lastColumn()),
      }),
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getLastRow(): number {
    return this.read('getLastRow', () => this.model.lastRow());
  }

  getLastColumn(): number {
    return this.read('getLastColumn', () => this.model.lastColumn());
  }

  getMaxRows(): number {
    return this.read('getMaxRows', () => this.model.maxRows);
  }

  getMaxColumns(): number {
    return this.read('getMaxColumns', () => this.model.maxColumns);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Self {
    return this.write('insertRowsAfter', () => {
      if (!(afterPosition >= 1 && afterPosition <= this.model.maxRows)) {
        throw this.ctx.exec.error('Those rows are out of bounds.');
      }
      const n = Math.max(0, howMany);
      for (const g of this.model.grids()) g.insertRows(afterPosition, n);
      for (const r of this.rects()) shiftForInsert(r, 'row', afterPosition, n);
      this.model.maxRows += n;
    });
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Self {
    return this.write('insertColumnsAfter', () => {
      if (!(afterPosition >= 1 && afterPosition <= this.model.maxColumns)) {
        throw this.ctx.exec.error('Those columns are out of bounds.');
      }
      const n = Math.max(0, howMany);
      for (const g of this.model.grids()) g.insertColumns(afterPosition, n);
      for (const r of this.rects()) shiftForInsert(r, 'column', afterPosition, n);
      this.model.maxColumns += n;
    });
  }

  /** Deletes rows; Apps Script refuses to delete every non-frozen row. */
  deleteRows(rowPosition: number, howMany: number): void {
    this.write('deleteRows', () => {
      const m = this.model;
      if (!(rowPosition >= 1 && howMany >= 1 && rowPosition + howMany - 1 <= m.maxRows)) {
        throw this.ctx.exec.error('Those rows are out of bounds.');
      }
      if (m.maxRows - howMany <= m.frozenRows) {
        throw this.ctx.exec.error('Sorry, it is not possible to delete all non-frozen rows.');
      }
      for (const g of m.grids()) g.deleteRows(rowPosition - 1, howMany);
      m.rules.forEach(
        (rule) => (rule.rects = rule.rects.filter((r) => shiftForDelete(r, rowPosition, howMany))),
      );
      if (m.filter && !shiftForDelete(m.filter, rowPosition, howMany)) m.filter = null;
      m.maxRows -= howMany;
    });
  }

  /** Writes `rowContents` after the last row with content, converting values as `setValues` does. */
  appendRow(rowContents: unknown[]): Self {
    return this.write('appendRow', () => {
      const m = this.model;
      const row = m.lastRow() + 1;
      const values = Array.isArray(rowContents) ? rowContents : [rowContents];
      if (row > m.maxRows) m.maxRows = row;
      if (values.length > m.maxColumns) m.maxColumns = values.length;
      writeCells(this.ctx, m, row - 1, 0, [values]);
    });
  }

  setFrozenRows(rows: number): void {
    this.write('setFrozenRows', () => {
      this.model.frozenRows = Math.max(0, Math.floor(rows));
    });
  }

  getFrozenRows(): number {
    return this.read('getFrozenRows', () => this.model.frozenRows);
  }

  /** The sheet's filter, or null. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.read('getFilter', () =>
      this.model.filter
        ? (new FakeFilter(this.ctx, this.model) as unknown as GoogleAppsScript.Spreadsheet.Filter)
        : null,
    );
  }

  /** Clears content and formatting (or only one of them with `{contentsOnly}` / `{formatOnly}`). */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Self {
    return this.write('clear', () => {
      const both = !options?.formatOnly && !options?.contentsOnly;
      if (both || options?.contentsOnly) this.model.values.clear();
      if (both || options?.formatOnly) for (const g of Object.values(this.model.styles)) g.clear();
    });
  }

  clearContents(): Self {
    return this.write('clearContents', () => this.model.values.clear());
  }

  /** The sheet's protection, created (mirroring the spreadsheet's editors) if there is none. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.call('protect', () => {
      this.ctx.checkEdit();
      this.model.protection ??= { description: '', editors: null, warningOnly: false };
      return new FakeProtection(this.ctx, this.model, this.model.protection);
    }) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  /** `SHEET`: the sheet's protection if any; `RANGE`: none (range protections are not modelled). */
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.read('getProtections', () => {
      const p = this.model.protection;
      if (String(type) !== String(PROTECTION_TYPE.SHEET) || !p) return [];
      return [new FakeProtection(this.ctx, this.model, p)];
    }) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.write('setConditionalFormatRules', () => {
      this.model.rules = (rules as unknown as FakeConditionalFormatRule[]).map((r) => r.toModel());
    });
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.read('getConditionalFormatRules', () =>
      this.model.rules.map((m) => FakeConditionalFormatRule.fromModel(this.ctx, this.model, m)),
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }

  setTabColor(color: string | null): Self {
    return this.write('setTabColor', () => {
      this.model.tabColor = color === null ? null : String(color);
    });
  }

  getTabColor(): string | null {
    return this.read('getTabColor', () => this.model.tabColor);
  }

  /** Sheet.newChart(): a builder for a chart on this sheet. */
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.read(
      'newChart',
      () => new FakeEmbeddedChartBuilder(this.ctx, this.model),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  /** Sheet.insertChart(chart): adds a built chart, which gets its ID. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('insertChart', () => {
      const c = this.ownChart(chart);
      this.model.charts.push({ ...structuredClone(c.spec), id: this.ctx.content.nextChartId() });
    });
  }

  /** Sheet.getCharts(): the sheet's charts. */
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.read('getCharts', () =>
      this.model.charts.map((c) => new FakeEmbeddedChart(this.ctx, this.model, structuredClone(c))),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }

  /** Sheet.updateChart(chart): replaces the chart of the same ID (one built from `modify()`). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('updateChart', () => {
      const c = this.ownChart(chart);
      const at = this.model.charts.findIndex((x) => x.id !== null && x.id === c.spec.id);
      if (at < 0) throw this.ctx.exec.error('The chart does not exist on this sheet.');
      this.model.charts[at] = structuredClone(c.spec) as ChartSpec;
    });
  }

  /** Sheet.removeChart(chart): removes the chart of the same ID. */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.write('removeChart', () => {
      const c = this.ownChart(chart);
      this.model.charts = this.model.charts.filter((x) => x.id !== c.spec.id);
    });
  }

  private ownChart(chart: unknown): FakeEmbeddedChart {
    if (!(chart instanceof FakeEmbeddedChart)) throw this.ctx.exec.error('Invalid argument: chart');
    return chart;
  }

  /**
   * Sheet.hideSheet(): hides the sheet from the tab bar; nothing when it is hidden already. The
   * reference says hiding the only visible sheet throws; its text is not documented, so the
   * message is the Sheets UI's own (FIDELITY.md).
   */
  hideSheet(): Self {
    return this.write('hideSheet', () => {
      if (this.model.hidden) return;
      const visible = this.ctx.content.sheets.filter((s) => !s.hidden);
      if (visible.length <= 1) throw this.ctx.exec.error("You can't hide all the sheets in a document.");
      this.model.hidden = true;
    });
  }

  /** Sheet.showSheet(): makes the sheet visible again; nothing when it is visible. */
  showSheet(): Self {
    return this.write('showSheet', () => {
      this.model.hidden = false;
    });
  }

  /** Sheet.isSheetHidden(): whether the sheet is hidden from the tab bar. */
  isSheetHidden(): boolean {
    return this.read('isSheetHidden', () => this.model.hidden);
  }

  /** Fits columns to their widest displayed value (about 7 px a character, plus padding). */
  autoResizeColumns(startColumn: number, numColumns: number): Self {
    return this.write('autoResizeColumns', () => {
      const m = this.model;
      if (!(startColumn >= 1 && numColumns >= 1 && startColumn + numColumns - 1 <= m.maxColumns)) {
        throw this.ctx.exec.error('Those columns are out of bounds.');
      }
      const rows = m.lastRow();
      for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) {
        let longest = 0;
        for (let r = 0; r < rows; r++) {
          const text = displayOf(
            m.values.get(r, c),
            m.styles.numberFormat.get(r, c),
            this.ctx.content.timeZone,
          );
          longest = Math.max(longest, text.length);
        }
        if (longest > 0) m.columnWidths.set(c + 1, longest * 7 + 10);
      }
    });
  }

  setColumnWidth(columnPosition: number, width: number): Self {
    return this.write('setColumnWidth', () => {
      if (!(columnPosition >= 1 && columnPosition <= this.model.maxColumns)) {
        throw this.ctx.exec.error('Those columns are out of bounds.');
      }
      this.model.columnWidths.set(columnPosition, width);
    });
  }

  /** Width in pixels (100 by default). */
  getColumnWidth(columnPosition: number): number {
    return this.read(
      'getColumnWidth',
      () => this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH,
    );
  }
}
