import {
  DocContent,
  HEADINGS,
  cloneNode,
  type BlockNode,
  type BodyNode,
  type CellNode,
  type Heading,
  type ParaNode,
} from './document/model';

type Request = GoogleAppsScript.Docs.Schema.Request;

/** A request the Docs API refuses: its 400 message ("Invalid requests[i].kind: …"). */
export class InvalidRequest extends Error {}

/** One paragraph of the body with its indices, and its place among its container's children. */
interface Spot {
  para: ParaNode;
  start: number;
  end: number;
  container: BodyNode | CellNode;
  /** The container's child that follows, if it is a table (its newline may not be deleted alone). */
  beforeTable: boolean;
}

/** One child of a container (paragraph or table) with its indices. */
interface Child {
  node: BlockNode;
  start: number;
  end: number;
}

/** Docs API named styles back to DocumentApp's headings. */
const HEADING_OF: Record<string, Heading> = {
  NORMAL_TEXT: 'NORMAL',
  HEADING_1: 'HEADING1',
  HEADING_2: 'HEADING2',
  HEADING_3: 'HEADING3',
  HEADING_4: 'HEADING4',
  HEADING_5: 'HEADING5',
  HEADING_6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};

/**
 * Applies a `documents.batchUpdate` to a copy of `content`, request by request, each against the
 * document as the previous ones left it (developers.google.com/docs/api/reference/rest/v1/
 * documents/batchUpdate), and returns the new content: if any request is invalid none is applied.
 * Modelled requests, on the body:
 * - `insertText {location.index, text}`: the index must fall inside a paragraph (not on a table's,
 *   row's or cell's own index); "\n" in the text starts a new paragraph with the same style,
 *   "\u000b" is a line break;
 * - `deleteContentRange {range}`: text inside one paragraph (its newline excluded), or whole
 *   paragraphs and tables of one container from the first's start to the last's end. Stricter than
 *   Google where Google merges: a range that ends inside another paragraph, takes a container's
 *   last newline, or deletes the newline just before a table is refused;
 * - `updateParagraphStyle {range, paragraphStyle.namedStyleType, fields}` (indents accepted, not drawn);
 * - `updateTextStyle {range, textStyle.bold, fields}` (bold, the model's only character style);
 * - `deleteParagraphBullets {range}`.
 * Inserted text takes the character style of the text just before it (or after, at a paragraph's
 * start), as the API does.
 * Any other request is refused as not modelled.
 * @throws InvalidRequest with the API's 400 message
 */
export function applyRequests(content: DocContent, requests: readonly Request[]): DocContent {
  const next = content.clone();
  requests.forEach((r, i) => {
    const kind = Object.keys(r).find((k) => (r as Record<string, unknown>)[k] !== undefined) ?? '';
    const bad = (why: string): InvalidRequest => new InvalidRequest(`Invalid requests[${i}].${kind}: ${why}`);
    if (r.insertText) insertText(next.body, r.insertText, bad);
    else if (r.deleteContentRange) deleteRange(next.body, r.deleteContentRange.range, bad);
    else if (r.updateParagraphStyle) updateStyle(next.body, r.updateParagraphStyle, bad);
    else if (r.deleteParagraphBullets) deleteBullets(next.body, r.deleteParagraphBullets.range, bad);
    else if (r.updateTextStyle) updateTextStyle(next.body, r.updateTextStyle, bad);
    else throw bad('this request is not modelled by the emulator.');
  });
  return next;
}

/** Every paragraph of the body, tables included, with Google's indices (see docs-api.ts). */
function spots(body: BodyNode): Spot[] {
  const out: Spot[] = [];
  const walk = (container: BodyNode | CellNode, at: number): number => {
    let index = at;
    container.children.forEach((node, k) => {
      if (node.kind === 'TABLE') {
        index += 1;
        for (const row of node.rows) {
          index += 1;
          for (const cell of row.cells) index = walk(cell, index + 1);
        }
        index += 1;
        return;
      }
      const end = index + paraLength(node);
      const after = container.children[k + 1];
      out.push({ para: node, start: index, end, container, beforeTable: after?.kind === 'TABLE' });
      index = end;
    });
    return index;
  };
  walk(body, 1);
  return out;
}

/** The children of a container with their indices. */
function childrenOf(body: BodyNode, container: BodyNode | CellNode): Child[] {
  const start = container === body ? 1 : (spots(body).find((s) => s.container === container)?.start ?? 0);
  const out: Child[] = [];
  let index = start;
  for (const node of container.children) {
    const end = index + blockLength(node);
    out.push({ node, start: index, end });
    index = end;
  }
  return out;
}

function paraLength(p: ParaNode): number {
  return (p.holds ? 1 : p.text.length) + 1;
}

function blockLength(node: BlockNode): number {
  if (node.kind !== 'TABLE') return paraLength(node);
  let n = 2;
  for (const row of node.rows) {
    n += 1;
    for (const cell of row.cells) n += 1 + cell.children.reduce((a, c) => a + blockLength(c), 0);
  }
  return n;
}

function spotAt(body: BodyNode, index: number): Spot | undefined {
  return spots(body).find((s) => s.start <= index && index < s.end);
}

function insertText(
  body: BodyNode,
  req: GoogleAppsScript.Docs.Schema.InsertTextRequest,
  bad: (why: string) => InvalidRequest,
): void {
  const index = req.location?.index;
  if (req.endOfSegmentLocation || req.location?.segmentId) throw bad('only body locations are modelled.');
  if (typeof index !== 'number') throw bad('a location index is required.');
  const spot = spotAt(body, index);
  if (!spot || spot.para.holds) {
    throw bad(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  }
  const text = String(req.text ?? '')
    .split(String.fromCharCode(11))
    .join('\r');
  const p = spot.para;
  const at = index - spot.start;
  const pieces = text.split('\n');
  const before = p.text.slice(0, at);
  const after = p.text.slice(at);
  const afterBold = p.bold.slice(at);
  const style = p.bold[at - 1] ?? p.bold[at] ?? false;
  const styled = (n: number): boolean[] => new Array<boolean>(n).fill(style);
  if (pieces.length === 1) {
    setText(p, before + text + after, [...p.bold.slice(0, at), ...styled(text.length), ...afterBold]);
    return;
  }
  setText(p, before + (pieces[0] ?? ''), [...p.bold.slice(0, at), ...styled((pieces[0] ?? '').length)]);
  const siblings = spot.container.children;
  let k = siblings.indexOf(p);
  pieces.slice(1).forEach((piece, j, rest) => {
    const last = j === rest.length - 1;
    const q = cloneNode(p);
    q.parent = spot.container;
    setText(
      q,
      last ? piece + after : piece,
      last ? [...styled(piece.length), ...afterBold] : styled(piece.length),
    );
    siblings.splice(++k, 0, q);
  });
}

function setText(p: ParaNode, text: string, bold: boolean[]): void {
  p.text = text;
  p.bold = bold;
}

function deleteRange(
  body: BodyNode,
  range: GoogleAppsScript.Docs.Schema.Range | undefined,
  bad: (why: string) => InvalidRequest,
): void {
  const s = range?.startIndex;
  const e = range?.endIndex;
  if (range?.segmentId) throw bad('only the body is modelled.');
  if (typeof s !== 'number' || typeof e !== 'number' || e <= s) throw bad('The range should not be empty.');
  const first = spotAt(body, s);
  if (first && e <= first.end - 1) {
    if (first.para.holds) throw bad('The range cannot delete part of a page break or rule.');
    const a = s - first.start;
    const b = e - first.start;
    setText(first.para, first.para.text.slice(0, a) + first.para.text.slice(b), [
      ...first.para.bold.slice(0, a),
      ...first.para.bold.slice(b),
    ]);
    return;
  }
  const container = containerStartingAt(body, s);
  if (!container)
    throw bad(
      `The range [${s}, ${e}) does not start a paragraph or table: only whole paragraphs, or text inside one, can be deleted here.`,
    );
  const kids = childrenOf(body, container);
  const from = kids.findIndex((c) => c.start === s);
  const to = kids.findIndex((c) => c.end === e);
  if (from < 0 || to < from)
    throw bad(`The range [${s}, ${e}) does not end where a paragraph or table of the same container ends.`);
  if (to === kids.length - 1)
    throw bad('The range cannot include the last newline of a segment or table cell.');
  if (kids[to + 1]?.node.kind === 'TABLE' && kids[to]?.node.kind !== 'TABLE') {
    throw bad('The range cannot delete the newline before a table.');
  }
  container.children.splice(from, to - from + 1);
}

/** The body or cell holding a child that starts at `index`. */
function containerStartingAt(body: BodyNode, index: number): BodyNode | CellNode | undefined {
  const seen = new Set<BodyNode | CellNode>([body, ...spots(body).map((s) => s.container)]);
  for (const c of seen) if (childrenOf(body, c).some((k) => k.start === index)) return c;
  return undefined;
}

function overlapping(
  body: BodyNode,
  range: GoogleAppsScript.Docs.Schema.Range | undefined,
  bad: (why: string) => InvalidRequest,
): Spot[] {
  const s = range?.startIndex;
  const e = range?.endIndex;
  if (typeof s !== 'number' || typeof e !== 'number' || e <= s) throw bad('The range should not be empty.');
  return spots(body).filter((p) => p.start < e && s < p.end);
}

function updateStyle(
  body: BodyNode,
  req: GoogleAppsScript.Docs.Schema.UpdateParagraphStyleRequest,
  bad: (why: string) => InvalidRequest,
): void {
  const fields = String(req.fields ?? '')
    .split(',')
    .map((f) => f.trim());
  if (!fields.includes('namedStyleType') || fields.some((f) => !PARAGRAPH_FIELDS.has(f)))
    throw bad(`only the fields ${[...PARAGRAPH_FIELDS].join(', ')} are modelled, with namedStyleType.`);
  const heading = HEADING_OF[String(req.paragraphStyle?.namedStyleType)];
  if (!heading || !HEADINGS.includes(heading))
    throw bad(`Unknown namedStyleType ${String(req.paragraphStyle?.namedStyleType)}.`);
  for (const p of overlapping(body, req.range, bad)) p.para.heading = heading;
}

/** The paragraph-style fields modelled: the named style, and indents (not drawn, so not kept). */
const PARAGRAPH_FIELDS = new Set(['namedStyleType', 'indentStart', 'indentFirstLine']);

/**
 * `updateTextStyle`: bold set or, when "bold" is in the fields without a value, reset (the
 * model's only character style; other fields are accepted and have nothing to change).
 */
function updateTextStyle(
  body: BodyNode,
  req: GoogleAppsScript.Docs.Schema.UpdateTextStyleRequest,
  bad: (why: string) => InvalidRequest,
): void {
  const s = req.range?.startIndex;
  const e = req.range?.endIndex;
  if (typeof s !== 'number' || typeof e !== 'number' || e <= s) throw bad('The range should not be empty.');
  const fields = String(req.fields ?? '')
    .split(',')
    .map((f) => f.trim());
  if (!fields.includes('bold') && fields[0] !== '*') return;
  const bold = Boolean(req.textStyle?.bold);
  for (const p of spots(body)) {
    for (let i = Math.max(s, p.start); i < Math.min(e, p.end - 1); i++) p.para.bold[i - p.start] = bold;
  }
}

function deleteBullets(
  body: BodyNode,
  range: GoogleAppsScript.Docs.Schema.Range | undefined,
  bad: (why: string) => InvalidRequest,
): void {
  for (const p of overlapping(body, range, bad)) {
    p.para.kind = 'PARAGRAPH';
    p.para.nesting = 0;
    p.para.listId = '';
  }
}

/** The content a document item holds (an empty document when it has none yet). */
export function docContentOf(content: unknown): DocContent {
  return content instanceof DocContent ? content : new DocContent();
}
