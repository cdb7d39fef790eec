import { diffArrays, diffWords } from 'diff';
import { clauseApplies, markerOf } from './clauses';
import type { DocLine } from './template';

/**
 * What changed between two policy versions, paragraph by paragraph, with jsdiff (`diffArrays` over
 * the paragraphs, `diffWords` to tell a reworded paragraph from a new one). Paragraphs are compared
 * by their wording alone: spacing, curly or straight quotes, dashes, ellipses, list bullets and
 * numbers, and how a `{{ Placeholder }}` is spelt are ignored; the staff-type clauses a paragraph
 * sits in are taken into account (see {@link paragraphsFor} and {@link labelled}). Pure.
 */

/** A paragraph of a policy: its text as written and the staff-type clauses it sits in. */
export interface PolicyParagraph {
  text: string;
  /** The clauses around it, outermost first; empty when it applies to everyone. */
  clauses: { negate: boolean; types: string[] }[];
}

/** One change between two versions, the texts as written. */
export type PolicyChange =
  | { kind: 'reworded'; old: string; new: string }
  | { kind: 'added'; new: string }
  | { kind: 'removed'; old: string };

/** How much of its words a paragraph must keep to count as reworded rather than replaced. */
const REWORDED_AT = 0.5;

/**
 * The paragraphs of a policy that carry words: clause markers become the clauses of the
 * paragraphs between them; empty lines and lines of filler alone (underscores, dots) are left out.
 */
export function policyParagraphs(lines: readonly DocLine[]): PolicyParagraph[] {
  const open: PolicyParagraph['clauses'] = [];
  const out: PolicyParagraph[] = [];
  for (const { text } of lines) {
    const mk = markerOf(text);
    if (mk?.open) open.push({ negate: mk.negate, types: mk.types });
    else if (mk) open.pop();
    else if (/[\p{L}\p{N}]/u.test(text)) out.push({ text: text.trim(), clauses: [...open] });
  }
  return out;
}

/** The paragraphs a person of `staffType` reads (every clause around them applies). */
export function paragraphsFor(paragraphs: readonly PolicyParagraph[], staffType: string): string[] {
  return paragraphs.filter((p) => p.clauses.every((c) => clauseApplies(c, staffType))).map((p) => p.text);
}

/**
 * Each paragraph as the business manager compares them, whoever reads it: a paragraph inside a
 * clause is prefixed with whom it is for ("(Governor only) …", "(not Volunteer) …"), so moving a
 * paragraph in or out of a clause shows as a change.
 */
export function labelled(paragraphs: readonly PolicyParagraph[]): string[] {
  return paragraphs.map((p) => {
    const who = p.clauses.map((c) =>
      c.negate ? `not ${c.types.join(' or ')}` : `${c.types.join(' or ')} only`,
    );
    return who.length ? `(${who.join('; ')}) ${p.text}` : p.text;
  });
}

/**
 * A paragraph's wording for comparison: Unicode compatibility forms (NFKC: no-break spaces,
 * ellipses), quotes straightened, dashes as hyphens, a leading bullet or list number dropped,
 * placeholders spelt one way, runs of space as one.
 */
export function wording(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_m, k: string) => `{{${k.replace(/\s+/g, '').toLowerCase()}}}`)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]|[•·▪◦*-])\s+/i, '');
}

/**
 * How much of the longer paragraph the other keeps, in order (0–1): the characters of the words
 * `diffWords` finds in both, spaces aside, over the longer paragraph's length.
 */
export function kept(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (!longest) return 1;
  const same = diffWords(a, b)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.trim().length, 0);
  return same / longest;
}

/**
 * The changes from `before` to `after` (paragraph texts, in reading order): paragraphs whose
 * wording is the same are unchanged; in each run of removed and added paragraphs, a removed one
 * is paired, in order, with the first added one that keeps at least half its words (reworded);
 * the rest are removed or added. Reported in reading order, texts as written in each version.
 */
export function comparePolicies(before: readonly string[], after: readonly string[]): PolicyChange[] {
  const parts = diffArrays(before.map(wording), after.map(wording));
  const out: PolicyChange[] = [];
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    out.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) {
      removed.push(...before.slice(i, i + part.count));
      i += part.count;
    } else if (part.added) {
      added.push(...after.slice(j, j + part.count));
      j += part.count;
    } else {
      flush();
      i += part.count;
      j += part.count;
    }
  }
  flush();
  return out;
}

/** One run of removed and added paragraphs as changes: reworded pairs, then what is left. */
function pairUp(removed: readonly string[], added: readonly string[]): PolicyChange[] {
  const out: PolicyChange[] = [];
  let from = 0;
  for (const old of removed) {
    const at = added.findIndex((a, n) => n >= from && kept(wording(old), wording(a)) >= REWORDED_AT);
    if (at < 0) {
      out.push({ kind: 'removed', old });
      continue;
    }
    for (const a of added.slice(from, at)) out.push({ kind: 'added', new: a });
    out.push({ kind: 'reworded', old, new: added[at] as string });
    from = at + 1;
  }
  for (const a of added.slice(from)) out.push({ kind: 'added', new: a });
  return out;
}

/** The changes a person of `staffType` sees: between the paragraphs each version gives them. */
export function changesFor(
  before: readonly PolicyParagraph[],
  after: readonly PolicyParagraph[],
  staffType: string,
): PolicyChange[] {
  return comparePolicies(paragraphsFor(before, staffType), paragraphsFor(after, staffType));
}

/** The changes whoever reads them, each paragraph labelled with whom it is for (the business manager's view). */
export function allChanges(
  before: readonly PolicyParagraph[],
  after: readonly PolicyParagraph[],
): PolicyChange[] {
  return comparePolicies(labelled(before), labelled(after));
}

/** How many of each kind, in words: "2 reworded, 1 added, 1 removed"; "no changes" when none. */
export function changeCounts(changes: readonly PolicyChange[]): string {
  const n = (kind: PolicyChange['kind']): number => changes.filter((c) => c.kind === kind).length;
  const parts = (['reworded', 'added', 'removed'] as const).filter((k) => n(k)).map((k) => `${n(k)} ${k}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** A change in plain words, one line: what it was and what it is now. */
export function describeChange(c: PolicyChange): string {
  switch (c.kind) {
    case 'reworded':
      return `Reworded: “${c.old}” now reads “${c.new}”`;
    case 'added':
      return `Added: “${c.new}”`;
    case 'removed':
      return `Removed: “${c.old}”`;
  }
}
