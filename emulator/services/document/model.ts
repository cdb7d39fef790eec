import type { ItemContent } from '../../core/workspace';

/** Paragraph heading styles (DocumentApp.ParagraphHeading). */
export const HEADINGS = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const;
export type Heading = (typeof HEADINGS)[number];

/** List glyphs (DocumentApp.GlyphType). */
export const GLYPHS = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const;
export type Glyph = (typeof GLYPHS)[number];

/** A paragraph or list item: its text, one bold flag per UTF-16 code unit, and its style. */
export interface ParaNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  text: string;
  bold: boolean[];
  heading: Heading;
  /** List items: nesting level (0 = top) and glyph. */
  nesting: number;
  glyph: Glyph;
  /**
   * List items: the list this item belongs to (ListItem.getListId). Items with the same ID are one
   * list, numbered together wherever they are in the document.
   */
  listId: string;
  /**
   * List items: the number the list counts from at this item's nesting level (the Docs API's
   * NestingLevel.startNumber; 1 unless an import said otherwise). Apps Script cannot set it.
   */
  listStart: number;
  /** A paragraph holding only a page break or a horizontal rule (Body.appendPageBreak / appendHorizontalRule). */
  holds: 'PAGE_BREAK' | 'HORIZONTAL_RULE' | null;
  parent: ContainerNode | null;
}

/** A table: rows of cells. */
export interface TableNode {
  kind: 'TABLE';
  rows: RowNode[];
  parent: ContainerNode | null;
}

/** A table row: its cells. */
export interface RowNode {
  kind: 'TABLE_ROW';
  cells: CellNode[];
  parent: TableNode | null;
}

/** A table cell: paragraphs, list items and tables, like a body. */
export interface CellNode {
  kind: 'TABLE_CELL';
  children: BlockNode[];
  parent: RowNode | null;
}

/** The document body: its paragraphs, list items and tables. */
export interface BodyNode {
  kind: 'BODY_SECTION';
  children: BlockNode[];
}

/** A document's header or footer section: paragraphs, list items and tables, like a body. */
export interface SectionNode {
  kind: 'HEADER_SECTION' | 'FOOTER_SECTION';
  children: BlockNode[];
}

/** What a body, a header, a footer or a table cell contains. */
export type BlockNode = ParaNode | TableNode;
/** What holds blocks: a body, a header or footer, or a table cell. */
export type ContainerNode = BodyNode | CellNode | SectionNode;
/** Any node of the document tree. */
export type DocNode = BlockNode | RowNode | CellNode | BodyNode | SectionNode;

let listCount = 0;

/** A new list ID, in the shape Google Docs gives them ("kix." and a suffix). */
export function newListId(): string {
  listCount += 1;
  return `kix.list${listCount.toString(36).padStart(6, '0')}`;
}

/** A new header or footer section holding one empty paragraph, as Docs creates them. */
export function newSection(kind: SectionNode['kind'], paragraphs: string[] = ['']): SectionNode {
  const section: SectionNode = { kind, children: [] };
  for (const text of paragraphs.length ? paragraphs : ['']) {
    const p = newPara(text);
    p.parent = section;
    section.children.push(p);
  }
  return section;
}

/** A new paragraph (or list item) node, not yet attached. Newlines become line breaks ("\r"), as Apps Script does. */
export function newPara(text: string, kind: ParaNode['kind'] = 'PARAGRAPH'): ParaNode {
  const t = toParagraphText(text);
  return {
    kind,
    text: t,
    bold: new Array<boolean>(t.length).fill(false),
    heading: 'NORMAL',
    nesting: 0,
    glyph: 'BULLET',
    listId: kind === 'LIST_ITEM' ? newListId() : '',
    listStart: 1,
    holds: null,
    parent: null,
  };
}

/** Paragraphs cannot contain "\n": Apps Script turns it into a line break "\r". */
export function toParagraphText(text: string): string {
  return String(text).replace(/\n/g, '\r');
}

/**
 * A new table from a grid of cells (a row with no cells is kept empty). A cell is a string (one
 * paragraph) or an array of strings (a paragraph each).
 */
export function newTable(cells: Array<Array<string | string[]>>): TableNode {
  const table: TableNode = { kind: 'TABLE', rows: [], parent: null };
  for (const r of cells) {
    const row: RowNode = { kind: 'TABLE_ROW', cells: [], parent: table };
    for (const c of r) row.cells.push(newCell(Array.isArray(c) ? c.map(String) : String(c), row));
    table.rows.push(row);
  }
  return table;
}

/** A new table cell holding one paragraph of `text`, or a paragraph for each of several texts. */
export function newCell(text: string | string[], parent: RowNode | null): CellNode {
  const cell: CellNode = { kind: 'TABLE_CELL', children: [], parent };
  for (const t of typeof text === 'string' || text.length === 0 ? [String(text)] : text) {
    const p = newPara(t);
    p.parent = cell;
    cell.children.push(p);
  }
  return cell;
}

/** A deep copy of a node, detached (parent null). */
export function cloneNode<T extends DocNode>(node: T): T {
  return cloneAny(node, null) as T;
}

function cloneAny(node: DocNode, parent: unknown): DocNode {
  switch (node.kind) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return { ...node, bold: node.bold.slice(), parent: parent as ParaNode['parent'] };
    case 'TABLE': {
      const t: TableNode = { kind: 'TABLE', rows: [], parent: parent as TableNode['parent'] };
      t.rows = node.rows.map((r) => cloneAny(r, t) as RowNode);
      return t;
    }
    case 'TABLE_ROW': {
      const r: RowNode = { kind: 'TABLE_ROW', cells: [], parent: parent as TableNode | null };
      r.cells = node.cells.map((c) => cloneAny(c, r) as CellNode);
      return r;
    }
    case 'TABLE_CELL': {
      const c: CellNode = { kind: 'TABLE_CELL', children: [], parent: parent as RowNode | null };
      c.children = node.children.map((b) => cloneAny(b, c) as BlockNode);
      return c;
    }
    case 'BODY_SECTION': {
      const b: BodyNode = { kind: 'BODY_SECTION', children: [] };
      b.children = node.children.map((x) => cloneAny(x, b) as BlockNode);
      return b;
    }
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION': {
      const h: SectionNode = { kind: node.kind, children: [] };
      h.children = node.children.map((x) => cloneAny(x, h) as BlockNode);
      return h;
    }
  }
}

/** Every paragraph and list item under `node`, in document order (table cells included). */
export function leaves(node: DocNode): ParaNode[] {
  switch (node.kind) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return [node];
    case 'TABLE':
      return node.rows.flatMap(leaves);
    case 'TABLE_ROW':
      return node.cells.flatMap(leaves);
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(leaves);
  }
}

/** All descendant nodes of a kind, in document order. */
export function descendants(node: DocNode, kind: 'TABLE'): TableNode[];
export function descendants(node: DocNode, kind: 'LIST_ITEM'): ParaNode[];
export function descendants(node: DocNode, kind: DocNode['kind']): DocNode[] {
  const out: DocNode[] = [];
  const visit = (n: DocNode): void => {
    if (n.kind === kind) out.push(n);
    if (n.kind === 'TABLE') n.rows.forEach(visit);
    else if (n.kind === 'TABLE_ROW') n.cells.forEach(visit);
    else if ('children' in n) n.children.forEach(visit);
  };
  visit(node);
  return out;
}

/** The node's text as Apps Script's `getText()` gives it: paragraphs joined by "\n". */
export function nodeText(node: DocNode): string {
  return leaves(node)
    .map((p) => p.text)
    .join('\n');
}

/** Whether a node is a document section (body, header or footer), which has no parent element. */
export function isSection(node: DocNode): node is BodyNode | SectionNode {
  return node.kind === 'BODY_SECTION' || node.kind === 'HEADER_SECTION' || node.kind === 'FOOTER_SECTION';
}

/** The parent's list of children that holds `node` (body/cell children, table rows, row cells). */
export function siblingsOf(node: DocNode): DocNode[] | null {
  if (isSection(node)) return null;
  const parent = node.parent;
  if (!parent) return null;
  if (parent.kind === 'TABLE') return parent.rows;
  if (parent.kind === 'TABLE_ROW') return parent.cells;
  return parent.children;
}

/**
 * A Google Doc's content: its body, and its header and footer sections when it has them
 * (developers.google.com/apps-script/reference/document/document#getHeader()). Implements
 * {@link ItemContent} so Drive can copy it (`File.makeCopy`, with the header and footer) and export
 * it (`getAs`, the exporters).
 */
export class DocContent implements ItemContent {
  constructor(
    readonly body: BodyNode = { kind: 'BODY_SECTION', children: [] },
    public header: SectionNode | null = null,
    public footer: SectionNode | null = null,
  ) {
    if (body.children.length === 0) {
      const p = newPara('');
      p.parent = body;
      body.children.push(p);
    }
  }

  clone(): DocContent {
    return new DocContent(
      cloneNode(this.body),
      this.header && cloneNode(this.header),
      this.footer && cloneNode(this.footer),
    );
  }

  /** The header's lines, the body's and the footer's (see {@link renderLines}), a line each. */
  toText(): string {
    return [this.header, this.body, this.footer]
      .flatMap((section) => (section ? renderLines(section) : []))
      .map((l) => l.prefix + l.text.replace(/\r/g, `\n${' '.repeat(l.prefix.length)}`))
      .join('\n');
  }
}

/** One rendered line of a document: a paragraph, a list item with its glyph, or a table row. */
export interface RenderedLine {
  prefix: string;
  /** The text; a line break inside a paragraph stays "\r". */
  text: string;
  heading: Heading;
  nesting: number;
  pageBreak: boolean;
  kind: 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE_ROW';
}

/**
 * A section (body, header or footer) as lines: paragraphs as they are, list items prefixed by
 * their glyph ("• ", "1. ", two spaces per nesting level), table rows as cells joined by " | " (a
 * cell of several paragraphs or lines gives the row a line for each, the cells side by side).
 * Numbered glyphs count as Google Docs numbers lists
 * (developers.google.com/apps-script/reference/document/list-item): per list ID and nesting level,
 * wherever the list's items are; an item resets the deeper levels of its own list (so a nested
 * list restarts when its parent advances, and a bulleted sub-list never resets its parent's
 * count); a level counts from its start number, and restarts when the glyph changes.
 */
export function renderLines(section: BodyNode | SectionNode): RenderedLine[] {
  const out: RenderedLine[] = [];
  const lists = new Map<string, Array<{ glyph: Glyph; n: number } | undefined>>();
  for (const child of section.children) {
    if (child.kind === 'TABLE') {
      for (const row of child.rows) {
        const cells = row.cells.map((c) => nodeText(c).split(/[\n\r]/));
        const height = Math.max(1, ...cells.map((c) => c.length));
        for (let k = 0; k < height; k++) {
          const text = cells.map((c) => c[k] ?? '').join(' | ');
          out.push({ prefix: '', text, heading: 'NORMAL', nesting: 0, pageBreak: false, kind: 'TABLE_ROW' });
        }
      }
      continue;
    }
    const line = { text: child.text, heading: child.heading, nesting: child.nesting };
    if (child.kind === 'PARAGRAPH') {
      out.push({ ...line, prefix: '', pageBreak: child.holds === 'PAGE_BREAK', kind: 'PARAGRAPH' });
      continue;
    }
    const levels = (lists.get(child.listId) ?? []).slice(0, child.nesting + 1);
    const at = levels[child.nesting];
    const n = at && at.glyph === child.glyph ? at.n + 1 : child.listStart;
    levels[child.nesting] = { glyph: child.glyph, n };
    lists.set(child.listId, levels);
    const prefix = '  '.repeat(child.nesting) + glyphText(child.glyph, n);
    out.push({ ...line, prefix, pageBreak: false, kind: 'LIST_ITEM' });
  }
  return out;
}

/** A list item's glyph as text: "• " for a bullet, "3. ", "c. ", "iii. " for the number `n`. */
export function glyphText(glyph: Glyph, n: number): string {
  switch (glyph) {
    case 'BULLET':
      return '• ';
    case 'HOLLOW_BULLET':
      return '◦ ';
    case 'SQUARE_BULLET':
      return '▪ ';
    case 'NUMBER':
      return `${n}. `;
    case 'LATIN_UPPER':
      return `${latin(n)}. `;
    case 'LATIN_LOWER':
      return `${latin(n).toLowerCase()}. `;
    case 'ROMAN_UPPER':
      return `${roman(n)}. `;
    case 'ROMAN_LOWER':
      return `${roman(n).toLowerCase()}. `;
  }
}

function latin(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return s;
}
