import { RECORDS_HEADERS, columnIndex, type RecordsHeader } from '../core/columns';
import type { RecordsMemory } from '../core/retention';
import { fromSheet, sheetSafe } from '../core/safe';
import type { Tracking } from './tracking';

/** A row of the Records sheet. */
export type RecordsRow = Record<RecordsHeader, string>;

/** The Records sheet by email, in one read. */
export function readRecords(tracking: Tracking): Map<string, RecordsRow> {
  const values = tracking.recordsSheet().getDataRange().getValues();
  const col = columnIndex('Records', values[0] ?? [], RECORDS_HEADERS);
  const out = new Map<string, RecordsRow>();
  for (const r of values.slice(1)) {
    const row = Object.fromEntries(
      RECORDS_HEADERS.map((h) => [h, fromSheet(String(r[col[h]] ?? '')).trim()]),
    ) as RecordsRow;
    if (row.Email) out.set(row.Email.toLowerCase(), row);
  }
  return out;
}

/** What a Records row remembers. */
export function memoryOf(row: RecordsRow | undefined): RecordsMemory {
  return {
    hold: row?.Hold ?? '',
    noticeSent: row?.['Notice Sent'] ?? '',
    disposedOn: row?.['Disposed On'] ?? '',
  };
}

/**
 * Replaces the Records sheet's rows with `rows` (sorted by name), in one write, clearing what is
 * left below. Call under the script lock, with rows built from a read taken under it.
 */
export function writeRecords(tracking: Tracking, rows: readonly RecordsRow[]): void {
  const sheet = tracking.recordsSheet();
  const sorted = [...rows].sort((a, b) => a.Name.localeCompare(b.Name) || a.Email.localeCompare(b.Email));
  const old = sheet.getLastRow() - 1;
  const needed = sorted.length + 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  if (sorted.length)
    sheet
      .getRange(2, 1, sorted.length, RECORDS_HEADERS.length)
      .setNumberFormat('@')
      .setValues(sorted.map((r) => RECORDS_HEADERS.map((h) => sheetSafe(r[h]))));
  if (old > sorted.length)
    sheet.getRange(sorted.length + 2, 1, old - sorted.length, RECORDS_HEADERS.length).clearContent();
}

/**
 * Puts the files at `urls` in the bin (DriveApp File.setTrashed), only those in the add-on's own
 * folders (`folders`): a link in the Audit to anything else is left alone. Files already in the
 * bin, or gone, count as disposed of.
 * @returns how many were put in the bin now
 */
export function binFiles(urls: readonly string[], folders: readonly string[]): number {
  let binned = 0;
  const ours = new Set(folders);
  for (const id of new Set(urls.map((u) => /\/d\/([A-Za-z0-9_-]{10,})/.exec(u)?.[1]).filter(Boolean))) {
    let file: GoogleAppsScript.Drive.File;
    try {
      file = DriveApp.getFileById(id as string);
    } catch {
      continue;
    }
    if (file.isTrashed()) continue;
    const parents = file.getParents();
    let inOurs = false;
    while (parents.hasNext()) if (ours.has(parents.next().getId())) inOurs = true;
    if (!inOurs) continue;
    file.setTrashed(true);
    binned += 1;
  }
  return binned;
}
