import { docIdFrom, type Config } from '../core/config';
import { changedParagraphs, parseSnapshotDetails } from '../core/evidence';
import { nameKey } from '../core/names';
import type { SignatureRequest } from '../core/request';
import { documentText, sha256Hex } from '../gas/evidence';
import { withScriptLock } from '../gas/lock';
import { pendingFor } from '../gas/pending';
import { Tracking } from '../gas/tracking';
import { ukDate } from './context';

/** What Verify found for one request. */
export interface Verification {
  request: SignatureRequest;
  ok: boolean;
  /** One sentence per check, saying what matches or what differs. */
  findings: string[];
  audit: { timestamp: string; actor: string; action: string; details: string }[];
}

/**
 * Verify: recomputes a request's hashes from its stored document and signed PDF and compares them
 * with the last snapshot recorded in the (append-only) Audit sheet and with Document SHA-256 on
 * the Signatures sheet, naming what differs: the paragraphs changed since, a changed or missing
 * PDF, a Signatures cell that disagrees with the Audit. A returned request has nothing signed to
 * verify, and says so. Appends a "Verify" Audit row.
 * @returns undefined when no request matches `query` (a request ID, an email or a person's full
 * name, for their latest request)
 */
export function verifyRequest(config: Config, actor: string, query: string): Verification | undefined {
  const tracking = Tracking.open(config);
  const request = findRequests(tracking, query).pop();
  if (!request) return undefined;
  const audit = tracking.readAudit(request.requestId);
  const moment = latestMoment(request);
  const snap = audit
    .filter((a) => a.action === 'Evidence' && (!moment || a.details.startsWith(moment)))
    .map((a) => parseSnapshotDetails(a.details))
    .filter((s) => s !== undefined)
    .pop();
  const findings: string[] = [];
  let ok = true;
  const fail = (s: string): void => {
    ok = false;
    findings.push(s);
  };
  const owed = pendingFor(request.requestId)[0];
  if (request.status === 'Returned') {
    fail(
      `${request.name}'s AUP was returned (${request.notes}), so there is no signature to verify now: the withdrawn one, with its hash and PDF, stays in the Audit.`,
    );
  } else if (owed) {
    fail(
      `Incomplete evidence: the ${owed.stage === 'signed' ? 'signature' : 'counter-signature'} of ${ukDate(new Date(owed.at), true)} is recorded, but its document block, hash and PDF are still being taken.`,
    );
  } else if (!snap) {
    fail(
      moment
        ? `Incomplete evidence: ${request.name}'s AUP has no snapshot of its ${moment.split(' ')[0]} document (status ${request.status}).`
        : `${request.name}'s AUP has no signed snapshot yet (status ${request.status}).`,
    );
  } else {
    const now = documentText(DocumentApp.openById(docIdFrom(request.document)));
    const nowHash = sha256Hex(now);
    if (request.documentSha256 !== snap.textSha256) {
      fail(
        `The Signatures sheet's Document SHA-256 (${request.documentSha256 || 'empty'}) differs from the Audit's ${snap.textSha256}.`,
      );
    }
    if (nowHash === snap.textSha256) findings.push(`Document matches its signed text (SHA-256 ${nowHash}).`);
    else {
      const signed = DriveApp.getFileById(docIdFrom(snap.textUrl)).getBlob().getDataAsString();
      const trusted = sha256Hex(signed) === snap.textSha256;
      fail(
        `Document changed since it was signed (SHA-256 now ${nowHash}, signed ${snap.textSha256}): ${
          trusted ? changedParagraphs(signed, now).join('; ') : 'the text snapshot was changed too'
        }.`,
      );
    }
    const pdf = DriveApp.getFileById(docIdFrom(snap.pdfUrl));
    if (pdf.isTrashed()) fail(`The signed PDF ${snap.pdfUrl} is in the bin.`);
    else {
      const pdfHash = sha256Hex(pdf.getBlob().getBytes());
      if (pdfHash === snap.pdfSha256) findings.push(`Signed PDF matches (SHA-256 ${pdfHash}).`);
      else fail(`Signed PDF changed (SHA-256 now ${pdfHash}, recorded ${snap.pdfSha256}).`);
    }
  }
  withScriptLock(() =>
    tracking.appendAudit([
      {
        at: new Date(),
        actor,
        action: 'Verify',
        requestId: request.requestId,
        details: `${ok ? 'Passed' : 'Failed'}: ${findings.join(' ')}`,
      },
    ]),
  );
  return { request, ok, findings, audit };
}

/** The start of the Evidence details of the request's latest signature or approval, or '' before either. */
function latestMoment(r: SignatureRequest): string {
  if (r.approvedAt && (r.status === 'Approved' || r.status === 'Complete'))
    return `approved ${r.approvedAt.toISOString()}:`;
  if (r.signedAt && r.status !== 'Invited' && r.status !== 'Overdue')
    return `signed ${r.signedAt.toISOString()}:`;
  return '';
}

/**
 * The evidence pack for one person: a PDF in the signed-documents folder bringing together their
 * signed document's details, the hashes, a fresh Verify and their whole audit trail, for HR or a
 * governors' hearing. The working Google Doc is binned once the PDF is saved.
 * @returns the PDF's URL, or undefined when no request matches
 */
export function evidencePack(
  config: Config,
  actor: string,
  query: string,
): { url: string; verification: Verification } | undefined {
  const v = verifyRequest(config, actor, query);
  if (!v) return undefined;
  const r = v.request;
  const doc = DocumentApp.create(`Evidence pack — ${r.name} — ${r.policyVersion}`);
  const body = doc.getBody();
  body.appendParagraph(`Evidence pack: ${r.name}`).setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(
    `${config.schoolName} staff Acceptable Use Policy ${r.policyVersion}. Prepared ${ukDate(new Date(), true)} by ${actor}.`,
  );
  body.appendParagraph('The request').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  body.appendTable([
    ['Request ID', r.requestId],
    ['Person', `${r.name} <${r.email}>, ${r.role} (${r.staffType})`],
    ['Status', r.status],
    ['Signed', `${ukDate(r.signedAt, true)} via ${r.signedVia}, typed signature "${r.typedSignature}"`],
    ['Counter-signed', `${ukDate(r.approvedAt, true)} by ${r.approvedBy}; systems ${r.systems || 'none'}`],
    ['Document', r.document],
    ['Signed PDF', r.signedPdf],
    ['Document SHA-256', r.documentSha256],
    ['Agreement wording', config.agreementText],
    ['Agreement SHA-256', sha256Hex(config.agreementText)],
  ]);
  body
    .appendParagraph(`Verify: ${v.ok ? 'passed' : 'FAILED'}`)
    .setHeading(DocumentApp.ParagraphHeading.HEADING2);
  for (const f of v.findings) body.appendListItem(f);
  body.appendParagraph('Audit trail').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  body.appendTable([
    ['Time', 'Who', 'What', 'Details'],
    ...v.audit.map((a) => [a.timestamp, a.actor, a.action, a.details]),
  ]);
  doc.saveAndClose();
  const working = DriveApp.getFileById(doc.getId());
  const pdf = working.getAs('application/pdf').setName(`${doc.getName()}.pdf`);
  const saved = DriveApp.getFolderById(config.signedFolderId).createFile(pdf);
  working.setTrashed(true);
  return { url: saved.getUrl(), verification: v };
}

/**
 * The requests `query` names, oldest first: by request ID or email exactly, else by the person's
 * full name (case, accents and spacing aside, as the signing name check compares them).
 */
export function findRequests(tracking: Tracking, query: string): SignatureRequest[] {
  const wanted = query.trim().toLowerCase();
  const all = tracking.readSignatures().requests.map((s) => s.request);
  const exact = all.filter((r) => r.requestId.toLowerCase() === wanted || r.email === wanted);
  if (exact.length || !wanted) return exact;
  const name = nameKey(query);
  return all.filter((r) => nameKey(r.name) === name);
}

/**
 * People whose name contains `query` (case, accents and spacing aside), each once with their
 * latest request, at most `max`: for choosing whom to verify.
 */
export function peopleMatching(
  tracking: Tracking,
  query: string,
  max: number,
): { name: string; role: string; email: string; status: string; policyVersion: string }[] {
  const wanted = nameKey(query);
  if (!wanted) return [];
  const latest = new Map<string, SignatureRequest>();
  for (const s of tracking.readSignatures().requests) {
    const r = s.request;
    if (nameKey(r.name).includes(wanted) || r.email.includes(query.trim().toLowerCase()))
      latest.set(r.email, r);
  }
  return [...latest.values()].slice(0, max).map((r) => ({
    name: r.name,
    role: r.role,
    email: r.email,
    status: r.status,
    policyVersion: r.policyVersion,
  }));
}
