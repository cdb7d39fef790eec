import { docIdFrom, type Config } from '../core/config';
import { snapshotDetails } from '../core/evidence';
import type { SignatureRequest } from '../core/request';
import { snapshot } from '../gas/evidence';
import { mutate } from './store';

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

/**
 * Takes the evidence of a claimed signature or approval outside the script lock (the document and
 * PDF work takes seconds), then records it in a short locked write: Document SHA-256 and Signed
 * PDF on the row, if it is still the same signing (the same Signed At or Approved At), and an
 * "Evidence" Audit row either way.
 * @returns the request with its evidence
 */
export function attachEvidence(
  config: Config,
  r: SignatureRequest,
  stage: 'signed' | 'approved',
  at: Date,
  actor: string,
): SignatureRequest {
  const evidence = recordEvidence(config, r, stage, at);
  return mutate(config, (snap) => {
    const stored = snap.requests.find((s) => s.request.requestId === r.requestId);
    const moment = stored && (stage === 'signed' ? stored.request.signedAt : stored.request.approvedAt);
    const same = stored && moment && moment.getTime() === at.getTime();
    const updated =
      stored && same
        ? {
            ...stored.request,
            documentSha256: evidence.request.documentSha256,
            signedPdf: evidence.request.signedPdf,
          }
        : evidence.request;
    return {
      changed: stored && same ? [{ row: stored.row, request: updated }] : [],
      audit: [
        {
          at: new Date(),
          actor,
          action: 'Evidence',
          requestId: r.requestId,
          details: `${stage}: ${evidence.details}`,
        },
      ],
      result: updated,
    };
  });
}
