/**
 * English (en-GB) wording rules for what people read: counts with the right plural, lists of
 * names, and due dates in the right tense. Pure: dates are formatted by the caller.
 */

/** Irregular plurals the add-on's words need. */
const PLURALS: Record<string, string> = { person: 'people', is: 'are', has: 'have', was: 'were' };

/** The word for `n` of it: "reminder" → "reminders", "person" → "people" (1 keeps the singular). */
export function pluralWord(n: number, word: string): string {
  if (n === 1) return word;
  return PLURALS[word] ?? (/(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
}

/** `n` and its word: "1 reminder", "3 reminders", "2 people", "no reminders" for 0. */
export function count(n: number, word: string): string {
  return `${n === 0 ? 'no' : n.toLocaleString('en-GB')} ${pluralWord(n, word)}`;
}

/**
 * Names joined as a sentence lists them: "Ann", "Ann and Bea", "Ann, Bea and Cai" (no Oxford
 * comma); with `or`, "Ann or Bea" for a choice.
 */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] as string}`;
}

/** Whether a due day (yyyy-mm-dd) is before, on or after `today` (yyyy-mm-dd), both in one time zone. */
export type DueTense = 'future' | 'today' | 'past';

/** The tense of a due day against today (both yyyy-mm-dd, compared as text). */
export function dueTense(dueDay: string, today: string): DueTense {
  return dueDay > today ? 'future' : dueDay === today ? 'today' : 'past';
}

/** "is due by 30 September", "is due today (30 September)" or "was due on 30 September". */
export function dueWords(tense: DueTense, dueDate: string): string {
  if (tense === 'future') return `is due by ${dueDate}`;
  if (tense === 'today') return `is due today (${dueDate})`;
  return `was due on ${dueDate}`;
}

/** A person as others read them: "Alex Okafor (Headteacher)", the name alone without a role. */
export function personWithRole(name: string, role: string): string {
  return role ? `${name} (${role})` : name;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-09-01" as en-GB words, "1 September 2026" (anything else as it is). */
export function dayInWords(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}
