import { nameKey, namesMatch } from '../../src/core/names';

describe('typed signatures against the staff record', () => {
  it.each([
    ['siobhan ni bhriain', 'Siobhán Ní Bhriain'],
    ['ZOE LUKASIEWICZ', 'Zoë Łukasiewicz'],
    ['  Margaret   OConnell ', "Margaret O'Connell"],
    ['Jose Alvarez Nunez', 'José Álvarez-Núñez'],
    ['Bjorn Eriksson', 'Björn Eriksson'],
  ])('"%s" matches "%s"', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(true);
  });

  it.each([
    ['Siobhan', 'Siobhán Ní Bhriain'],
    ['Zoe Lukasiewic', 'Zoë Łukasiewicz'],
    ['', ''],
    ['!!!', '???'],
  ])('"%s" does not match "%s"', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(false);
  });

  it('folds accents, case, punctuation and spaces away', () => {
    expect(nameKey("Æthelflæd O'Brien-Øster")).toBe('aethelflaedobrienoster');
  });
});
