import { nameKey, namesMatch, unsafeText } from '../../src/core/names';

describe('typed signatures against the staff record', () => {
  it.each([
    ['siobhan ni bhriain', 'Siobhán Ní Bhriain'],
    ['ZOE LUKASIEWICZ', 'Zoë Łukasiewicz'],
    ['  Margaret   OConnell ', "Margaret O'Connell"],
    ['Jose Alvarez Nunez', 'José Álvarez-Núñez'],
    ['Bjorn Eriksson', 'Björn Eriksson'],
    ['Zoe', 'Zoë'],
    ['zoë', 'ZOE'],
    ['ΟΔΥΣΣΈΑΣ ΠΑΠΑΔΌΠΟΥΛΟΣ', 'Οδυσσέας Παπαδόπουλος'],
    ['Οδυσσεας Παπαδοπουλος', 'Οδυσσέας Παπαδόπουλος'],
    ['анастасия ковалёва', 'Анастасия Ковалёва'],
    ['Анастасия Ковалева', 'Анастасия Ковалёва'],
    ['李 小龍', '李小龍'],
    ['فاطمة الزهراء', 'فاطِمة الزَّهراء'],
    ['שרה כהן', 'שָׂרָה כֹּהֵן'],
    ['Siân Llŷr-Ifans', 'Sian Llyr Ifans'],
    ['Ffion ap Dafydd', 'Ffion ap-Dafydd'],
    ['Dilek Yıldız', 'Dilek Yildiz'],
    ['ananya   sharma', 'Ananya Sharma'],
    ['अनन्या शर्मा', 'अनन्या शर्मा'.normalize('NFD')],
    ['Ｚｏｅ', 'Zoe'],
  ])('"%s" matches "%s"', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(true);
  });

  it.each([
    ['Siobhan', 'Siobhán Ní Bhriain'],
    ['Zoe Lukasiewic', 'Zoë Łukasiewicz'],
    ['', ''],
    ['!!!', '???'],
    ['Анастасия', 'Анастасия Ковалёва'],
    ['李小', '李小龍'],
    ['Ivan', 'Иван'],
  ])('"%s" does not match "%s"', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(false);
  });

  it('folds accents, case, punctuation and spaces away', () => {
    expect(nameKey("Æthelflæd O'Brien-Øster")).toBe('aethelflaedobrienoster');
  });
});

describe('text that cannot stand on the roster', () => {
  it.each([
    ['a bell character', 'Ann\u0007 Lee', 'control character'],
    ['a vertical tab', 'Ann\u000bLee', 'control character'],
    ['a right-to-left override', 'Ann \u202eeeL', 'direction override'],
    ['a directional isolate', '\u2067Ann Lee\u2069', 'direction override'],
  ])('refuses %s', (_what, value, why) => {
    expect(unsafeText(value)).toContain(why);
  });

  it('accepts names in any script, with accents, hyphens and apostrophes', () => {
    for (const n of [
      'Zoë Łukasiewicz',
      'Οδυσσέας',
      'Анастасия',
      '李小龍',
      'فاطمة',
      'שרה',
      "Siân O'Neill-Jones",
    ])
      expect(unsafeText(n)).toBeUndefined();
  });
});
