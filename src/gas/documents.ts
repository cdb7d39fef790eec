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
  const visit = (container: GoogleAppsScript.Document.Body | GoogleAppsScript.Document.TableCell): void => {
    const n = container.getNumChildren();
    for (let i = 0; i < n; i++) {
      const child = container.getChild(i);
      const type = child.getType();
      if (type === DocumentApp.ElementType.PARAGRAPH) {
        const p = child.asParagraph();
        elements.push(p);
        lines.push({ text: p.getText() });
      } else if (type === DocumentApp.ElementType.LIST_ITEM) {
        const li = child.asListItem();
        elements.push(li);
        lines.push({ text: li.getText() });
      } else if (type === DocumentApp.ElementType.TABLE) {
        const table = child.asTable();
        for (let r = 0; r < table.getNumRows(); r++) {
          const row = table.getRow(r);
          for (let c = 0; c < row.getNumCells(); c++) visit(row.getCell(c));
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
