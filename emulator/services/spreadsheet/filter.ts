import type { SheetsContext } from './context';
import type { Rect, SheetModel } from './model';
import { rangeAt } from './range';

/**
 * A sheet's basic filter (developers.google.com/apps-script/reference/spreadsheet/filter):
 * created by `Range.createFilter()`, read by `Sheet.getFilter()`. Criteria are not modelled.
 */
export class FakeFilter implements Pick<GoogleAppsScript.Spreadsheet.Filter, 'getRange' | 'remove'> {
  private readonly lastRect: Rect;

  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
  ) {
    this.lastRect = { ...(sheet.filter ?? { row: 1, column: 1, numRows: 1, numColumns: 1 }) };
  }

  /** The range the filter applies to. */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.exec.call('Filter.getRange', () => {
      this.ctx.checkView();
      return rangeAt(this.ctx, this.sheet, this.sheet.filter ?? this.lastRect);
    }) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  /** Removes the filter from its sheet. */
  remove(): void {
    this.ctx.exec.call('Filter.remove', () => {
      this.ctx.checkSheetEdit(this.sheet);
      this.sheet.filter = null;
    });
  }
}
