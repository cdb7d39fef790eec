import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from './validation';
import type { Execution } from '../../core/execution';
import { MIME, type Workspace } from '../../core/workspace';
import { SheetsContext, MESSAGES } from './context';
import { displayOf, valueOf } from './format';
import { SheetModel, SpreadsheetContent } from './model';
import { PROTECTION_TYPE } from './protection';
import { FakeConditionalFormatRuleBuilder } from './rules';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, FakeSpreadsheet } from './spreadsheet';

export { SpreadsheetContent } from './model';

type AppMethods =
  | 'create'
  | 'openById'
  | 'openByUrl'
  | 'flush'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'DataValidationCriteria'
  | 'ProtectionType';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function open(exec: Execution, id: string): Spreadsheet {
  const item = exec.ws.drive.get(id);
  const content = item?.content;
  if (!item || item.mimeType !== MIME.spreadsheet || !(content instanceof SpreadsheetContent)) {
    throw exec.error(MESSAGES.missing(id));
  }
  if (!exec.ws.canView(item, exec.effectiveUser)) throw exec.error(MESSAGES.noAccess);
  return new FakeSpreadsheet(new SheetsContext(exec, item, content)) as unknown as Spreadsheet;
}

/**
 * The `SpreadsheetApp` global (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app)
 * for one execution: `create(name, rows?, columns?)` makes a file owned by the effective user
 * with one sheet "Sheet1" (1000 x 26 by default); `openById`/`openByUrl` need view access and
 * throw "Document <id> is missing (perhaps it was deleted, or you don't have read access?)" for
 * an unknown ID; `flush()` only counts (writes apply at once); `newConditionalFormatRule()`;
 * `newDataValidation()` and the `DataValidationCriteria` enum;
 * the `ProtectionType` enum. Formulas are stored but never evaluated (`getValues` gives '#ERROR!').
 */
export function createSpreadsheetApp(
  exec: Execution,
): Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  return {
    ProtectionType: PROTECTION_TYPE,
    create(name: string, rows?: number, columns?: number): Spreadsheet {
      return exec.call('SpreadsheetApp.create', () => {
        const content = new SpreadsheetContent(exec.ws.timeZone);
        content.sheets.push(
          new SheetModel('Sheet1', content.nextSheetId(), rows ?? DEFAULT_ROWS, columns ?? DEFAULT_COLUMNS),
        );
        const item = exec.ws.createItem(exec.effectiveUser, String(name), MIME.spreadsheet, { content });
        return new FakeSpreadsheet(new SheetsContext(exec, item, content)) as unknown as Spreadsheet;
      });
    },
    openById(id: string): Spreadsheet {
      return exec.call('SpreadsheetApp.openById', () => open(exec, String(id)));
    },
    openByUrl(url: string): Spreadsheet {
      return exec.call('SpreadsheetApp.openByUrl', () => {
        const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
        if (!m?.[1]) throw exec.error('Invalid argument: url');
        return open(exec, m[1]);
      });
    },
    flush(): void {
      exec.call('SpreadsheetApp.flush', () => undefined);
    },
    DataValidationCriteria:
      DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
      return exec.call(
        'SpreadsheetApp.newDataValidation',
        () => new FakeDataValidationBuilder(exec),
      ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
    },
    newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
      return exec.call(
        'SpreadsheetApp.newConditionalFormatRule',
        () => new FakeConditionalFormatRuleBuilder(exec),
      ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
    },
  };
}

function contentOf(ws: Workspace, spreadsheetId: string): SpreadsheetContent {
  const content = ws.drive.get(spreadsheetId)?.content;
  if (!(content instanceof SpreadsheetContent)) throw new Error(`No spreadsheet ${spreadsheetId}`);
  return content;
}

/**
 * For the exporters (Node side, not counted): a sheet's data range (A1 to the last row and
 * column with content; A1 alone when empty) as `getValues` and `getDisplayValues` give it.
 */
export function readSheet(
  ws: Workspace,
  spreadsheetId: string,
  sheetName: string,
): { values: unknown[][]; display: string[][] } {
  const content = contentOf(ws, spreadsheetId);
  const sheet = content.find(sheetName);
  if (!sheet) throw new Error(`No sheet "${sheetName}" in spreadsheet ${spreadsheetId}`);
  const rows = Math.max(1, sheet.lastRow());
  const cols = Math.max(1, sheet.lastColumn());
  const values: unknown[][] = [];
  const display: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const v: unknown[] = [];
    const d: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = sheet.values.get(r, c);
      const fmt = sheet.styles.numberFormat.get(r, c);
      v.push(valueOf(cell, fmt, content.timeZone, (ms) => ws.clock.date(ms)));
      d.push(displayOf(cell, fmt, content.timeZone));
    }
    values.push(v);
    display.push(d);
  }
  return { values, display };
}

/** For the exporters: the spreadsheet's sheet names in tab order. */
export function sheetNames(ws: Workspace, spreadsheetId: string): string[] {
  return contentOf(ws, spreadsheetId).sheets.map((s) => s.name);
}
