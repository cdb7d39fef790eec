import { VERSION_HEADERS, columnIndex, type VersionKind } from '../core/columns';
import { changeCounts, describeChange, type PolicyChange } from '../core/changes';
import { dateOrNull } from '../core/request';
import { sheetSafe } from '../core/safe';
import { binDrafts } from './drafts';
import type { Tracking } from './tracking';

/** A row of the Versions sheet: a published wording of the policy. */
export interface VersionRecord {
  version: string;
  kind: VersionKind;
  publishedAt: Date;
  publishedBy: string;
  /** The template as published (a Google Doc URL): placeholders and clause markers kept. */
  templateCopy: string;
  /** The version's policy copy to read (URL). */
  policyCopy: string;
  /** Its "changes" document (URL), '' for the first. */
  changes: string;
}

/** The Versions sheet's rows in the order they were published, in one read (none: the sheet is new). */
export function readVersions(tracking: Tracking): VersionRecord[] {
  const values = tracking.versionsSheet().getDataRange().getValues();
  const col = columnIndex('Versions', values[0] ?? [], VERSION_HEADERS);
  return values
    .slice(1)
    .filter((r) => String(r[col['Policy Version']] ?? '') !== '')
    .map((r) => ({
      version: String(r[col['Policy Version']]),
      kind: String(r[col.Kind]) as VersionKind,
      publishedAt: dateOrNull(r[col['Published At']]) ?? new Date(0),
      publishedBy: String(r[col['Published By']] ?? ''),
      templateCopy: String(r[col['Template Copy']] ?? ''),
      policyCopy: String(r[col['Policy Copy']] ?? ''),
      changes: String(r[col.Changes] ?? ''),
    }));
}

/**
 * Appends a version's row, once: a row with that label and kind already there (a run that
 * stopped after writing it) is left as it is. Call under the script lock.
 */
export function recordVersion(tracking: Tracking, rec: VersionRecord): void {
  if (readVersions(tracking).some((v) => v.version === rec.version && v.kind === rec.kind)) return;
  const sheet = tracking.versionsSheet();
  const row = [
    rec.version,
    rec.kind,
    rec.publishedAt,
    rec.publishedBy,
    rec.templateCopy,
    rec.policyCopy,
    rec.changes,
  ].map((v) => (typeof v === 'string' ? sheetSafe(v) : v));
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
}

/** The wording in force at `at`: the last version published by then (none before the first). */
export function wordingAt(versions: readonly VersionRecord[], at: Date): VersionRecord | undefined {
  const by = versions.filter((v) => v.publishedAt.getTime() <= at.getTime());
  return by[by.length - 1];
}

/**
 * Keeps the template as it is published (DriveApp File.makeCopy into the add-on's folder), so
 * what people were asked to sign can be compared with later versions even when the school edits
 * the template in place. What an earlier run left under the same name is put in the bin first.
 * @returns the copy's URL
 */
export function keepTemplate(templateDocId: string, name: string, folderId: string): string {
  binDrafts(name);
  return DriveApp.getFileById(templateDocId).makeCopy(name, DriveApp.getFolderById(folderId)).getUrl();
}

/**
 * Writes a version's "changes" document beside its policy copy (DocumentApp.create, moved into the
 * folder): what changed since `from`, each change in plain words, whom each paragraph is for.
 * @returns the document's Drive file, for sharing like the policy copy
 */
export function writeChangesDoc(
  title: string,
  intro: string,
  changes: readonly PolicyChange[],
  folderId: string,
): GoogleAppsScript.Drive.File {
  binDrafts(title);
  const doc = DocumentApp.create(title);
  const body = doc.getBody();
  body.appendParagraph(title).setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph(`${intro} ${capitalised(changeCounts(changes))}.`);
  for (const c of changes) body.appendListItem(describeChange(c));
  doc.saveAndClose();
  const file = DriveApp.getFileById(doc.getId());
  file.moveTo(DriveApp.getFolderById(folderId));
  return file;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
