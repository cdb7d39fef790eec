import {
  maySendAt,
  sendingHours,
  addMonthsTo,
  cycleStartFor,
  daysBetween,
  nextFixedDate,
  nextReminderDay,
  nextVersionLabel,
  parseDays,
  parseResignRule,
} from '../../src/core/schedule';

describe('the annual cycle calendar', () => {
  it('reads re-sign rules as dates or months, and says how to write them', () => {
    expect(parseResignRule('1 September')).toEqual({ kind: 'fixed', month: 9, day: 1 });
    expect(parseResignRule('September 1st')).toEqual({ kind: 'fixed', month: 9, day: 1 });
    expect(parseResignRule('01/09')).toEqual({ kind: 'fixed', month: 9, day: 1 });
    expect(parseResignRule('12 months')).toEqual({ kind: 'months', months: 12 });
    expect(parseResignRule('31 February')).toMatch(/^Write when re-signing falls due/);
    expect(parseResignRule('soon')).toMatch(/not "soon"/);
  });

  it('finds the next fixed date strictly after a day', () => {
    expect(nextFixedDate({ month: 9, day: 1 }, '2026-09-01')).toBe('2027-09-01');
    expect(nextFixedDate({ month: 9, day: 1 }, '2026-08-31')).toBe('2026-09-01');
  });

  it('counts days and months across month ends and leap years', () => {
    expect(daysBetween('2026-09-01', '2026-09-15')).toBe(14);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    expect(addMonthsTo('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsTo('2026-09-01', 12)).toBe('2027-09-01');
  });

  it('names the next cycle', () => {
    expect(nextVersionLabel('2026-27', '2027-09-01')).toBe('2027-28');
    expect(nextVersionLabel('2099-00', '2100-09-01')).toBe('2100-01');
    expect(nextVersionLabel('2026-27 v2', '2027-09-01')).toBe('2027-28');
    expect(nextVersionLabel('Staff AUP v3', '2027-09-01')).toBe('Staff AUP v3 (2027)');
    expect(nextVersionLabel('Staff AUP v3 (2027)', '2028-09-01')).toBe('Staff AUP v3 (2028)');
  });

  it('schedules reminders 3 and 7 days after the invitation, then weekly', () => {
    const s = { afterDays: [3, 7], everyDays: 7 };
    expect(nextReminderDay(s, '2026-09-01', 0, null)).toBe('2026-09-04');
    expect(nextReminderDay(s, '2026-09-01', 1, '2026-09-04')).toBe('2026-09-08');
    expect(nextReminderDay(s, '2026-09-01', 2, '2026-09-08')).toBe('2026-09-15');
    expect(nextReminderDay(s, '2026-09-01', 3, '2026-09-16')).toBe('2026-09-23');
    expect(parseDays('7, 3 3')).toEqual([3, 7]);
    expect(parseDays('0, x')).toMatch(/^Reminder days are whole days/);
  });
});

describe('when a cycle set up today counts as opened', () => {
  it('is the last fixed date on or before today, or today under a months rule', () => {
    expect(cycleStartFor({ kind: 'fixed', month: 9, day: 1 }, '2026-08-20')).toBe('2025-09-01');
    expect(cycleStartFor({ kind: 'fixed', month: 9, day: 1 }, '2026-09-01')).toBe('2026-09-01');
    expect(cycleStartFor({ kind: 'months', months: 12 }, '2026-08-20')).toBe('2026-08-20');
  });
});

describe('the hours invitations, reminders and digests go out', () => {
  const weekdaysOnly = { sendHour: 9, weekendEmails: false };
  it('Monday to Friday from 7:00 until 19:00, unless weekends are allowed', () => {
    expect(maySendAt(1, 9, weekdaysOnly)).toBe(true);
    expect(maySendAt(5, 18, weekdaysOnly)).toBe(true);
    expect(maySendAt(5, 19, weekdaysOnly)).toBe(false);
    expect(maySendAt(3, 6, weekdaysOnly)).toBe(false);
    expect(maySendAt(6, 9, weekdaysOnly)).toBe(false);
    expect(maySendAt(7, 9, weekdaysOnly)).toBe(false);
    expect(maySendAt(7, 9, { ...weekdaysOnly, weekendEmails: true })).toBe(true);
  });
  it('always includes the daily run’s own hour, so its emails are never held for ever', () => {
    expect(maySendAt(2, 5, { sendHour: 5, weekendEmails: false })).toBe(true);
    expect(maySendAt(2, 21, { sendHour: 21, weekendEmails: false })).toBe(true);
    expect(maySendAt(2, 22, { sendHour: 21, weekendEmails: false })).toBe(false);
  });
});

describe('the sending hours in words', () => {
  it('says the days and the hours, widened to take in the daily run', () => {
    expect(sendingHours({ sendHour: 9, weekendEmails: false })).toBe('Monday to Friday, 07:00 to 19:00');
    expect(sendingHours({ sendHour: 21, weekendEmails: true })).toBe('every day, 07:00 to 22:00');
  });
});
