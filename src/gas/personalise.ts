import { clauseApplies, markerOf } from '../core/clauses';
import { placeholderKey, type Placeholder } from '../core/placeholders';

type Body = GoogleAppsScript.Document.Body;

/** One match of a pattern in the body: the element holding it and its character range. */
interface Hit {
  element: GoogleAppsScript.Document.Element;
  start: number;
  end: number;
}

const MARKER = '\\{\\{\\s*[#/][^{}]*\\}\\}';
const PLACEHOLDER = '\\{\\{[^{}]*\\}\\}';

/**
 * Personalises a copy of the template in place, touching only what changes (Body.findText
 * rather than a walk over every paragraph, so the calls grow with the placeholders and clauses,
 * not with the policy's length): the staff-type clauses that do not apply to `staffType` are
 * removed with every clause marker, then every placeholder is replaced in one pass over the
 * matches found first, so a value that looks like a placeholder stays literal.
 */
export function personalise(
  body: Body,
  staffType: string,
  values: Partial<Record<Placeholder, string>>,
): void {
  applyClauses(body, staffType);
  const hits = find(body, PLACEHOLDER);
  for (const h of hits.reverse()) {
    const text = h.element.asText();
    const found = text.getText().slice(h.start, h.end + 1);
    const key = placeholderKey(found.slice(2, -2));
    text.deleteText(h.start, h.end);
    const value = (key && values[key]) || '';
    if (value) text.insertText(h.start, value);
  }
}

/**
 * Removes the clauses that do not apply (markers and contents) and the markers of those that do,
 * innermost first; child indices are read as each clause is handled, so earlier removals count.
 */
function applyClauses(body: Body, staffType: string): void {
  const markers = find(body, MARKER).map((h) => h.element.getParent() as GoogleAppsScript.Document.Paragraph);
  const stack: { paragraph: GoogleAppsScript.Document.Paragraph; applies: boolean }[] = [];
  const drops: {
    open: GoogleAppsScript.Document.Paragraph;
    close: GoogleAppsScript.Document.Paragraph;
    applies: boolean;
  }[] = [];
  const strays: GoogleAppsScript.Document.Paragraph[] = [];
  for (const p of markers) {
    const mk = markerOf(p.getText());
    if (mk?.open) stack.push({ paragraph: p, applies: clauseApplies(mk, staffType) });
    else if (mk) {
      const open = stack.pop();
      if (open) drops.push({ open: open.paragraph, close: p, applies: open.applies });
      else strays.push(p);
    }
  }
  strays.push(...stack.map((s) => s.paragraph));
  for (const d of drops) {
    if (d.applies) {
      removeOrEmpty(d.close);
      removeOrEmpty(d.open);
      continue;
    }
    const parent = d.open.getParent();
    const from = parent.getChildIndex(d.open);
    for (let i = parent.getChildIndex(d.close); i >= from; i--) {
      removeOrEmpty(parent.getChild(i) as GoogleAppsScript.Document.Paragraph);
    }
  }
  for (const p of strays) removeOrEmpty(p);
}

/** Every match of an RE2 `pattern` in the body, in document order. */
function find(body: Body, pattern: string): Hit[] {
  const hits: Hit[] = [];
  for (let r = body.findText(pattern); r; r = body.findText(pattern, r)) {
    hits.push({ element: r.getElement(), start: r.getStartOffset(), end: r.getEndOffsetInclusive() });
  }
  return hits;
}

/** Removes a paragraph, or empties it where Docs refuses (the last paragraph of a section or cell). */
function removeOrEmpty(p: GoogleAppsScript.Document.Paragraph): void {
  try {
    p.removeFromParent();
  } catch {
    p.setText('');
  }
}
