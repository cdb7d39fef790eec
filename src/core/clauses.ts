import type { DocLine } from './template';

/**
 * Staff-type clauses. A paragraph `{{#if Staff Type is Governor}}` opens a clause and a paragraph
 * `{{/if}}` closes it; everything between applies only to the staff types named. The condition may
 * list several types (`is Staff or Governor`, `is Staff, Volunteer`) or exclude them
 * (`is not Volunteer`). Clauses may nest. Matching of types ignores case and spaces. The marker
 * paragraphs themselves never reach a generated document.
 */
export interface Clause {
  /** Line of the opening marker. */
  open: number;
  /** Line of the closing marker. */
  close: number;
  negate: boolean;
  types: string[];
}

const OPEN = /^\s*\{\{\s*#if\s+staff\s*type\s+(is\s+not|isn['’]t|is)\s+(.+?)\s*\}\}\s*$/i;
const CLOSE = /^\s*\{\{\s*\/\s*if\s*\}\}\s*$/i;

/** The clauses of a template, and each problem a business manager can fix (with its line). */
export function findClauses(
  lines: readonly DocLine[],
  staffTypes: readonly string[],
): { clauses: Clause[]; problems: string[] } {
  const clauses: Clause[] = [];
  const problems: string[] = [];
  const open: Omit<Clause, 'close'>[] = [];
  const known = new Set(staffTypes.map(key));
  lines.forEach(({ text }, i) => {
    const mk = markerOf(text);
    if (mk?.open) {
      for (const t of mk.types.filter((t) => !known.has(key(t)))) {
        problems.push(`Paragraph ${i + 1}: "${t}" is not a staff type (${staffTypes.join(', ')}).`);
      }
      open.push({ open: i, negate: mk.negate, types: mk.types });
    } else if (mk) {
      const start = open.pop();
      if (start) clauses.push({ ...start, close: i });
      else problems.push(`Paragraph ${i + 1}: {{/if}} closes no {{#if Staff Type is …}}.`);
    } else if (/\{\{\s*[#/]/.test(text)) {
      problems.push(
        `Paragraph ${i + 1}: "${text.trim()}" is not a clause marker; write {{#if Staff Type is Governor}} … {{/if}}, each on its own line.`,
      );
    }
  });
  for (const c of open)
    problems.push(`Paragraph ${c.open + 1}: {{#if Staff Type …}} is never closed with {{/if}}.`);
  return { clauses: clauses.sort((a, b) => a.open - b.open), problems };
}

/** The marker lines alone (for a copy that keeps every clause, such as the policy to read). */
export function markerLines(lines: readonly DocLine[]): Set<number> {
  const out = new Set<number>();
  lines.forEach(({ text }, i) => {
    if (OPEN.test(text) || CLOSE.test(text)) out.add(i);
  });
  return out;
}

function key(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** Whether a paragraph's text is a clause marker, and which: open (with its types) or close. */
export function markerOf(
  text: string,
): { open: true; negate: boolean; types: string[] } | { open: false } | undefined {
  const m = OPEN.exec(text);
  if (m) {
    return {
      open: true,
      negate: /not|n['’]t/i.test(m[1] ?? ''),
      types: (m[2] ?? '').split(/\s*(?:,|\bor\b)\s*/i).filter(Boolean),
    };
  }
  return CLOSE.test(text) ? { open: false } : undefined;
}

/** Whether a clause with these types applies to `staffType`. */
export function clauseApplies(c: { negate: boolean; types: readonly string[] }, staffType: string): boolean {
  return c.types.some((t) => key(t) === key(staffType)) !== c.negate;
}

/**
 * The lines a person's document leaves out: every line of each clause that does not apply to
 * `staffType` (markers included), the markers of those that do, and any marker left unpaired.
 * Clauses pair as they nest, in reading order.
 */
export function linesToDrop(lines: readonly DocLine[], staffType: string): Set<number> {
  const drop = new Set<number>();
  const open: { line: number; applies: boolean }[] = [];
  lines.forEach(({ text }, i) => {
    const mk = markerOf(text);
    if (!mk) return;
    drop.add(i);
    if (mk.open) {
      open.push({ line: i, applies: clauseApplies(mk, staffType) });
      return;
    }
    const start = open.pop();
    if (start && !start.applies) for (let k = start.line; k <= i; k++) drop.add(k);
  });
  return drop;
}
