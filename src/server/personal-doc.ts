import type { Config } from '../core/config';
import { fillPlaceholders } from '../core/placeholders';
import type { SignatureRequest } from '../core/request';
import { analyseTemplate, fillBlock, type BlockKind, type FieldKey } from '../core/template';
import { applyEdits, openDoc } from '../gas/documents';
import { ukDate } from './context';

/** The personalised document's name in the signed-documents folder. */
export function docName(r: SignatureRequest): string {
  return `AUP ${r.policyVersion} — ${r.name} (${r.email})`;
}

/**
 * Makes the person's document from the template: a copy in the add-on's folder with every
 * placeholder filled, shared with them to read. Reuses a copy of the same name left by an
 * interrupted run, so a retry never makes a second document.
 * @returns the document's URL
 */
export function makePersonalDoc(config: Config, r: SignatureRequest, now: Date): string {
  const folder = DriveApp.getFolderById(config.folderId);
  const name = docName(r);
  const existing = folder.getFilesByName(name);
  if (existing.hasNext()) return existing.next().getUrl();
  const file = DriveApp.getFileById(config.templateDocId).makeCopy(name, folder);
  const view = openDoc(file.getId());
  applyEdits(
    view,
    fillPlaceholders(view.lines, {
      'School Name': config.schoolName,
      Name: r.name,
      Role: r.role,
      'Staff Type': r.staffType,
      Email: r.email,
      'Policy Version': r.policyVersion,
      Date: ukDate(now),
      'Due By': ukDate(r.dueBy),
    }),
  );
  view.doc.saveAndClose();
  file.addViewer(r.email);
  return file.getUrl();
}

/**
 * A copy of the policy for anyone with the link to read (new starters have no school account
 * yet): school-wide placeholders filled, personal ones left empty, view-only.
 * @returns its URL
 */
export function makePolicyCopy(
  settings: Pick<Config, 'schoolName' | 'policyVersion' | 'templateDocId'>,
  folderId: string,
): string {
  const file = DriveApp.getFileById(settings.templateDocId).makeCopy(
    `AUP ${settings.policyVersion} — ${settings.schoolName} (to read)`,
    DriveApp.getFolderById(folderId),
  );
  const view = openDoc(file.getId());
  applyEdits(
    view,
    fillPlaceholders(view.lines, {
      'School Name': settings.schoolName,
      'Policy Version': settings.policyVersion,
    }),
  );
  view.doc.saveAndClose();
  file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
  return file.getUrl();
}

/**
 * Fills the user or approver block of the person's document.
 * @throws Error when the document has no such block (the template check reports it at setup).
 */
export function fillSignatureBlock(
  documentUrl: string,
  kind: BlockKind,
  values: Partial<Record<FieldKey, string>>,
): void {
  const view = openDoc(documentUrl);
  const block = analyseTemplate(view.lines)[kind];
  if (!block) throw new Error(`The document has no ${kind} signature block: check the template in Settings.`);
  applyEdits(view, fillBlock(block, values));
  view.doc.saveAndClose();
}
