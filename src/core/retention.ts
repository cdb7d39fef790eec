import { OPEN_TO_SIGN, type SignatureRequest } from './request';
import { addDaysTo, addMonthsTo } from './schedule';

/**
 * How long a person's signed records are kept, and what a month's records review does: pure
 * logic over their requests, their Staff sheet row and what the Records sheet remembers (a hold,
 * the notice sent, the disposal).
 */

/** A request that is not finished: nothing of its person is disposed of. */
const OPEN: readonly string[] = [...OPEN_TO_SIGN, 'Signed', 'Approved'];

/** The notice the business managers get before records are disposed of (days): a month. */
export const NOTICE_DAYS = 28;

/** What the Records sheet remembers of a person. */
export interface RecordsMemory {
  /** Who set a hold, when and why ('' when none). */
  hold: string;
  /** yyyy-mm-dd the business managers were told the records are due ('' before). */
  noticeSent: string;
  /** yyyy-mm-dd the records were disposed of ('' while kept). */
  disposedOn: string;
}

/** One person's records as a review sees them. */
export interface PersonRecords {
  email: string;
  name: string;
  requests: readonly SignatureRequest[];
  /** Their Staff sheet row, if they still have one. */
  staff?: { leavingDate: string };
  memory: RecordsMemory;
}

/** Where a person's records stand, and when they may go. */
export interface RecordsStatus {
  /** Why they are kept ('' when they are due), in words. */
  kept: string;
  /** yyyy-mm-dd they left (or, with no Staff row, their last request's last step), '' while current. */
  leftOn: string;
  /** yyyy-mm-dd from which they may be disposed of, '' while current or a request is open. */
  keepUntil: string;
}

/** The day (yyyy-mm-dd) `years` years after `day`. */
function addYears(day: string, years: number): string {
  return addMonthsTo(day, 12 * years);
}

/** The last day anything happened to the person's requests (yyyy-mm-dd, London days from `dayOf`). */
function lastActivity(requests: readonly SignatureRequest[], dayOf: (d: Date) => string): string {
  const days = requests
    .flatMap((r) => [r.invitedAt, r.signedAt, r.approvedAt])
    .filter((d): d is Date => d !== null);
  const sorted = days.map(dayOf).sort();
  return sorted[sorted.length - 1] ?? '';
}

/**
 * How long `p`'s records are kept: while they are on the Staff sheet without a Leaving Date that
 * has come, and while any request of theirs is open (Invited, Overdue, Returned, Signed, Approved),
 * always; otherwise until `keepYears` after they left (or, for someone who never completed a
 * request, `keepNeverJoinedYears` after it), counted from the Leaving Date or, with no Staff row,
 * from their last request's last step.
 * @param dayOf the London day of an instant
 */
export function recordsStatus(
  p: PersonRecords,
  settings: { keepYears: number; keepNeverJoinedYears: number },
  today: string,
  dayOf: (d: Date) => string,
): RecordsStatus {
  const current = p.staff !== undefined && (!p.staff.leavingDate || p.staff.leavingDate > today);
  if (current) return { kept: 'on the staff', leftOn: '', keepUntil: '' };
  const leftOn = p.staff?.leavingDate || lastActivity(p.requests, dayOf);
  if (!leftOn) return { kept: 'no date to count from', leftOn: '', keepUntil: '' };
  if (p.requests.some((r) => OPEN.includes(r.status)))
    return { kept: 'a request is open', leftOn, keepUntil: '' };
  const joined = p.requests.some((r) => r.status === 'Complete');
  const keepUntil = addYears(leftOn, joined ? settings.keepYears : settings.keepNeverJoinedYears);
  return { kept: keepUntil > today ? `kept until ${keepUntil}` : '', leftOn, keepUntil };
}

/**
 * What the review goes by for a person: the Records sheet's memory, with a notice the Audit shows
 * (`noticed`, yyyy-mm-dd) when the sheet lacks it, each notice counting only if it came after they
 * left (someone who came back and left again is told again); while they are on the staff, only a
 * hold (a disposal or notice from before they came back no longer stands).
 */
export function memoryFor(memory: RecordsMemory, status: RecordsStatus, noticed: string): RecordsMemory {
  if (status.kept === 'on the staff') return { hold: memory.hold, noticeSent: '', disposedOn: '' };
  const after = (day: string): string => (day && day >= status.leftOn ? day : '');
  return {
    hold: memory.hold,
    noticeSent: after(memory.noticeSent) || after(noticed),
    disposedOn: after(memory.disposedOn),
  };
}

/** What a month's review does for one person. */
export type ReviewAction = 'dispose' | 'notify' | 'none';

/**
 * The review's decision: records already disposed of, held, or kept stay as they are; records
 * due within a month whose business managers have not been told are notified; records due now
 * are disposed of once the notice went at least {@link NOTICE_DAYS} ago (so a notice always
 * comes first, a month ahead).
 */
export function reviewAction(status: RecordsStatus, memory: RecordsMemory, today: string): ReviewAction {
  if (memory.disposedOn || memory.hold || !status.keepUntil) return 'none';
  if (!memory.noticeSent) return status.keepUntil <= addMonthsTo(today, 1) ? 'notify' : 'none';
  return status.keepUntil <= today && addDaysTo(memory.noticeSent, NOTICE_DAYS) <= today ? 'dispose' : 'none';
}
