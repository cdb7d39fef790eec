import { structureOf, type DocMap, type LinePath } from '../core/doc-requests';
import type { DocLine, TextEdit } from '../core/template';

import { docsApi } from './advanced';

type Editable = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

/**
 * A Google Doc seen as lines (paragraphs, list items, table-cell paragraphs) in reading order,
 * with the document open for editing. Elements are fetched only for the lines that are edited.
 */
export interface DocView {
  doc: GoogleAppsScript.Document.Document;
  lines: DocLine[];
  /** The element of line `i` (fetched on first use, from the body down). */
  element: (i: number) => Editable;
  paths: LinePath[];
}

/** A Google Doc's ID from its ID or its URL. */
export function docIdOf(idOrUrl: string): string {
  return /\/d\/([-\w]{10,})/.exec(idOrUrl)?.[1] ?? idOrUrl;
}

/**
 * A Google Doc's lines in reading order, read in one Docs API call (`Docs.Documents.get`,
 * developers.google.com/docs/api/reference/rest/v1/documents/get) however long the policy:
 * body paragraphs and list items, and each paragraph of each table cell. A line break inside a
 * paragraph (the API's "\u000b") reads as "\r", as DocumentApp's getText gives it.
 * @throws the API's error for a document the caller cannot read (403) or that does not exist (404)
 */
export function readDocLines(idOrUrl: string): DocLine[] {
  return readStructure(docIdOf(idOrUrl)).lines;
}

/**
 * A document's lines, the path to each line's paragraph, and its {@link DocMap}, read with
 * suggestions inline, the index space `batchUpdate` works in
 * (developers.google.com/docs/api/how-tos/suggestions). See {@link structureOf}.
 */
function readStructure(id: string): { lines: DocLine[]; paths: LinePath[]; map: DocMap } {
  const content =
    docsApi().Documents?.get(id, { suggestionsViewMode: 'SUGGESTIONS_INLINE' }).body?.content ?? [];
  const { map, paths } = structureOf(content);
  return { lines: map.lines, paths, map };
}

/**
 * A Google Doc's lines and structure for edits through the Docs API, in one `Documents.get`.
 * @throws the API's error for a document the caller cannot read (403) or that does not exist (404)
 */
export function readDocMap(idOrUrl: string): DocMap {
  return readStructure(docIdOf(idOrUrl)).map;
}

/**
 * Applies requests to a document in one `Documents.batchUpdate` (nothing when there are none):
 * all of them or, if the API refuses one, none.
 * @throws the API's error (400 for a request it refuses, 403, 404, 429 for the write quota)
 */
export function updateDocument(
  idOrUrl: string,
  requests: readonly GoogleAppsScript.Docs.Schema.Request[],
): void {
  if (requests.length) docsApi().Documents?.batchUpdate({ requests: [...requests] }, docIdOf(idOrUrl));
}

/**
 * Opens a Google Doc by ID or URL for editing and lists its lines (see {@link readDocLines}): one
 * Docs API read and one DocumentApp open, whatever the document's length.
 */
export function openDoc(idOrUrl: string): DocView {
  const id = docIdOf(idOrUrl);
  const { lines, paths } = readStructure(id);
  const doc = DocumentApp.openById(id);
  const cache = new Map<LinePath, Editable>();
  const element = (i: number): Editable => {
    const path = paths[i];
    if (!path) throw new Error(`No line ${i} in document ${id}`);
    const hit = cache.get(path);
    if (hit) return hit;
    let container: GoogleAppsScript.Document.Body | GoogleAppsScript.Document.TableCell = doc.getBody();
    const steps = path.steps;
    for (let k = 0; k + 1 < steps.length; k += 3) {
      container = container
        .getChild(steps[k] as number)
        .asTable()
        .getCell(steps[k + 1] as number, steps[k + 2] as number);
    }
    const child = container.getChild(steps[steps.length - 1] as number);
    const found = path.list ? child.asListItem() : child.asParagraph();
    cache.set(path, found);
    return found;
  };
  return { doc, lines, element, paths };
}

/**
 * Applies edits to the document's lines, last position first on each line, through
 * `editAsText()` so the rest of each line keeps its formatting. Edits of one line must not
 * overlap.
 */
export function applyEdits(view: DocView, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.line - b.line || b.start - a.start);
  for (const e of sorted) {
    const text = view.element(e.line).editAsText();
    if (e.end > e.start) text.deleteText(e.start, e.end - 1);
    if (e.text) text.insertText(e.start, e.text);
    const line = view.lines[e.line] as DocLine;
    line.text = line.text.slice(0, e.start) + e.text + line.text.slice(e.end);
  }
}

/**
 * Removes lines from the document (the clauses that do not apply, and clause markers), last
 * first. A paragraph Docs refuses to remove ("Can't remove the last paragraph in a document
 * section", or the only one of a table cell) is emptied instead.
 */
export function removeLines(view: DocView, drop: ReadonlySet<number>): void {
  for (const i of [...drop].sort((a, b) => b - a)) {
    if (i >= view.lines.length) continue;
    const el = view.element(i);
    try {
      el.removeFromParent();
      const gone = (view.paths[i] as LinePath).steps;
      view.paths.splice(i, 1);
      view.lines.splice(i, 1);
      shiftAfterRemoval(view.paths, gone);
    } catch {
      el.setText('');
      (view.lines[i] as DocLine).text = '';
    }
  }
}

/** Appends a heading and lines to the end of a document's body. */
export function appendSection(
  body: GoogleAppsScript.Document.Body,
  heading: string,
  lines: readonly string[],
): void {
  body.appendParagraph(heading).setHeading(DocumentApp.ParagraphHeading.HEADING2);
  for (const l of lines) body.appendParagraph(l);
}

/**
 * Inserts paragraphs after a line, in the same container (the body or the table cell), in the
 * line's paragraph style (Body.insertParagraph / TableCell.insertParagraph at the next child
 * index). The view's lines are not updated: open the document again to analyse it.
 */
export function insertAfter(view: DocView, line: number, texts: readonly string[]): void {
  const el = view.element(line);
  const up = el.getParent();
  const parent = up.getType() === DocumentApp.ElementType.TABLE_CELL ? up.asTableCell() : up.asBody();
  let at = parent.getChildIndex(el);
  for (const t of texts) parent.insertParagraph(++at, t);
}

/** After the element at `gone` left its container, later siblings' paths move up by one. */
function shiftAfterRemoval(paths: LinePath[], gone: readonly number[]): void {
  const depth = gone.length - 1;
  for (const p of paths) {
    if (p.steps.length <= depth) continue;
    if (!gone.slice(0, depth).every((v, k) => p.steps[k] === v)) continue;
    if ((p.steps[depth] as number) > (gone[depth] as number)) p.steps[depth] = (p.steps[depth] as number) - 1;
  }
}
