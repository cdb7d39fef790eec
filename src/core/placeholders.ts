import type { DocLine, TextEdit } from './template';

/**
 * `{{ Placeholder }}` fields, matched case- and space-insensitively: `{{school name}}`,
 * `{{ School Name }}` and `{{SCHOOLNAME}}` are the same field.
 */
export const PLACEHOLDERS = [
  'School Name',
  'Name',
  'Role',
  'Staff Type',
  'Email',
  'Policy Version',
  'Date',
  'Due By',
  'Approver Name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** `{{ Field }}`; not `{{#if …}}` / `{{/if}}`, which are clause markers (see clauses.ts). */
const PATTERN = /\{\{\s*(?![#/])([^{}]*?)\s*\}\}/g;

/** The vocabulary key of a placeholder's text, or undefined when it is not in the vocabulary. */
export function placeholderKey(text: string): Placeholder | undefined {
  const k = squash(text);
  return PLACEHOLDERS.find((p) => squash(p) === k);
}

/** Every placeholder in the lines: known ones by key, unknown ones as written. */
export function findPlaceholders(lines: readonly DocLine[]): { known: Placeholder[]; unknown: string[] } {
  const known = new Set<Placeholder>();
  const unknown = new Set<string>();
  for (const { text } of lines) {
    for (const m of text.matchAll(PATTERN)) {
      const key = placeholderKey(m[1] ?? '');
      if (key) known.add(key);
      else unknown.add(m[0]);
    }
  }
  return { known: [...known], unknown: [...unknown] };
}

/**
 * Edits that replace every placeholder with its value; unknown placeholders and known ones
 * without a value become empty, so none is ever left in a document. Positions are computed on
 * the original text in one pass, so a value that itself looks like a placeholder stays literal.
 */
export function fillPlaceholders(
  lines: readonly DocLine[],
  values: Partial<Record<Placeholder, string>>,
): TextEdit[] {
  const edits: TextEdit[] = [];
  lines.forEach(({ text }, line) => {
    for (const m of text.matchAll(PATTERN)) {
      const key = placeholderKey(m[1] ?? '');
      const start = m.index ?? 0;
      edits.push({ line, start, end: start + m[0].length, text: (key && values[key]) || '' });
    }
  });
  return edits;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** One text with every placeholder replaced by its value (unknown ones, and those without a value, by nothing). */
export function fillText(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PATTERN, (_m, k: string) => {
    const key = placeholderKey(k);
    return (key && values[key]) || '';
  });
}
