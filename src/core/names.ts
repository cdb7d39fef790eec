/**
 * Compares a typed signature with the name on the staff record in any script: "siobhan ni
 * bhriain" matches "Siobhán Ní Bhriain", "ZOE LUKASIEWICZ" matches "Zoë Łukasiewicz", "ΟΔΥΣΣΈΑΣ
 * ΠΑΠΑΔΌΠΟΥΛΟΣ" matches "Οδυσσέας Παπαδόπουλος", "李 小龍" matches "李小龍". Accents are optional,
 * case, spaces, hyphens, apostrophes and other punctuation are ignored.
 */
export function namesMatch(typed: string, recorded: string): boolean {
  const a = nameKey(typed);
  return a.length > 0 && a === nameKey(recorded);
}

/** Letters that have no decomposition but an obvious unaccented form people type instead. */
const FOLDS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ς: 'σ',
};
const FOLD = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/**
 * The comparison key of a name: NFC-normalised then decomposed (NFKD), non-spacing marks
 * (accents, Hebrew points, Arabic vowel marks) dropped, lower-cased (`toLocaleLowerCase`), the
 * letters above folded, and only letters, spacing marks and digits of any script kept.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(FOLD, (c) => FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{Mc}\p{Nd}]/gu, '');
}

/**
 * Why a name (or other text a person reads) cannot be stored as it is, or undefined: control
 * characters (a tab or newline pasted from a spreadsheet are fine, they are spaces) and the
 * Unicode direction overrides and isolates, which make text display differently from what it says.
 */
export function unsafeText(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u.test(value))
    return 'it contains a control character';
  if (/[\u202A-\u202E\u2066-\u2069]/u.test(value)) return 'it contains a Unicode direction override';
  return undefined;
}
