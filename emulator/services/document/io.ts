import { MIME, type Workspace } from '../../core/workspace';
import type { PdfBlock } from '../pdf/render';
import {
  DocContent,
  newPara,
  newSection,
  newTable,
  renderLines,
  type BlockNode,
  type BodyNode,
  type CellNode,
  type Glyph,
  type Heading,
  type SectionNode,
} from './model';

/**
 * One element of a document as the Node side (local run, exporters, tests) builds or reads it.
 * Text may hold "\n" for a line break inside the paragraph (it becomes "\r", as Apps Script
 * stores it) and "\t" for a tab.
 *
 * - `listItem`: `nesting` 0-based; `ordered` numbered rather than bulleted, or an exact `glyph`;
 *   `listId` names the list it belongs to (items with the same ID are one list, numbered together
 *   however far apart; without one, an item continues the list of the list item just before it);
 *   `start` is the number its level counts from (a Word list's start value, a Markdown list's
 *   first number).
 * - `table`: rows of cells; a cell is a string (one paragraph) or several paragraphs.
 * - `header` / `footer`: the document's header or footer section, its paragraphs in order.
 */
export type TemplateElement =
  | { type: 'paragraph'; text: string; heading?: Heading }
  | {
      type: 'listItem';
      text: string;
      nesting?: number;
      ordered?: boolean;
      glyph?: Glyph;
      listId?: string;
      start?: number;
    }
  | { type: 'table'; rows: Array<Array<string | string[]>> }
  | { type: 'header'; paragraphs: string[] }
  | { type: 'footer'; paragraphs: string[] };

/**
 * Creates a Google Doc owned by `owner` in their My Drive from elements (no leading empty
 * paragraph; an empty paragraph follows a final table, as Docs requires; header and footer
 * elements become its header and footer sections). Returns the doc ID.
 */
export function createDocumentFromElements(
  ws: Workspace,
  owner: string,
  name: string,
  elements: TemplateElement[],
): string {
  const body: BodyNode = { kind: 'BODY_SECTION', children: [] };
  const sections: Partial<Record<'header' | 'footer', SectionNode>> = {};
  let before: BlockNode | undefined;
  for (const el of elements) {
    if (el.type === 'header' || el.type === 'footer') {
      const kind = el.type === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION';
      const section = (sections[el.type] ??= { kind, children: [] });
      for (const p of newSection(kind, el.paragraphs).children) {
        p.parent = section;
        section.children.push(p);
      }
      continue;
    }
    let node: BlockNode;
    if (el.type === 'table') {
      node = newTable(el.rows);
    } else if (el.type === 'listItem') {
      node = newPara(el.text, 'LIST_ITEM');
      node.nesting = el.nesting ?? 0;
      node.glyph = el.glyph ?? (el.ordered ? 'NUMBER' : 'BULLET');
      node.listStart = el.start ?? 1;
      if (el.listId !== undefined) node.listId = el.listId;
      else if (before?.kind === 'LIST_ITEM') node.listId = before.listId;
    } else {
      node = newPara(el.text);
      node.heading = el.heading ?? 'NORMAL';
    }
    node.parent = body;
    body.children.push(node);
    before = node;
  }
  if (body.children[body.children.length - 1]?.kind === 'TABLE') {
    const tail = newPara('');
    tail.parent = body;
    body.children.push(tail);
  }
  ws.rootFolder(owner);
  const content = new DocContent(body, sections.header ?? null, sections.footer ?? null);
  return ws.createItem(owner, name, MIME.document, { content }).id;
}

function contentOf(ws: Workspace, docId: string): DocContent {
  const content = ws.drive.get(docId)?.content;
  if (!(content instanceof DocContent)) throw new Error(`${docId} is not a document`);
  return content;
}

/**
 * A document as plain text: its header, body and footer, a paragraph per line (a line break in a
 * paragraph starts a new line), list items prefixed by their glyph ("• ", "1. ", indented two
 * spaces per nesting level, numbered per list), table rows as cells joined by " | ".
 */
export function documentText(ws: Workspace, docId: string): string {
  return contentOf(ws, docId).toText();
}

/**
 * A document as elements: its header, its body, its footer (page breaks and rules read as empty
 * paragraphs, line breaks as "\r"). `createDocumentFromElements` makes the same document again.
 */
export function documentElements(ws: Workspace, docId: string): TemplateElement[] {
  const content = contentOf(ws, docId);
  const section = (type: 'header' | 'footer', node: SectionNode | null): TemplateElement[] =>
    node ? [{ type, paragraphs: node.children.map(textOf) }] : [];
  const body = content.body.children.map((c): TemplateElement => {
    if (c.kind === 'TABLE') {
      return { type: 'table', rows: c.rows.map((r) => r.cells.map(cellOf)) };
    }
    if (c.kind === 'LIST_ITEM') {
      const ordered = !c.glyph.endsWith('BULLET');
      return {
        type: 'listItem',
        text: c.text,
        ...(c.nesting ? { nesting: c.nesting } : {}),
        ...(ordered ? { ordered } : {}),
        ...(c.glyph !== 'BULLET' && c.glyph !== 'NUMBER' ? { glyph: c.glyph } : {}),
        listId: c.listId,
        ...(c.listStart !== 1 ? { start: c.listStart } : {}),
      };
    }
    return { type: 'paragraph', text: c.text, ...(c.heading !== 'NORMAL' ? { heading: c.heading } : {}) };
  });
  return [...section('header', content.header), ...body, ...section('footer', content.footer)];
}

/** A cell as one string, or a string per paragraph when it has several. */
function cellOf(cell: CellNode): string | string[] {
  const texts = cell.children.map(textOf);
  return texts.length === 1 ? (texts[0] ?? '') : texts;
}

function textOf(block: BlockNode): string {
  return block.kind === 'TABLE'
    ? block.rows.map((r) => r.cells.map((c) => c.children.map(textOf).join(' ')).join(' | ')).join('\n')
    : block.text;
}

const SIZES: Record<Heading, number> = {
  TITLE: 24,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
  NORMAL: 11,
};

/**
 * A document laid out for the PDF renderer: heading sizes, list indents, page breaks; the header's
 * lines first and the footer's last, in a smaller size (one header and footer for the whole
 * document, not repeated on each page).
 */
export function documentPdfBlocks(content: DocContent): PdfBlock[] {
  const blocks = (section: BodyNode | SectionNode, small: boolean): PdfBlock[] =>
    renderLines(section).map((line) => ({
      text: line.prefix.trimStart() + line.text,
      size: small ? 9 : SIZES[line.heading],
      indent: line.kind === 'LIST_ITEM' ? 18 * (line.nesting + 1) : 0,
      pageBreak: line.pageBreak,
    }));
  return [
    ...(content.header ? blocks(content.header, true) : []),
    ...blocks(content.body, false),
    ...(content.footer ? blocks(content.footer, true) : []),
  ];
}
