import { childIndexMessage, detach, ElementBase, insertBlock, NOT_A_CHILD, type AnyElement } from './element';
import {
  descendants,
  leaves,
  newPara,
  newTable,
  nodeText,
  type BlockNode,
  type BodyNode,
  type CellNode,
  type ContainerNode,
  type ParaNode,
  type SectionNode,
} from './model';

type Cells = string[][] | GoogleAppsScript.Document.Table | null | undefined;

type ContainerMethods =
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'appendParagraph'
  | 'appendListItem'
  | 'appendTable'
  | 'insertParagraph'
  | 'insertListItem'
  | 'insertTable'
  | 'removeChild'
  | 'replaceText'
  | 'findText'
  | 'getText'
  | 'setText'
  | 'editAsText'
  | 'clear'
  | 'getType';

/**
 * What a body and a table cell share: an ordered list of paragraphs, list items and tables
 * (0-based child indexes), appended or inserted from text or from detached copies.
 */
abstract class ContainerBase<N extends ContainerNode> extends ElementBase<N> {
  getNumChildren(): number {
    return this.call('getNumChildren', () => this.node.children.length);
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    return this.call('getChild', () => {
      const child = this.node.children[childIndex];
      if (!Number.isInteger(childIndex) || childIndex < 0 || !child) {
        throw this.s.exec.error(childIndexMessage(childIndex, this.node.children.length));
      }
      return this.s.wrap(child) as unknown as GoogleAppsScript.Document.Element;
    });
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    return this.call('getChildIndex', () => this.indexOf(child));
  }

  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    return this.call('getParagraphs', () =>
      leaves(this.node).map((p) => this.s.wrap(p) as unknown as GoogleAppsScript.Document.Paragraph),
    );
  }

  getListItems(): GoogleAppsScript.Document.ListItem[] {
    return this.call('getListItems', () =>
      descendants(this.node, 'LIST_ITEM').map(
        (p) => this.s.wrap(p) as unknown as GoogleAppsScript.Document.ListItem,
      ),
    );
  }

  getTables(): GoogleAppsScript.Document.Table[] {
    return this.call('getTables', () =>
      descendants(this.node, 'TABLE').map(
        (t) => this.s.wrap(t) as unknown as GoogleAppsScript.Document.Table,
      ),
    );
  }

  appendParagraph(paragraph: string | GoogleAppsScript.Document.Paragraph): AnyElement {
    return this.call('appendParagraph', () =>
      this.add(this.node.children.length, this.para(paragraph, 'PARAGRAPH')),
    );
  }

  insertParagraph(childIndex: number, paragraph: string | GoogleAppsScript.Document.Paragraph): AnyElement {
    return this.call('insertParagraph', () => this.add(childIndex, this.para(paragraph, 'PARAGRAPH')));
  }

  appendListItem(listItem: string | GoogleAppsScript.Document.ListItem): AnyElement {
    return this.call('appendListItem', () =>
      this.add(this.node.children.length, this.para(listItem, 'LIST_ITEM')),
    );
  }

  insertListItem(childIndex: number, listItem: string | GoogleAppsScript.Document.ListItem): AnyElement {
    return this.call('insertListItem', () =>
      this.add(childIndex, this.para(listItem, 'LIST_ITEM', childIndex)),
    );
  }

  /** Appends a table built from a grid of strings (or a detached Table); an empty table when omitted. */
  appendTable(cells?: Cells): AnyElement {
    return this.call('appendTable', () => this.add(this.node.children.length, this.table(cells)));
  }

  insertTable(childIndex: number, cells?: Cells): AnyElement {
    return this.call('insertTable', () => this.add(childIndex, this.table(cells)));
  }

  removeChild(child: GoogleAppsScript.Document.Element): AnyElement {
    return this.call('removeChild', () => {
      this.s.write();
      const node = this.node.children[this.indexOf(child)];
      if (node) detach(this.s, node);
      return this.self();
    });
  }

  /** Paragraphs (table cells included) joined by "\n". */
  getText(): string {
    return this.call('getText', () => nodeText(this.node));
  }

  /** Replaces the contents with the text, one paragraph per "\n"-separated line. */
  setText(text: string): AnyElement {
    return this.call('setText', () => {
      this.s.write();
      this.replaceChildren(String(text).split('\n'));
      return this.self();
    });
  }

  editAsText(): GoogleAppsScript.Document.Text {
    return this.call('editAsText', () => this.s.text(this.node) as unknown as GoogleAppsScript.Document.Text);
  }

  /** Empties the container down to one empty paragraph. */
  clear(): AnyElement {
    return this.call('clear', () => {
      this.s.write();
      this.replaceChildren(['']);
      return this.self();
    });
  }

  protected add(index: number, block: BlockNode): AnyElement {
    this.s.write();
    insertBlock(this.s, this.node, index, block);
    return this.s.wrap(block) as unknown as AnyElement;
  }

  private replaceChildren(lines: string[]): void {
    for (const c of this.node.children) c.parent = null;
    this.node.children = lines.map((line) => {
      const p = newPara(line);
      p.parent = this.node;
      return p;
    });
  }

  private indexOf(child: unknown): number {
    const node = this.s.unwrap(child);
    const index = node ? this.node.children.indexOf(node as BlockNode) : -1;
    if (index < 0) throw this.s.exec.error(NOT_A_CHILD);
    return index;
  }

  /** A new paragraph or list item from text, or the node of a detached one the add-on passed. */
  private para(value: unknown, kind: ParaNode['kind'], at = this.node.children.length): ParaNode {
    const given = this.s.unwrap(value);
    if (given) {
      if (given.kind !== kind)
        throw this.s.exec.error(`Invalid argument: ${kind === 'PARAGRAPH' ? 'paragraph' : 'listItem'}`);
      return given;
    }
    const p = newPara(String(value), kind);
    const before = this.node.children[at - 1];
    if (kind === 'LIST_ITEM' && before?.kind === 'LIST_ITEM') {
      p.glyph = before.glyph;
      p.nesting = before.nesting;
      p.listId = before.listId;
      p.listStart = before.listStart;
    }
    return p;
  }

  private table(cells: Cells): BlockNode {
    const given = this.s.unwrap(cells);
    if (given) {
      if (given.kind !== 'TABLE') throw this.s.exec.error('Invalid argument: table');
      return given;
    }
    if (cells === undefined || cells === null) return newTable([]);
    if (!Array.isArray(cells) || !cells.every((r) => Array.isArray(r)))
      throw this.s.exec.error('Invalid argument: cells');
    return newTable(cells as string[][]);
  }
}

/**
 * The document body (developers.google.com/apps-script/reference/document/body). A new document's
 * body holds one empty paragraph, and a body always ends with a paragraph (appending a table adds
 * an empty one after it; the last paragraph cannot be removed).
 */
export class BodyEl
  extends ContainerBase<BodyNode>
  implements
    Pick<
      GoogleAppsScript.Document.Body,
      | ContainerMethods
      | 'getParagraphs'
      | 'getListItems'
      | 'getTables'
      | 'appendPageBreak'
      | 'appendHorizontalRule'
    >
{
  protected readonly cls = 'Body';

  /** Appends a paragraph holding a page break; returns the PageBreak. */
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.call(
      'appendPageBreak',
      () => this.mark('PAGE_BREAK') as unknown as GoogleAppsScript.Document.PageBreak,
    );
  }

  /** Appends a paragraph holding a horizontal rule; returns the HorizontalRule. */
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.call(
      'appendHorizontalRule',
      () => this.mark('HORIZONTAL_RULE') as unknown as GoogleAppsScript.Document.HorizontalRule,
    );
  }

  private mark(kind: 'PAGE_BREAK' | 'HORIZONTAL_RULE'): unknown {
    const p = newPara('');
    p.holds = kind;
    this.add(this.node.children.length, p);
    return this.s.mark(p);
  }
}

type SectionMethods = ContainerMethods | 'getParagraphs' | 'getListItems' | 'getTables';

/**
 * A document's header section (developers.google.com/apps-script/reference/document/header-section):
 * paragraphs, list items and tables like the body, and like it always ending with a paragraph
 * (its last paragraph cannot be removed). `Document.addHeader()` creates it with one empty paragraph.
 */
export class HeaderSectionEl
  extends ContainerBase<SectionNode>
  implements Pick<GoogleAppsScript.Document.HeaderSection, SectionMethods>
{
  protected readonly cls = 'HeaderSection';
}

/**
 * A document's footer section (developers.google.com/apps-script/reference/document/footer-section),
 * with the header's behaviour.
 */
export class FooterSectionEl
  extends ContainerBase<SectionNode>
  implements Pick<GoogleAppsScript.Document.FooterSection, SectionMethods>
{
  protected readonly cls = 'FooterSection';
}

/** A table cell (developers.google.com/apps-script/reference/document/table-cell). `setText` replaces its paragraphs. */
export class TableCellEl
  extends ContainerBase<CellNode>
  implements
    Pick<
      GoogleAppsScript.Document.TableCell,
      ContainerMethods | 'getParentRow' | 'getParentTable' | 'getParent'
    >
{
  protected readonly cls = 'TableCell';

  getParentRow(): GoogleAppsScript.Document.TableRow {
    return this.call('getParentRow', () => {
      const row = this.node.parent;
      return (row ? this.s.wrap(row) : null) as unknown as GoogleAppsScript.Document.TableRow;
    });
  }

  getParentTable(): GoogleAppsScript.Document.Table {
    return this.call('getParentTable', () => {
      const table = this.node.parent?.parent;
      return (table ? this.s.wrap(table) : null) as unknown as GoogleAppsScript.Document.Table;
    });
  }
}
