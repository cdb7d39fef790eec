/**
 * Compares a typed signature with the name on the staff record, allowing for case, accents,
 * punctuation and spacing: "siobhan ni bhriain" matches "Siobhán Ní Bhriain", "ZOE LUKASIEWICZ"
 * matches "Zoë Łukasiewicz".
 */
export function namesMatch(typed: string, recorded: string): boolean {
  const a = nameKey(typed);
  return a.length > 0 && a === nameKey(recorded);
}

/** The comparison key of a name: letters only, with accents, case, punctuation and spaces folded away. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
