/**
 * Text written to Sheets is neutralised against formula injection (DESIGN.md §8): a value that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
 * Sheets hides and which forces the cell to hold text.
 */
export function sheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The text {@link sheetSafe} wrote, read back: a leading apostrophe before `= + - @`, a tab or a
 * CR is removed (Sheets hides it in most cells, but keeps it in a plain-text-formatted one).
 */
export function fromSheet(value: string): string {
  return value.replace(/^'(?=[=+\-@\t\r])/, '');
}

/** Collapses whitespace and trims: for one-line values typed into cards and forms. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A value fit for an email address field: lower-cased and trimmed. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** True for a plausible email address (one @, a dot in the domain, no spaces). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
