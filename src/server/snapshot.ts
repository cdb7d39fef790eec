import { docIdFrom, type Config } from '../core/config';
import { snapshotDetails } from '../core/evidence';
import type { SignatureRequest } from '../core/request';
import { snapshot } from '../gas/evidence';

/**
 * Takes the evidence of a request's document at signing or approval: a PDF and a text snapshot in
 * the signed-documents folder. Returns the request with Document SHA-256 and Signed PDF set, and
 * the Audit details recording both hashes and where the snapshots are.
 */
export function recordEvidence(
  config: Config,
  r: SignatureRequest,
  stage: 'signed' | 'approved',
  at: Date,
): { request: SignatureRequest; details: string } {
  const label = `${stage} ${Utilities.formatDate(at, 'Europe/London', 'yyyy-MM-dd HH.mm')}`;
  const s = snapshot(docIdFrom(r.document), config.signedFolderId, label);
  return {
    request: { ...r, documentSha256: s.textSha256, signedPdf: s.pdfUrl },
    details: snapshotDetails(s),
  };
}
