import { LIMITS, tooLong } from './limits';
import { fromSheet, isEmail, normaliseEmail, oneLine } from './safe';
import { dateOrNull } from './request';
import { unsafeText } from './names';
import type { StaffHeader } from './columns';

/** A person on the Staff sheet. */
export interface StaffMember {
  email: string;
  name: string;
  role: string;
  staffType: string;
  /** Set for new starters, whose invitation goes to this address with the form link. */
  personalEmail: string;
  startDate: Date | null;
  leavingDate: Date | null;
  /** 1-based row number on the Staff sheet. */
  row: number;
}

/** The valid staff and, for each bad row, its row number and what to fix. */
export interface Roster {
  staff: StaffMember[];
  problems: { row: number; message: string }[];
}

/**
 * Reads the Staff sheet's data rows (header excluded, first data row is sheet row 2). Bad rows
 * (malformed email, unknown staff type, duplicate email, missing name, a name, role or address
 * longer than `LIMITS` allows) are reported by row number
 * and skipped; blank rows are ignored.
 */
export function parseRoster(
  rows: readonly (readonly unknown[])[],
  col: Record<StaffHeader, number>,
  staffTypes: readonly string[],
): Roster {
  const staff: StaffMember[] = [];
  const problems: Roster['problems'] = [];
  const seen = new Map<string, number>();
  const typeByKey = new Map(staffTypes.map((t) => [t.toLowerCase(), t]));
  rows.forEach((r, i) => {
    const row = i + 2;
    const s = (h: StaffHeader): string => oneLine(fromSheet(String(r[col[h]] ?? '')));
    if (r.every((v) => String(v ?? '').trim() === '')) return;
    const email = normaliseEmail(s('Email'));
    const personalEmail = normaliseEmail(s('Personal Email'));
    const name = s('Name');
    const staffType = typeByKey.get(s('Staff Type').toLowerCase());
    const bad: string[] = [];
    if (!isEmail(email)) bad.push(`email "${s('Email').slice(0, LIMITS.email)}" is not a valid address`);
    if (personalEmail && !isEmail(personalEmail))
      bad.push(`personal email "${personalEmail.slice(0, LIMITS.email)}" is not a valid address`);
    if (!name) bad.push('the name is empty');
    for (const h of ['Name', 'Role'] as const) {
      const why = unsafeText(String(r[col[h]] ?? ''));
      if (why) bad.push(`the ${h.toLowerCase()} cannot be used as it is: ${why}`);
    }
    for (const [field, value] of [
      ['name', name],
      ['role', s('Role')],
      ['email', email],
      ['email', personalEmail],
    ] as const) {
      const long = tooLong(field, value);
      if (long) bad.push(long.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()));
    }
    if (!staffType) bad.push(`staff type "${s('Staff Type')}" is not one of ${staffTypes.join(', ')}`);
    const first = seen.get(email);
    if (isEmail(email) && first !== undefined) bad.push(`${email} is already on row ${first}`);
    if (bad.length) {
      problems.push({ row, message: `Staff row ${row}: ${bad.join('; ')}.` });
      return;
    }
    seen.set(email, row);
    staff.push({
      email,
      name,
      role: s('Role'),
      staffType: staffType as string,
      personalEmail,
      startDate: dateOrNull(r[col['Start Date']]),
      leavingDate: dateOrNull(r[col['Leaving Date']]),
      row,
    });
  });
  return { staff, problems };
}
