import type { Config, PolicySharing } from '../core/config';
import { fillPlaceholders } from '../core/placeholders';
import type { SignatureRequest } from '../core/request';
import { analyseTemplate, fillBlock, type BlockKind, type FieldKey } from '../core/template';
import { linesToDrop, markerLines } from '../core/clauses';
import { shareQuietly } from '../gas/sharing';
import {
  RECORD_HEADING,
  RECORD_LABELS,
  RECORD_PENDING,
  recordEdit,
  recordText,
  type RecordEntry,
} from '../core/record';
import { applyEdits, openDoc, readDocMap, removeLines, updateDocument } from '../gas/documents';
import { documentRequests, textEditRequests, type DocMap } from '../core/doc-requests';
import { driveApi } from '../gas/advanced';
import { ukDate } from './context';

/** The personalised document's name in the signed-documents folder. */
export function docName(r: SignatureRequest): string {
  return `AUP ${r.policyVersion} — ${r.name} (${r.email})`;
}

/** The description a personal document gets once it is wholly made (filled and shared). */
export const DOC_READY = 'AUP Signer: ready';

/** The description a personal document has while it is being made. */
const DOC_MAKING = 'AUP Signer: being made';

/**
 * What making documents needs once per run: the template's structure (one `Documents.get`) and
 * the documents folder's files by name (one `Files.list` a page of 1,000), kept up to date as
 * documents are made.
 */
export interface DocumentRun {
  template: DocMap;
  files: Map<string, { id: string; description: string }[]>;
}

/** Reads the template and lists the documents folder, for a run that makes documents. */
export function documentRun(config: Config): DocumentRun {
  const files = new Map<string, { id: string; description: string }[]>();
  const q = `'${config.folderId}' in parents and trashed = false`;
  let pageToken: string | undefined;
  do {
    const page = driveApi().Files.list({
      q,
      pageSize: 1000,
      fields: 'nextPageToken, files(id, name, description)',
      ...(pageToken ? { pageToken } : {}),
    });
    for (const f of page.files ?? []) {
      const name = f.name ?? '';
      files.set(name, [...(files.get(name) ?? []), { id: f.id ?? '', description: f.description ?? '' }]);
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { template: readDocMap(config.templateDocId), files };
}

/**
 * Makes the person's document from the template in four calls: a Drive copy into the add-on's
 * folder (marked as being made), one Docs `batchUpdate` that leaves out the staff-type clauses
 * that do not apply and every clause marker, fills every placeholder (`approverNames` for
 * Approver Name, since who counter-signs is not known yet; inserted at positions, so values stay
 * literal) and adds the Signature record section, a share with the person (read only; the owner,
 * the business managers and the approvers reach it through the folder's sharing, so someone
 * taken off a list in Settings loses it), and the description {@link DOC_READY}. A retry after an
 * interrupted run reuses a ready document of the same name and bins a half-made one, so a person
 * never has two documents, nor one half made.
 * @returns the document's URL
 */
export function makePersonalDoc(
  config: Config,
  r: SignatureRequest,
  now: Date,
  approverNames: string,
  run: DocumentRun,
): string {
  const name = docName(r);
  const url = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;
  const same = run.files.get(name) ?? [];
  const ready = same.find((f) => f.description === DOC_READY);
  if (ready) return url(ready.id);
  for (const f of same) driveApi().Files.update({ trashed: true }, f.id);
  const copy = driveApi().Files.copy(
    { name, parents: [config.folderId], description: DOC_MAKING },
    config.templateDocId,
    { fields: 'id' },
  );
  const id = copy.id ?? '';
  const lines = run.template.lines;
  updateDocument(
    id,
    documentRequests(
      run.template,
      linesToDrop(lines, r.staffType),
      fillPlaceholders(lines, {
        'School Name': config.schoolName,
        Name: r.name,
        Role: r.role,
        'Staff Type': r.staffType,
        Email: r.email,
        'Policy Version': r.policyVersion,
        Date: ukDate(now),
        'Due By': ukDate(r.dueBy),
        'Approver Name': approverNames,
      }),
      {
        heading: RECORD_HEADING,
        lines: [
          `${RECORD_LABELS.user}${RECORD_PENDING.user}`,
          `${RECORD_LABELS.approver}${RECORD_PENDING.approver}`,
        ],
        style: 'HEADING_2',
      },
    ),
  );
  shareQuietly(id, [r.email], 'reader');
  driveApi().Files.update({ description: DOC_READY }, id);
  run.files.set(name, [{ id, description: DOC_READY }]);
  return url(id);
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

/** A blank signature line, as a printed form has it: what a returned AUP's signature and date go back to. */
const BLANK_LINE = '_'.repeat(24);

/**
 * Takes a returned signature off the person's document: the user block's signature and date go
 * back to a blank line, and the Signature record's line back to "awaiting signature" (one Docs
 * API read and one `batchUpdate`; nothing when the document has neither). The name and role,
 * filled at invitation, stay.
 */
export function clearSignatureBlock(documentUrl: string): void {
  const map = readDocMap(documentUrl);
  const block = analyseTemplate(map.lines).user;
  const edits = block ? fillBlock(block, { signature: BLANK_LINE, date: BLANK_LINE }) : [];
  const line = recordEdit(map.lines, 'user', RECORD_PENDING.user);
  const all = line ? [...edits, line] : edits;
  if (all.length) updateDocument(documentUrl, textEditRequests(map, all));
}
