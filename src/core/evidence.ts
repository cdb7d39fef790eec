/**
 * Evidence checks, pure: what differs between the text that was signed and the document now,
 * and the audit details that let Verify find the snapshots again.
 */

/** The paragraphs that differ between two texts, by paragraph number, at most `max` of them. */
export function changedParagraphs(signed: string, now: string, max = 5): string[] {
  const a = signed.split('\n');
  const b = now.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < max; i++) {
    const was = a[i];
    const is = b[i];
    if (was === is) continue;
    if (is === undefined) out.push(`paragraph ${i + 1} removed: "${clip(was ?? '')}"`);
    else if (was === undefined) out.push(`paragraph ${i + 1} added: "${clip(is)}"`);
    else out.push(`paragraph ${i + 1} was "${clip(was)}", now "${clip(is)}"`);
  }
  return out;
}

/** Audit details recording a snapshot, in a form {@link parseSnapshotDetails} reads back. */
export function snapshotDetails(s: {
  textSha256: string;
  pdfSha256: string;
  pdfUrl: string;
  textUrl: string;
}): string {
  return `document SHA-256 ${s.textSha256}; PDF SHA-256 ${s.pdfSha256}; PDF ${s.pdfUrl}; text ${s.textUrl}`;
}

/** The snapshot recorded in an Audit row's details, or undefined. */
export function parseSnapshotDetails(
  details: string,
): { textSha256: string; pdfSha256: string; pdfUrl: string; textUrl: string } | undefined {
  const m = /document SHA-256 ([0-9a-f]{64}); PDF SHA-256 ([0-9a-f]{64}); PDF (\S+); text (\S+)/.exec(
    details,
  );
  if (!m) return undefined;
  return {
    textSha256: m[1] as string,
    pdfSha256: m[2] as string,
    pdfUrl: m[3] as string,
    textUrl: m[4] as string,
  };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
