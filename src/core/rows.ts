import { type AccountState, type Channel, type SignatureHeader, type Status } from './columns';
import { dateOrNull, type SignatureRequest } from './request';
import { fromSheet } from './safe';

/** A cell value as Sheets gives and takes it. */
export type Cell = string | number | boolean | Date;

/** The request in a Signatures row, its cells found by header position. */
export function requestFromRow(
  row: readonly unknown[],
  col: Record<SignatureHeader, number>,
): SignatureRequest {
  const s = (h: SignatureHeader): string => {
    const v = row[col[h]];
    return v === undefined || v === null ? '' : fromSheet(String(v));
  };
  const d = (h: SignatureHeader): Date | null => dateOrNull(row[col[h]]);
  return {
    requestId: s('Request ID'),
    email: s('Email').toLowerCase(),
    name: s('Name'),
    role: s('Role'),
    staffType: s('Staff Type'),
    policyVersion: s('Policy Version'),
    status: statusOf(s('Status')),
    dueBy: d('Due By'),
    invitedAt: d('Invited At'),
    signedAt: d('Signed At'),
    signedVia: s('Signed Via') as Channel | '',
    typedSignature: s('Typed Signature'),
    document: s('Document'),
    signedPdf: s('Signed PDF'),
    documentSha256: s('Document SHA-256'),
    approvedBy: s('Approved By'),
    approvedAt: d('Approved At'),
    systems: s('Systems'),
    permissions: s('Permissions'),
    account: s('Account') as AccountState | '',
    remindersSent: Number(row[col['Reminders Sent']]) || 0,
    lastReminderAt: d('Last Reminder At'),
    notes: s('Notes'),
  };
}

/** The request's cells by header, for writing (empty cells as ''). */
export function cellsOf(r: SignatureRequest): Record<SignatureHeader, Cell> {
  const v = (x: Date | null): Cell => x ?? '';
  return {
    'Request ID': r.requestId,
    Email: r.email,
    Name: r.name,
    Role: r.role,
    'Staff Type': r.staffType,
    'Policy Version': r.policyVersion,
    Status: r.status,
    'Due By': v(r.dueBy),
    'Invited At': v(r.invitedAt),
    'Signed At': v(r.signedAt),
    'Signed Via': r.signedVia,
    'Typed Signature': r.typedSignature,
    Document: r.document,
    'Signed PDF': r.signedPdf,
    'Document SHA-256': r.documentSha256,
    'Approved By': r.approvedBy,
    'Approved At': v(r.approvedAt),
    Systems: r.systems,
    Permissions: r.permissions,
    Account: r.account,
    'Reminders Sent': r.remindersSent,
    'Last Reminder At': v(r.lastReminderAt),
    Notes: r.notes,
  };
}

/**
 * Groups column positions into runs of adjacent columns, so a row block is written with one
 * `setValues` per run (one run when nobody inserted a column of their own in between).
 */
export function columnRuns(positions: readonly number[]): number[][] {
  const sorted = [...positions].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === p - 1) last.push(p);
    else runs.push([p]);
  }
  return runs;
}

/** A Status cell as a status: "Rejected", written by sheets before "Returned", reads as Returned. */
function statusOf(text: string): Status {
  return (text === 'Rejected' ? 'Returned' : text) as Status;
}
