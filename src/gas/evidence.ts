/** Hex of a SHA-256 digest (Utilities.computeDigest gives signed bytes, -128..127). */
export function sha256Hex(value: string | GoogleAppsScript.Byte[]): string {
  const digest =
    typeof value === 'string'
      ? Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, value, Utilities.Charset.UTF_8)
      : Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, value);
  return digest.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** A document's text as evidence hashes it: the body's text (DocumentApp Body.getText). */
export function documentText(doc: GoogleAppsScript.Document.Document): string {
  return doc.getBody().getText();
}

/** What a snapshot saved: the PDF and the text, with their SHA-256s. */
export interface Snapshot {
  textSha256: string;
  pdfUrl: string;
  pdfSha256: string;
  textUrl: string;
}

/**
 * Saves the evidence of a document at one moment (signing, approval) in the signed-documents
 * folder: a PDF export (File.getAs) and the plain text it was hashed from, named after the
 * document and `stage`; returns their URLs and SHA-256s. With `again` (a run taking over from one
 * that stopped), files of the same names that run may have left are put in the bin first, so the
 * folder never holds two snapshots of one moment.
 */
export function snapshot(documentId: string, folderId: string, stage: string, again = false): Snapshot {
  const doc = DocumentApp.openById(documentId);
  const text = documentText(doc);
  const name = `${doc.getName()} — ${stage}`;
  const folder = DriveApp.getFolderById(folderId);
  if (again) {
    for (const leftover of [`${name}.pdf`, `${name}.txt`]) {
      const files = folder.getFilesByName(leftover);
      while (files.hasNext()) files.next().setTrashed(true);
    }
  }
  const pdf = DriveApp.getFileById(documentId).getAs('application/pdf').setName(`${name}.pdf`);
  const pdfFile = folder.createFile(pdf);
  const textFile = folder.createFile(`${name}.txt`, text, 'text/plain');
  return {
    textSha256: sha256Hex(text),
    pdfUrl: pdfFile.getUrl(),
    pdfSha256: sha256Hex(pdf.getBytes()),
    textUrl: textFile.getUrl(),
  };
}
