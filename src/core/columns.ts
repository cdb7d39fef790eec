/**
 * The tracking spreadsheet's sheets and their header rows (DESIGN.md §4, a contract relied on by
 * checks outside the code). Code finds columns by header text, never by position.
 */
export const SIGNATURES_SHEET = 'Signatures';
export const STAFF_SHEET = 'Staff';
export const AUDIT_SHEET = 'Audit';
export const DASHBOARD_SHEET = 'Dashboard';
export const TOKENS_SHEET = 'Form Tokens';
export const VERSIONS_SHEET = 'Versions';
export const RECORDS_SHEET = 'Records';

/**
 * In the order a business manager reads a person's row: who they are and where they stand first
 * (Name, Staff Type, Role, Status, Due By, Signed At, Approved By, Account), then the details, and
 * the request's ID, links and hash at the right. The texts are DESIGN.md's contract; the order is
 * only the one a new sheet is given.
 */
export const SIGNATURE_HEADERS = [
  'Name',
  'Staff Type',
  'Role',
  'Status',
  'Due By',
  'Signed At',
  'Approved By',
  'Account',
  'Email',
  'Policy Version',
  'Invited At',
  'Signed Via',
  'Typed Signature',
  'Approved At',
  'Systems',
  'Permissions',
  'Reminders Sent',
  'Last Reminder At',
  'Notes',
  'Request ID',
  'Document',
  'Signed PDF',
  'Document SHA-256',
] as const;

export const STAFF_HEADERS = [
  'Email',
  'Name',
  'Role',
  'Staff Type',
  'Personal Email',
  'Start Date',
  'Leaving Date',
] as const;

export const AUDIT_HEADERS = ['Timestamp', 'Actor', 'Action', 'Request ID', 'Details'] as const;

/** Single-use form tokens, stored only as their SHA-256 hashes so the sheet cannot be used to sign. */
export const TOKEN_HEADERS = ['Token SHA-256', 'Request ID', 'Issued At', 'Used At'] as const;

/**
 * One row per published policy version, in the order they were published: the wording people
 * were asked to sign from then on (a copy of the template as published, placeholders and clause
 * markers kept), its policy copy to read and its "changes" document. Kind: First, Substantive
 * (everyone re-signs) or Editorial (no one re-signs).
 */
export const VERSION_HEADERS = [
  'Policy Version',
  'Kind',
  'Published At',
  'Published By',
  'Template Copy',
  'Policy Copy',
  'Changes',
] as const;
export const VERSION_KINDS = ['First', 'Substantive', 'Editorial'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/**
 * One row per person who has left (or never joined): where their records stand, until when they
 * are kept, a hold a business manager set, the notice of their disposal and the disposal itself.
 */
export const RECORDS_HEADERS = [
  'Name',
  'Email',
  'Status',
  'Left On',
  'Keep Until',
  'Hold',
  'Notice Sent',
  'Disposed On',
] as const;
export type RecordsHeader = (typeof RECORDS_HEADERS)[number];

export type SignatureHeader = (typeof SIGNATURE_HEADERS)[number];
export type StaffHeader = (typeof STAFF_HEADERS)[number];
export type AuditHeader = (typeof AUDIT_HEADERS)[number];
export type TokenHeader = (typeof TOKEN_HEADERS)[number];

export const STATUSES = [
  'Invited',
  'Signed',
  'Approved',
  'Complete',
  'Returned',
  'Overdue',
  'Superseded',
] as const;
export type Status = (typeof STATUSES)[number];

export const CHANNELS = ['Gmail', 'Drive', 'Form'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACCOUNT_STATES = ['Active', 'Suspended', 'Pending admin', 'Not found', 'Error'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** Background colour per status for the Signatures sheet's conditional formatting. */
export const STATUS_COLOURS: Record<Status, string> = {
  Invited: '#fff2cc',
  Signed: '#cfe2f3',
  Approved: '#d9d2e9',
  Complete: '#d9ead3',
  Returned: '#f4cccc',
  Overdue: '#ea9999',
  Superseded: '#eeeeee',
};

/**
 * Positions of `wanted` headers in a sheet's actual header row.
 * @throws Error naming the sheet and each missing header, so a business manager can restore it.
 */
export function columnIndex<H extends string>(
  sheet: string,
  headerRow: readonly unknown[],
  wanted: readonly H[],
): Record<H, number> {
  const at = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = String(h).trim();
    if (key && !at.has(key)) at.set(key, i);
  });
  const missing = wanted.filter((h) => !at.has(h));
  if (missing.length) {
    throw new Error(
      `The ${sheet} sheet is missing the column(s) ${missing.join(', ')}: restore the header row.`,
    );
  }
  const out = {} as Record<H, number>;
  for (const h of wanted) out[h] = at.get(h) as number;
  return out;
}
