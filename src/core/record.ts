import type { DocLine, TextEdit } from './template';

/**
 * The "Signature record" section every personalised document ends with, so that a template
 * whose signature blocks cannot be found inline still carries the signatures: a heading, then a
 * line for the signer and one for the approver, filled as each signs.
 */
export const RECORD_HEADING = 'Signature record';
export const RECORD_LABELS = { user: 'Signed by: ', approver: 'Counter-signed by: ' } as const;
export const RECORD_PENDING = { user: 'awaiting signature', approver: 'awaiting counter-signature' } as const;

/** One signature as the record lists it. */
export interface RecordEntry {
  name: string;
  email: string;
  role: string;
  /** Date and time in words, e.g. "21 November 2026 at 10:04". */
  at: string;
  channel: string;
  policyVersion: string;
}

/** The record line's text after its label. */
export function recordText(e: RecordEntry): string {
  return `${e.name} <${e.email}>, ${e.role || 'no role given'}, ${e.at}, via ${e.channel}, policy version ${e.policyVersion}`;
}

/**
 * The edit that writes `text` after the label of the signer's or approver's line of the last
 * Signature record section, or undefined when the document has none.
 */
export function recordEdit(
  lines: readonly DocLine[],
  kind: 'user' | 'approver',
  text: string,
): TextEdit | undefined {
  let heading = -1;
  lines.forEach((l, i) => {
    if (l.text.trim() === RECORD_HEADING) heading = i;
  });
  if (heading < 0) return undefined;
  const label = RECORD_LABELS[kind];
  const line = lines.findIndex((l, i) => i > heading && l.text.startsWith(label));
  if (line < 0) return undefined;
  return { line, start: label.length, end: (lines[line] as DocLine).text.length, text };
}
