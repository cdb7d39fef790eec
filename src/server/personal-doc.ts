import type { Config, PolicySharing } from '../core/config';
import { fillPlaceholders } from '../core/placeholders';
import type { SignatureRequest } from '../core/request';
import { analyseTemplate, fillBlock, type BlockKind, type FieldKey } from '../core/template';
import { markerLines } from '../core/clauses';
import { personalise } from '../gas/personalise';
import { shareQuietly } from '../gas/sharing';
import {
  RECORD_HEADING,
  RECORD_LABELS,
  RECORD_PENDING,
  recordEdit,
  recordText,
  type RecordEntry,
} from '../core/record';
import {
  appendSection,
  applyEdits,
  openDoc,
  readDocMap,
  removeLines,
  updateDocument,
} from '../gas/documents';
import { textEditRequests } from '../core/doc-requests';
import { ukDate } from './context';

/** The personalised document's name in the signed-documents folder. */
export function docName(r: SignatureRequest): string {
  return `AUP ${r.policyVersion} — ${r.name} (${r.email})`;
}

/** The description a personal document gets once it is wholly made (filled and shared). */
export const DOC_READY = 'AUP Signer: ready';

/**
 * Makes the person's document from the template: a copy in the add-on's folder with the
 * staff-type clauses that do not apply to them and every clause marker removed, every
 * placeholder filled (`approverNames` for Approver Name, since who counter-signs is not known
 * yet), and a Signature record section at the end. The person can only read it; the owner and
 * the business managers can edit it and the approvers read it, through the folder's sharing (so
 * someone taken off a list in Settings loses it). Marked {@link DOC_READY} (its Drive description) as the last
 * step: a retry after an interrupted run reuses a ready copy of the same name and trashes a
 * half-made one, so a person never has two documents, nor one half made.
 * @returns the document's URL
 */
export function makePersonalDoc(
  config: Config,
  r: SignatureRequest,
  now: Date,
  approverNames: string,
): string {
  const folder = DriveApp.getFolderById(config.folderId);
  const name = docName(r);
  const existing = folder.getFilesByName(name);
  while (existing.hasNext()) {
    const f = existing.next();
    if (f.isTrashed()) continue;
    if (f.getDescription() === DOC_READY) return f.getUrl();
    f.setTrashed(true);
  }
  const file = DriveApp.getFileById(config.templateDocId).makeCopy(name, folder);
  const doc = DocumentApp.openById(file.getId());
  const body = doc.getBody();
  personalise(body, r.staffType, {
    'School Name': config.schoolName,
    Name: r.name,
    Role: r.role,
    'Staff Type': r.staffType,
    Email: r.email,
    'Policy Version': r.policyVersion,
    Date: ukDate(now),
    'Due By': ukDate(r.dueBy),
    'Approver Name': approverNames,
  });
  appendSection(body, RECORD_HEADING, [
    `${RECORD_LABELS.user}${RECORD_PENDING.user}`,
    `${RECORD_LABELS.approver}${RECORD_PENDING.approver}`,
  ]);
  doc.saveAndClose();
  shareQuietly(file.getId(), [r.email], 'reader');
  file.setDescription(DOC_READY);
  return file.getUrl();
}

/** The name of a version's policy copy for new starters. */
export function policyCopyName(settings: Pick<Config, 'schoolName' | 'policyVersion'>): string {
  return `AUP ${settings.policyVersion} — ${settings.schoolName} (to read)`;
}

/**
 * A copy of the policy for new starters to read (school-wide placeholders filled, personal ones
 * left empty, clause markers removed), not yet shared: {@link sharePolicy} does that.
 * @returns the copy
 */
export function makePolicyCopy(
  settings: Pick<Config, 'schoolName' | 'policyVersion' | 'templateDocId'>,
  folderId: string,
): GoogleAppsScript.Drive.File {
  const file = DriveApp.getFileById(settings.templateDocId).makeCopy(
    policyCopyName(settings),
    DriveApp.getFolderById(folderId),
  );
  const view = openDoc(file.getId());
  removeLines(view, markerLines(view.lines));
  applyEdits(
    view,
    fillPlaceholders(view.lines, {
      'School Name': settings.schoolName,
      'Policy Version': settings.policyVersion,
    }),
  );
  view.doc.saveAndClose();
  return file;
}

/**
 * Lets anyone with the link read the policy copy (new starters have no school account yet). Where
 * the tenant blocks sharing outside the domain, DriveApp refuses ("Access denied: DriveApp.") and
 * the copy is shared with the domain instead: new starters then read the PDF attached to their
 * invitation, and the Form shows what they agree to.
 */
export function sharePolicy(file: GoogleAppsScript.Drive.File): PolicySharing {
  try {
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    return 'anyone';
  } catch (e) {
    if (!/Access denied/i.test(String((e as Error)?.message ?? e))) throw e;
    file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
    return 'domain';
  }
}

/**
 * Fills the user or approver block of the person's document where the template has one, and
 * their line of the Signature record section: one Docs API read and one `batchUpdate`.
 */
export function fillSignatureBlock(
  documentUrl: string,
  kind: BlockKind,
  values: Partial<Record<FieldKey, string>>,
  record: RecordEntry,
): void {
  const map = readDocMap(documentUrl);
  const block = analyseTemplate(map.lines)[kind];
  const edits = block ? fillBlock(block, values) : [];
  const line = recordEdit(map.lines, kind, recordText(record));
  updateDocument(documentUrl, textEditRequests(map, line ? [...edits, line] : edits));
}
