import { MIME, type Workspace } from '../../core/workspace';
import type { PdfBlock } from '../pdf/render';
import {
  DocContent,
  newPara,
  newTable,
  renderLines,
  type BlockNode,
  type BodyNode,
  type Heading,
} from './model';

/** One element of a document as the Node side (local run, exporters, tests) builds or reads it. */
export type TemplateElement =
  | { type: 'paragraph'; text: string; heading?: Heading }
  | { type: 'listItem'; text: string; nesting?: number; ordered?: boolean }
  | { type: 'table'; rows: string[][] };

/**
 * Creates a Google Doc owned by `owner` in their My Drive from elements (no leading empty
 * paragraph; an empty paragraph follows a final table, as Docs requires). Returns the doc ID.
 */
export function createDocumentFromElements(
  ws: Workspace,
  owner: string,
  name: string,
  elements: TemplateElement[],
): string {
  const body: BodyNode = { kind: 'BODY_SECTION', children: [] };
  for (const el of elements) {
    let node: BlockNode;
    if (el.type === 'table') {
      node = newTable(el.rows);
    } else if (el.type === 'listItem') {
      node = newPara(el.text, 'LIST_ITEM');
      node.nesting = el.nesting ?? 0;
      node.glyph = el.ordered ? 'NUMBER' : 'BULLET';
    } else {
      node = newPara(el.text);
      node.heading = el.heading ?? 'NORMAL';
    }
    node.parent = body;
    body.children.push(node);
  }
  if (body.children[body.children.length - 1]?.kind === 'TABLE') {
    const tail = newPara('');
    tail.parent = body;
    body.children.push(tail);
  }
  ws.rootFolder(owner);
  return ws.createItem(owner, name, MIME.document, { content: new DocContent(body) }).id;
}

function contentOf(ws: Workspace, docId: string): DocContent {
  const content = ws.drive.get(docId)?.content;
  if (!(content instanceof DocContent)) throw new Error(`${docId} is not a document`);
  return content;
}

/**
 * A document as plain text: a paragraph per line, list items prefixed by their glyph ("• ",
 * "1. ", indented two spaces per nesting level), table rows as cells joined by " | ".
 */
export function documentText(ws: Workspace, docId: string): string {
  return contentOf(ws, docId).toText();
}

/** A document's body as elements (page breaks and rules read as empty paragraphs). */
export function documentElements(ws: Workspace, docId: string): TemplateElement[] {
  return contentOf(ws, docId).body.children.map((c): TemplateElement => {
    if (c.kind === 'TABLE') {
      return {
        type: 'table',
        rows: c.rows.map((r) => r.cells.map((cell) => cell.children.map(textOf).join('\n'))),
      };
    }
    if (c.kind === 'LIST_ITEM') {
      const ordered = !c.glyph.endsWith('BULLET');
      return {
        type: 'listItem',
        text: c.text,
        ...(c.nesting ? { nesting: c.nesting } : {}),
        ...(ordered ? { ordered } : {}),
      };
    }
    return { type: 'paragraph', text: c.text, ...(c.heading !== 'NORMAL' ? { heading: c.heading } : {}) };
  });
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

/** A document laid out for the PDF renderer: heading sizes, list indents, page breaks. */
export function documentPdfBlocks(content: DocContent): PdfBlock[] {
  return renderLines(content.body).map((line) => ({
    text: line.prefix.trimStart() + line.text,
    size: SIZES[line.heading],
    indent: line.kind === 'LIST_ITEM' ? 18 * (line.nesting + 1) : 0,
    pageBreak: line.pageBreak,
  }));
}
