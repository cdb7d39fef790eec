import { count, dueTense, dueWords, listOf, personWithRole, pluralWord } from '../../src/core/words';

describe('en-GB wording rules', () => {
  it('counts with the right plural, "no" for none, and thousands separated', () => {
    expect(count(1, 'reminder')).toBe('1 reminder');
    expect(count(2, 'reminder')).toBe('2 reminders');
    expect(count(0, 'reminder')).toBe('no reminders');
    expect(count(1, 'person')).toBe('1 person');
    expect(count(2000, 'person')).toBe('2,000 people');
    expect(count(3, 'AUP')).toBe('3 AUPs');
    expect(pluralWord(2, 'has')).toBe('have');
    expect(pluralWord(1, 'has')).toBe('has');
    expect(pluralWord(2, 'box')).toBe('boxes');
  });

  it('lists names as a sentence does, without an Oxford comma', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['Ann'])).toBe('Ann');
    expect(listOf(['Ann', 'Bea'])).toBe('Ann and Bea');
    expect(listOf(['Ann', 'Bea', 'Cai'])).toBe('Ann, Bea and Cai');
    expect(listOf(['Ann', 'Bea'], 'or')).toBe('Ann or Bea');
  });

  it('puts a due date in the right tense: before, on and after the day', () => {
    expect(dueTense('2026-09-15', '2026-09-14')).toBe('future');
    expect(dueTense('2026-09-15', '2026-09-15')).toBe('today');
    expect(dueTense('2026-09-15', '2026-09-16')).toBe('past');
    expect(dueWords('future', '15 September 2026')).toBe('is due by 15 September 2026');
    expect(dueWords('today', '15 September 2026')).toBe('is due today (15 September 2026)');
    expect(dueWords('past', '15 September 2026')).toBe('was due on 15 September 2026');
  });

  it('names a person with their role, or alone without one', () => {
    expect(personWithRole('Alex Okafor', 'Headteacher')).toBe('Alex Okafor (Headteacher)');
    expect(personWithRole('Alex Okafor', '')).toBe('Alex Okafor');
  });
});
