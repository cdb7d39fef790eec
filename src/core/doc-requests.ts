import type { DocLine, TextEdit } from './template';

type Request = GoogleAppsScript.Docs.Schema.Request;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

/** Where a line's paragraph is, for DocumentApp: child indices from the body down, through table row and column. */
export interface LinePath {
  /** [body child] or [body child, row, column, cell child] (and so on for nested tables). */
  steps: number[];
  list: boolean;
}

/** Where a line's paragraph is in the document: [start, end) in the Docs API's indices, end after its newline. */
export interface LineSpan {
  start: number;
  end: number;
}

/** One child of a container (the body or a table cell): a paragraph or a table, and the lines it holds. */
export interface ChildSpan extends LineSpan {
  table: boolean;
  lines: number[];
}

/**
 * A document's structure as the Docs API gives it (`Documents.get`), reduced to what edits need:
 * its lines in reading order (see template.ts), each line's paragraph span, and each container's
 * children (the body is container 0) with the lines each holds.
 */
export interface DocMap {
  lines: DocLine[];
  spans: LineSpan[];
  containers: ChildSpan[][];
}

/** What an inline object (an image, a chart), a page break or a rule reads as in a line: one index each. */
const OBJECT = '\uFFFC';
/** The Docs API's line break inside a paragraph (U+000B). */
const LINE_BREAK = String.fromCharCode(11);

/**
 * A document's {@link DocMap} and the path to each line's paragraph, from the body's structural
 * elements as `Documents.get` gives them. A line's text holds "\uFFFC" for each inline object and
 * each character of a suggested insertion (not the school's text until accepted), so that its
 * offsets are the API's; a line break ("\u000b") reads as "\r", as DocumentApp's getText gives it.
 */
export function structureOf(content: readonly StructuralElement[]): { map: DocMap; paths: LinePath[] } {
  const lines: DocLine[] = [];
  const paths: LinePath[] = [];
  const spans: LineSpan[] = [];
  const containers: ChildSpan[][] = [];
  let tables = 0;
  const visit = (
    elements: readonly StructuralElement[],
    prefix: number[],
    cell?: DocLine['cell'],
  ): number[] => {
    const children: ChildSpan[] = [];
    containers.push(children);
    const held: number[] = [];
    let child = 0;
    for (const el of elements) {
      if (el.sectionBreak) continue;
      const span = { start: el.startIndex ?? 0, end: el.endIndex ?? 0 };
      if (el.paragraph) {
        const text = (el.paragraph.elements ?? [])
          .map((e) =>
            e.textRun && !e.textRun.suggestedInsertionIds?.length
              ? (e.textRun.content ?? '')
              : OBJECT.repeat((e.endIndex ?? 0) - (e.startIndex ?? 0)),
          )
          .join('')
          .replace(/\n$/, '')
          .split(LINE_BREAK)
          .join('\r');
        children.push({ ...span, table: false, lines: [lines.length] });
        held.push(lines.length);
        lines.push(cell ? { text, cell } : { text });
        paths.push({ steps: [...prefix, child], list: Boolean(el.paragraph.bullet) });
        spans.push(span);
      } else if (el.table) {
        const t = tables++;
        const inside: number[] = [];
        (el.table.tableRows ?? []).forEach((row, r) =>
          (row.tableCells ?? []).forEach((c, col) =>
            inside.push(...visit(c.content ?? [], [...prefix, child, r, col], { table: t, row: r, col })),
          ),
        );
        children.push({ ...span, table: true, lines: inside });
        held.push(...inside);
      }
      child++;
    }
    return held;
  };
  visit(content, []);
  return { map: { lines, spans, containers }, paths };
}

/**
 * Requests that apply text edits to lines (replace characters [start, end) of a line by text),
 * last position first so each leaves the earlier ones' indices as they were. Inserting at a
 * position keeps a value literal, whatever it looks like. A line break in a value becomes the
 * API's "\u000b".
 */
export function textEditRequests(map: DocMap, edits: readonly TextEdit[]): Request[] {
  return positioned(map, edits)
    .sort((a, b) => b.at - a.at)
    .flatMap((p) => p.requests);
}

/** Edits and deletions placed in the document, each with the requests that make it. */
interface Placed {
  at: number;
  requests: Request[];
}

function positioned(map: DocMap, edits: readonly TextEdit[]): Placed[] {
  return edits.map((e) => {
    const span = map.spans[e.line];
    if (!span) throw new Error(`No line ${e.line} in the document map`);
    const at = span.start + e.start;
    const requests: Request[] = [];
    if (e.end > e.start)
      requests.push({ deleteContentRange: { range: { startIndex: at, endIndex: span.start + e.end } } });
    const text = e.text.replace(/[\r\n]/g, LINE_BREAK);
    if (text) requests.push({ insertText: { location: { index: at }, text } });
    return { at, requests };
  });
}

/**
 * Requests that remove lines (the clauses that do not apply, clause markers) with the text edits
 * of the lines that stay, and the paragraphs to append at the end of the body, in one ordered
 * list for `Documents.batchUpdate`. Whole paragraphs and tables are deleted where the API allows
 * it; a container's last paragraph, and the paragraph just before a table, are emptied instead
 * (the API keeps a segment's last newline and the newline before a table). Appended paragraphs
 * start after the body's last paragraph; since inserted text takes the style of the text before
 * it, their character style is reset and each is styled `NORMAL_TEXT` without a bullet or an
 * indent, the first as `append.style` says.
 */
export function documentRequests(
  map: DocMap,
  drop: ReadonlySet<number>,
  edits: readonly TextEdit[],
  append?: { heading: string; lines: readonly string[]; style: string },
): Request[] {
  const placed = [
    ...removals(map, drop),
    ...positioned(
      map,
      edits.filter((e) => !drop.has(e.line)),
    ),
  ];
  const out: Request[] = append ? appended(map, append) : [];
  return [...out, ...placed.sort((a, b) => b.at - a.at).flatMap((p) => p.requests)];
}

function removals(map: DocMap, drop: ReadonlySet<number>): Placed[] {
  const out: Placed[] = [];
  const gone = new Set<number>();
  map.containers.forEach((children) => {
    const dropped = (c: ChildSpan): boolean =>
      c.lines.length > 0 && c.lines.every((l) => drop.has(l) && !gone.has(l));
    for (let i = 0; i < children.length; i++) {
      if (!dropped(children[i] as ChildSpan)) continue;
      let j = i;
      while (j + 1 < children.length && dropped(children[j + 1] as ChildSpan)) j++;
      const first = children[i] as ChildSpan;
      const last = children[j] as ChildSpan;
      const keepLast = !last.table && (j === children.length - 1 || Boolean(children[j + 1]?.table));
      if (keepLast) {
        if (last.end - 1 > last.start)
          out.push({ at: last.start, requests: [deleteRange(last.start, last.end - 1)] });
        if (j > i) out.push({ at: first.start, requests: [deleteRange(first.start, last.start)] });
      } else out.push({ at: first.start, requests: [deleteRange(first.start, last.end)] });
      for (let k = i; k <= j; k++) for (const l of (children[k] as ChildSpan).lines) gone.add(l);
      i = j;
    }
  });
  return out;
}

function deleteRange(startIndex: number, endIndex: number): Request {
  return { deleteContentRange: { range: { startIndex, endIndex } } };
}

/** Paragraphs appended after the body's last one: one insertion, then their styles. */
function appended(
  map: DocMap,
  append: { heading: string; lines: readonly string[]; style: string },
): Request[] {
  const body = map.containers[0] ?? [];
  const last = body[body.length - 1];
  if (!last) return [];
  const at = last.end - 1;
  const texts = [append.heading, ...append.lines];
  const text = `\n${texts.join('\n')}`;
  const requests: Request[] = [
    { insertText: { location: { index: at }, text } },
    {
      updateTextStyle: {
        range: { startIndex: at + 1, endIndex: at + text.length },
        textStyle: {},
        fields:
          'bold,italic,underline,strikethrough,smallCaps,backgroundColor,foregroundColor,fontSize,weightedFontFamily,baselineOffset,link',
      },
    },
  ];
  let start = at + 1;
  texts.forEach((t, k) => {
    const range = { startIndex: start, endIndex: start + t.length + 1 };
    requests.push(
      {
        updateParagraphStyle: {
          range,
          paragraphStyle: {
            namedStyleType: k === 0 ? append.style : 'NORMAL_TEXT',
            indentStart: { magnitude: 0, unit: 'PT' },
            indentFirstLine: { magnitude: 0, unit: 'PT' },
          },
          fields: 'namedStyleType,indentStart,indentFirstLine',
        },
      },
      { deleteParagraphBullets: { range } },
    );
    start = range.endIndex;
  });
  return requests;
}
