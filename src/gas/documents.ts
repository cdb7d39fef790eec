import type { DocLine, TextEdit } from '../core/template';

type Editable = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

/** A Google Doc seen as lines (paragraphs, list items, table-cell paragraphs) in reading order. */
export interface DocView {
  doc: GoogleAppsScript.Document.Document;
  lines: DocLine[];
  elements: Editable[];
}

/**
 * Opens a Google Doc by ID or URL and lists its lines: body paragraphs and list items, and each
 * paragraph of each table cell, in reading order (DocumentApp.Body children).
 */
export function openDoc(idOrUrl: string): DocView {
  const doc = /^https:\/\//.test(idOrUrl) ? DocumentApp.openByUrl(idOrUrl) : DocumentApp.openById(idOrUrl);
  const lines: DocLine[] = [];
  const elements: Editable[] = [];
  let tables = 0;
  const visit = (
    container: GoogleAppsScript.Document.Body | GoogleAppsScript.Document.TableCell,
    cell?: DocLine['cell'],
  ): void => {
    const n = container.getNumChildren();
    for (let i = 0; i < n; i++) {
      const child = container.getChild(i);
      const type = child.getType();
      if (type === DocumentApp.ElementType.PARAGRAPH || type === DocumentApp.ElementType.LIST_ITEM) {
        const p = type === DocumentApp.ElementType.PARAGRAPH ? child.asParagraph() : child.asListItem();
        elements.push(p);
        lines.push(cell ? { text: p.getText(), cell } : { text: p.getText() });
      } else if (type === DocumentApp.ElementType.TABLE) {
        const table = child.asTable();
        const t = tables++;
        for (let r = 0; r < table.getNumRows(); r++) {
          const row = table.getRow(r);
          for (let c = 0; c < row.getNumCells(); c++) visit(row.getCell(c), { table: t, row: r, col: c });
        }
      }
    }
  };
  visit(doc.getBody());
  return { doc, lines, elements };
}

/**
 * Applies edits to the document's lines, last position first on each line, through
 * `editAsText()` so the rest of each line keeps its formatting. Edits of one line must not
 * overlap.
 */
export function applyEdits(view: DocView, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.line - b.line || b.start - a.start);
  for (const e of sorted) {
    const el = view.elements[e.line];
    if (!el) throw new Error(`No line ${e.line} in document ${view.doc.getId()}`);
    const text = el.editAsText();
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
    const el = view.elements[i];
    if (!el) continue;
    try {
      el.removeFromParent();
      view.elements.splice(i, 1);
      view.lines.splice(i, 1);
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
  const el = view.elements[line];
  if (!el) throw new Error(`No line ${line} in document ${view.doc.getId()}`);
  const parent = el.getParent() as GoogleAppsScript.Document.Body;
  let at = parent.getChildIndex(el);
  for (const t of texts) parent.insertParagraph(++at, t);
}
