/**
 * How long each thing people type may be, checked where it comes in (a card, the Form, the Staff
 * sheet, the settings) so that nothing downstream breaks on it. The outer limits are Google's:
 * a Sheets cell holds at most 50,000 characters; a MailApp subject at most 250 (longer throws);
 * the rest are set well inside them for what each field is.
 */
export const LIMITS = {
  /** A person's name (Staff sheet, typed signature). */
  name: 100,
  role: 100,
  staffType: 40,
  email: 254,
  /** The school's name goes into every email subject (at most 250 characters in all). */
  schoolName: 100,
  policyVersion: 30,
  /** A system an approver grants, and the additional permissions typed on the review card. */
  system: 60,
  permissions: 300,
  /** Why an approver returns an AUP. */
  reason: 500,
  /** A list in the settings (approvers, business managers, staff types, systems), in entries. */
  listEntries: 50,
  /** The policy itself: characters of the template's text. */
  templateChars: 1_000_000,
  /** Google's: characters in one Sheets cell. */
  cell: 50_000,
  /** Google's: characters in a MailApp subject. */
  subject: 250,
} as const;

export type LimitedField = Exclude<keyof typeof LIMITS, 'cell' | 'subject' | 'templateChars' | 'listEntries'>;

/** Words for each field in the messages people see. */
const LABELS: Record<LimitedField, string> = {
  name: 'A name',
  role: 'A role',
  staffType: 'A staff type',
  email: 'An email address',
  schoolName: 'The school name',
  policyVersion: 'The policy version',
  system: 'A system',
  permissions: 'Additional permissions',
  reason: 'The reason',
};

/**
 * Why `value` is too long for `field`, in words a person can act on, or undefined when it fits.
 * Characters are counted as people see them (code points), not UTF-16 units.
 */
export function tooLong(field: LimitedField, value: string): string | undefined {
  const max = LIMITS[field];
  const n = [...value].length;
  return n > max ? `${LABELS[field]} may be at most ${max} characters (this one has ${n}).` : undefined;
}

/**
 * Text for one Sheets cell, never past Google's 50,000 characters: what the add-on writes of its
 * own (Audit details, notes) is cut with a mark saying so, so the write never fails.
 */
export function fitCell(value: string): string {
  if (value.length <= LIMITS.cell) return value;
  const mark = ' … (cut to fit a cell)';
  return value.slice(0, LIMITS.cell - mark.length) + mark;
}

/**
 * Why a template is too large to be the policy (more than `LIMITS.templateChars` characters of
 * text: every person's copy, PDF and hash is made from it), or undefined when it fits.
 */
export function templateTooLong(lines: readonly { text: string }[]): string | undefined {
  const n = lines.reduce((sum, l) => sum + l.text.length, 0);
  return n > LIMITS.templateChars
    ? `The template has ${n.toLocaleString('en-GB')} characters of text; an AUP may have at most ${LIMITS.templateChars.toLocaleString('en-GB')}: split off the appendices.`
    : undefined;
}
