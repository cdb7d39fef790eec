/**
 * The annual cycle's calendar, pure: days are local dates `yyyy-mm-dd` (Europe/London, as the
 * adapter formats them), so no time-zone arithmetic happens here.
 */

/** When re-signing falls due: a fixed date each year, or some months after the person's last signature. */
export type ResignRule = { kind: 'fixed'; month: number; day: number } | { kind: 'months'; months: number };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Parses "1 September", "September 1", "01-09" or "12 months".
 * @returns the rule, or a message saying how to write it
 */
export function parseResignRule(text: string): ResignRule | string {
  const t = text.trim().toLowerCase();
  const months = /^(\d{1,2})\s*months?$/.exec(t);
  if (months) {
    const n = Number(months[1]);
    return n >= 1 && n <= 36 ? { kind: 'months', months: n } : 'Re-sign after 1 to 36 months.';
  }
  const named =
    /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)$/.exec(t) ?? /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (named) {
    const [a, b] = [named[1] as string, named[2] as string];
    const day = Number(/^\d/.test(a) ? a : b);
    const month = MONTHS.findIndex((m) => m.startsWith((/^\d/.test(a) ? b : a).slice(0, 3))) + 1;
    if (month > 0 && day >= 1 && day <= daysIn(month)) return { kind: 'fixed', month, day };
  }
  const numeric = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (numeric) {
    const day = Number(numeric[1]);
    const month = Number(numeric[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month)) return { kind: 'fixed', month, day };
  }
  return `Write when re-signing falls due as a date ("1 September") or a number of months ("12 months"), not "${text}".`;
}

/**
 * The day the next cycle opens: the fixed date after the current cycle opened, or N months after
 * it opened (so N months after the signatures it collected).
 */
export function nextCycleDay(rule: ResignRule, cycleOpenedOn: string): string {
  return rule.kind === 'fixed' ? nextFixedDate(rule, cycleOpenedOn) : addMonthsTo(cycleOpenedOn, rule.months);
}

/**
 * The day a cycle set up on `today` counts as opened: the last fixed re-sign date on or before
 * today (so a school setting up in August under "1 September" is not rolled over a week later),
 * or today for a months rule.
 */
export function cycleStartFor(rule: ResignRule, today: string): string {
  if (rule.kind === 'months') return today;
  const thisYear = ymd(Number(today.slice(0, 4)), rule.month, rule.day);
  return thisYear <= today ? thisYear : ymd(Number(today.slice(0, 4)) - 1, rule.month, rule.day);
}

/** The fixed re-sign date that follows `after` (a `yyyy-mm-dd`), strictly later. */
export function nextFixedDate(rule: { month: number; day: number }, after: string): string {
  const year = Number(after.slice(0, 4));
  const candidate = ymd(year, rule.month, rule.day);
  return candidate > after ? candidate : ymd(year + 1, rule.month, rule.day);
}

/** Whole days from day `a` to day `b` (`yyyy-mm-dd`), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Day `d` plus `n` whole days. */
export function addDaysTo(d: string, n: number): string {
  const t = new Date(toUtc(d) + n * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Day `d` plus `n` months, clamped to the month's last day. */
export function addMonthsTo(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  return ymd(year, month, Math.min(Number(d.slice(8, 10)), daysIn(month, year)));
}

/**
 * The label of the next annual cycle: an academic-year label ("2026-27", "2026-27 v2") becomes the
 * next academic year ("2027-28"); other labels get the year.
 */
export function nextVersionLabel(version: string, today: string): string {
  const m = /^(\d{4})[-/](\d{2}|\d{4})\b/.exec(version.trim());
  if (m) {
    const start = Number(m[1]) + 1;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  }
  return `${version.replace(/\s*\(\d{4}\)$/, '')} (${today.slice(0, 4)})`;
}

/** The reminder schedule: days after the invitation, then every `everyDays` after the last. */
export interface ReminderSchedule {
  afterDays: number[];
  everyDays: number;
}

/**
 * The day the next reminder of a request is due, from its invitation day, how many reminders it
 * has had and the day of the last one.
 */
export function nextReminderDay(
  s: ReminderSchedule,
  invited: string,
  sent: number,
  last: string | null,
): string {
  const offset = s.afterDays[sent];
  if (offset !== undefined) return addDaysTo(invited, offset);
  return addDaysTo(last ?? addDaysTo(invited, s.afterDays[s.afterDays.length - 1] ?? 0), s.everyDays);
}

/** Parses "3, 7" into days after the invitation (ascending, 1 to 60). */
export function parseDays(text: string): number[] | string {
  const days = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) {
    return `Reminder days are whole days after the invitation, 1 to 60, separated by commas ("3, 7"), not "${text}".`;
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toUtc(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function daysIn(month: number, year = 2024): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first hour (Europe/London) invitations, reminders and digests may go out. */
export const SEND_FROM_HOUR = 7;
/** The hour (Europe/London) from which they wait for the next working day. */
export const SEND_UNTIL_HOUR = 19;

/**
 * Whether invitations, reminders and digests may be sent at this London time: Monday to Friday
 * (any day when weekend emails are allowed), from {@link SEND_FROM_HOUR} until
 * {@link SEND_UNTIL_HOUR}, widened to take in the daily run's own hour.
 * @param weekday ISO day of the week, 1 (Monday) to 7 (Sunday)
 * @param hour 0-23
 */
export function maySendAt(
  weekday: number,
  hour: number,
  settings: { sendHour: number; weekendEmails: boolean },
): boolean {
  if (weekday >= 6 && !settings.weekendEmails) return false;
  const { from, until } = sendWindow(settings);
  return hour >= from && hour < until;
}

/** The hours (Europe/London, `until` excluded) emails may go out: 07:00-19:00, widened to take in the daily run's hour. */
export function sendWindow(settings: { sendHour: number }): { from: number; until: number } {
  return {
    from: Math.min(SEND_FROM_HOUR, settings.sendHour),
    until: Math.max(SEND_UNTIL_HOUR, settings.sendHour + 1),
  };
}

/** When emails may go out, in words: "Monday to Friday, 07:00 to 19:00". */
export function sendingHours(settings: { sendHour: number; weekendEmails: boolean }): string {
  const { from, until } = sendWindow(settings);
  const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;
  return `${settings.weekendEmails ? 'every day' : 'Monday to Friday'}, ${hh(from)} to ${hh(until)}`;
}
