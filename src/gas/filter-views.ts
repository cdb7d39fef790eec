import { SIGNATURES_SHEET, type SignatureHeader } from '../core/columns';
import { sheetsApi } from './advanced';

/** Script Properties key: the Signatures sheet's filter views, by name, and the version they show. */
export const FILTER_VIEWS_KEY = 'AUP_SIGNER_FILTER_VIEWS';

/** The filter views a business manager opens from the card. */
export interface FilterViews {
  sheetId: number;
  needsChasing: number;
  thisCycle: number;
  version: string;
}

const NEEDS_CHASING = 'Needs chasing';
const THIS_CYCLE = 'This cycle';
/** Statuses "Needs chasing" hides: signed (or past signing) for the version. */
const NOT_CHASED = ['Signed', 'Approved', 'Complete', 'Superseded'];

type FilterView = GoogleAppsScript.Sheets.Schema.FilterView;
type Request = GoogleAppsScript.Sheets.Schema.Request;

/**
 * Gives the Signatures sheet its two filter views, each a person's own way of looking that
 * changes nobody else's (unlike the sheet's filter): "Needs chasing" (the current version's
 * requests not signed yet: Invited, Overdue, Returned) and "This cycle" (the current version's
 * requests). Made where missing and moved to `version` when it changed, found by their titles,
 * in one `Sheets.Spreadsheets.get` and at most one `batchUpdate`; their IDs are kept in Script
 * Properties for the card's links.
 * @param col the Signatures columns by header (0-based), as the sheet has them
 * @throws the Sheets API's error (a caller that must not fail catches it: the views are a convenience)
 */
export function ensureFilterViews(
  spreadsheetId: string,
  version: string,
  col: Record<SignatureHeader, number>,
): FilterViews {
  const api = sheetsApi().Spreadsheets;
  const ss = api.get(spreadsheetId);
  const sheet = (ss.sheets ?? []).find((s) => s.properties?.title === SIGNATURES_SHEET);
  const sheetId = sheet?.properties?.sheetId;
  if (sheetId === undefined) throw new Error(`The tracking spreadsheet has no "${SIGNATURES_SHEET}" sheet.`);
  const width = Math.max(...Object.values(col)) + 1;
  const range = { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: width };
  const thisVersion = { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: version }] } };
  const wanted: Record<string, object> = {
    [NEEDS_CHASING]: { [col['Policy Version']]: thisVersion, [col.Status]: { hiddenValues: NOT_CHASED } },
    [THIS_CYCLE]: { [col['Policy Version']]: thisVersion },
  };
  const existing = new Map<string, FilterView>(
    (sheet?.filterViews ?? []).map((v) => [v.title ?? '', v] as const),
  );
  const requests: Request[] = [];
  for (const [title, criteria] of Object.entries(wanted)) {
    const v = existing.get(title);
    if (!v) requests.push({ addFilterView: { filter: { title, range, criteria } } });
    else if (JSON.stringify(v.criteria ?? {}) !== JSON.stringify(criteria))
      requests.push({
        updateFilterView: { filter: { filterViewId: v.filterViewId, criteria }, fields: 'criteria' },
      });
  }
  const added = requests.length ? (api.batchUpdate({ requests }, spreadsheetId).replies ?? []) : [];
  const idOf = (title: string): number =>
    existing.get(title)?.filterViewId ??
    added.map((r) => r.addFilterView?.filter).find((f) => f?.title === title)?.filterViewId ??
    -1;
  const views: FilterViews = {
    sheetId,
    needsChasing: idOf(NEEDS_CHASING),
    thisCycle: idOf(THIS_CYCLE),
    version,
  };
  PropertiesService.getScriptProperties().setProperty(FILTER_VIEWS_KEY, JSON.stringify(views));
  return views;
}

/** The filter views' links on the tracking sheet (`url` its edit URL), from Script Properties as read. */
export function filterViewLinks(
  url: string,
  snapshot: Readonly<Record<string, string>>,
): { needsChasing: string; thisCycle: string } | null {
  const json = snapshot[FILTER_VIEWS_KEY];
  if (!json) return null;
  const v = JSON.parse(json) as FilterViews;
  const link = (id: number) => `${url}#gid=${v.sheetId}&fvid=${id}`;
  return { needsChasing: link(v.needsChasing), thisCycle: link(v.thisCycle) };
}
