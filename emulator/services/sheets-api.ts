import type { Execution } from '../core/execution';
import { MIME, type DriveItem } from '../core/workspace';
import { apiError, fileFor, googleApiCall, type GoogleApi } from './google-api';
import { SpreadsheetContent, type FilterViewModel, type SheetModel } from './spreadsheet/model';

/** The Sheets API as advanced-service calls meet it. */
const SHEETS_API: GoogleApi = {
  cloudApi: 'sheets',
  title: 'Google Sheets API',
  host: 'sheets.googleapis.com',
  quotaMetric: 'Write requests',
};

/** Runs one Sheets API call (see `googleApiCall`). */
function api<T>(exec: Execution, method: string, body: () => T): T {
  return googleApiCall(exec, SHEETS_API, method, body);
}

/** The spreadsheet a call names, if the caller may `access` it (see `fileFor`). */
function spreadsheetFor(
  exec: Execution,
  method: string,
  id: string,
  access: 'view' | 'edit',
): { item: DriveItem; content: SpreadsheetContent } {
  const item = fileFor(exec, method, id, MIME.spreadsheet, access);
  if (!(item.content instanceof SpreadsheetContent))
    throw apiError(exec, method, 'Requested entity was not found.', 404, 'NOT_FOUND');
  return { item, content: item.content };
}

/** A filter view as the API gives it: its ID, title, range (0-based, end exclusive) and its criteria by column index. */
function viewJson(sheet: SheetModel, v: FilterViewModel): GoogleAppsScript.Sheets.Schema.FilterView {
  return {
    filterViewId: v.id,
    title: v.title,
    range: {
      sheetId: sheet.sheetId,
      startRowIndex: v.range.row - 1,
      endRowIndex: v.range.row - 1 + v.range.numRows,
      startColumnIndex: v.range.column - 1,
      endColumnIndex: v.range.column - 1 + v.range.numColumns,
    },
    criteria: structuredClone(v.criteria),
  };
}

/**
 * `spreadsheets.get` (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get):
 * the spreadsheet's ID and each sheet's `properties` (`sheetId`, `title`, `index`, `hidden`) and
 * `filterViews`. Cell data is never included (the API gives it only with `includeGridData`,
 * which the emulator refuses rather than answer wrongly); a `fields` mask is accepted and the
 * whole answer returned, which a caller asking for fewer fields reads as well.
 */
function getSpreadsheet(
  exec: Execution,
  id: string,
  args: Record<string, unknown> = {},
): GoogleAppsScript.Sheets.Schema.Spreadsheet {
  const method = 'Sheets.Spreadsheets.get';
  return api(exec, method, () => {
    if (args.includeGridData)
      throw new Error('The emulator does not model spreadsheets.get with includeGridData.');
    const { item, content } = spreadsheetFor(exec, method, id, 'view');
    return {
      spreadsheetId: id,
      properties: { title: item.name, timeZone: content.timeZone },
      sheets: content.sheets.map((s, index) => ({
        properties: { sheetId: s.sheetId, title: s.name, index, hidden: s.hidden },
        filterViews: s.filterViews.map((v) => viewJson(s, v)),
      })),
    };
  });
}

/** A request of a batchUpdate that the emulator cannot, or Sheets will not, carry out. */
class InvalidRequest extends Error {}

/** The sheet and 1-based rectangle a GridRange names, checked against the sheet's size. */
function gridRange(
  content: SpreadsheetContent,
  r: GoogleAppsScript.Sheets.Schema.GridRange | undefined,
  at: number,
) {
  const sheet = content.sheets.find((s) => s.sheetId === (r?.sheetId ?? 0));
  if (!sheet) throw new InvalidRequest(`Invalid requests[${at}]: No grid with id: ${r?.sheetId ?? 0}`);
  const row = (r?.startRowIndex ?? 0) + 1;
  const column = (r?.startColumnIndex ?? 0) + 1;
  const numRows = (r?.endRowIndex ?? sheet.maxRows) - row + 1;
  const numColumns = (r?.endColumnIndex ?? sheet.maxColumns) - column + 1;
  if (
    numRows < 1 ||
    numColumns < 1 ||
    row - 1 + numRows > sheet.maxRows ||
    column - 1 + numColumns > sheet.maxColumns
  )
    throw new InvalidRequest(`Invalid requests[${at}]: Range is outside the grid.`);
  return { sheet, rect: { row, column, numRows, numColumns } };
}

/**
 * A request's criteria by column index (the FilterView `criteria` map: its keys are 0-based
 * column indices of the sheet), each column inside the view's range.
 */
function criteriaOf(
  criteria: object | undefined,
  rect: { column: number; numColumns: number },
  at: number,
): FilterViewModel['criteria'] {
  const out: FilterViewModel['criteria'] = {};
  for (const [key, value] of Object.entries(criteria ?? {})) {
    const c = Number(key);
    if (!Number.isInteger(c) || c < rect.column - 1 || c >= rect.column - 1 + rect.numColumns)
      throw new InvalidRequest(
        `Invalid requests[${at}]: criteria column ${key} is outside the filter view's range.`,
      );
    out[String(c)] = structuredClone(value as Record<string, unknown>);
  }
  return out;
}

/**
 * `spreadsheets.batchUpdate` (…/spreadsheets/batchUpdate): the requests `addFilterView`,
 * `updateFilterView` (`fields` "*" or a list of title, range, criteria) and `deleteFilterView`,
 * applied all or none, as the API does; any other request is refused as the emulator does not
 * model it. Needs edit access. Replies in request order (`addFilterView` with the new view and its
 * ID; the others empty). The changes are staged and applied to the spreadsheet itself at the end,
 * so SpreadsheetApp handles opened before see them (it is one file).
 */
function batchUpdate(
  exec: Execution,
  resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
  id: string,
): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
  const method = 'Sheets.Spreadsheets.batchUpdate';
  return api(exec, method, () => {
    const { item, content } = spreadsheetFor(exec, method, id, 'edit');
    const staged = new Map<SheetModel, FilterViewModel[]>();
    const viewsOf = (sheet: SheetModel): FilterViewModel[] => {
      let views = staged.get(sheet);
      if (!views) {
        views = sheet.filterViews.map((v) => structuredClone(v));
        staged.set(sheet, views);
      }
      return views;
    };
    const find = (fid: number | undefined) => {
      for (const sheet of content.sheets) {
        const view = viewsOf(sheet).find((v) => v.id === fid);
        if (view) return { sheet, view };
      }
      return undefined;
    };
    const replies: GoogleAppsScript.Sheets.Schema.Response[] = [];
    try {
      (resource.requests ?? []).forEach((req, at) => {
        if (req.addFilterView) {
          const f = req.addFilterView.filter ?? {};
          const { sheet, rect } = gridRange(content, f.range, at);
          const view: FilterViewModel = {
            id: content.nextFilterViewId(),
            title: f.title ?? '',
            range: rect,
            criteria: criteriaOf(f.criteria, rect, at),
          };
          viewsOf(sheet).push(view);
          replies.push({ addFilterView: { filter: viewJson(sheet, view) } });
        } else if (req.updateFilterView) {
          const f = req.updateFilterView.filter ?? {};
          const fields = (req.updateFilterView.fields ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
          if (!fields.length)
            throw new InvalidRequest(
              `Invalid requests[${at}].updateFilterView: At least one field must be updated, but 'fields' is empty.`,
            );
          const found = find(f.filterViewId);
          if (!found)
            throw new InvalidRequest(
              `Invalid requests[${at}].updateFilterView: No filter view with id: ${f.filterViewId}`,
            );
          const all = fields.includes('*');
          if (all || fields.includes('title')) found.view.title = f.title ?? '';
          if (all || fields.includes('range')) found.view.range = gridRange(content, f.range, at).rect;
          if (all || fields.includes('criteria'))
            found.view.criteria = criteriaOf(f.criteria, found.view.range, at);
          replies.push({});
        } else if (req.deleteFilterView) {
          const fid = req.deleteFilterView.filterId;
          const found = find(fid);
          if (!found)
            throw new InvalidRequest(
              `Invalid requests[${at}].deleteFilterView: No filter view with id: ${fid}`,
            );
          staged.set(
            found.sheet,
            viewsOf(found.sheet).filter((v) => v.id !== fid),
          );
          replies.push({});
        } else {
          throw new Error(
            `The emulator does not model the Sheets API request ${Object.keys(req).join(', ')}.`,
          );
        }
      });
    } catch (e) {
      if (e instanceof InvalidRequest)
        throw apiError(exec, method, e.message, 400, 'INVALID_ARGUMENT', 'badRequest');
      throw e;
    }
    for (const [sheet, views] of staged) sheet.filterViews = views;
    item.updated = exec.ws.clock.now();
    return { spreadsheetId: id, replies };
  });
}

/**
 * The Sheets API advanced service (userSymbol `Sheets`): `Sheets.Spreadsheets.get` and
 * `Sheets.Spreadsheets.batchUpdate`, for the filter views a business manager opens by link.
 */
export function createSheetsApi(exec: Execution): {
  Spreadsheets: Pick<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, 'get' | 'batchUpdate'>;
} {
  return {
    Spreadsheets: {
      get: (spreadsheetId: string, optionalArgs?: object) =>
        getSpreadsheet(exec, spreadsheetId, (optionalArgs ?? {}) as Record<string, unknown>),
      batchUpdate: (
        resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
        spreadsheetId: string,
      ) => batchUpdate(exec, resource, spreadsheetId),
    } as Pick<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, 'get' | 'batchUpdate'>,
  };
}
