import type { BlockNode, ContainerNode, DocNode } from './model';
import { isSection, newPara, siblingsOf } from './model';
import type { DocSession } from './session';
import { findIn, replaceIn } from './text';

/**
 * A value assignable to any element type the typings name (wrappers are returned to the add-on
 * as the Apps Script class they stand for).
 */
export type AnyElement = GoogleAppsScript.Document.Paragraph &
  GoogleAppsScript.Document.ListItem &
  GoogleAppsScript.Document.Table &
  GoogleAppsScript.Document.TableRow &
  GoogleAppsScript.Document.TableCell &
  GoogleAppsScript.Document.Body &
  GoogleAppsScript.Document.HeaderSection &
  GoogleAppsScript.Document.FooterSection &
  GoogleAppsScript.Document.Text &
  GoogleAppsScript.Document.PageBreak &
  GoogleAppsScript.Document.HorizontalRule;

/** Apps Script's message when a child index is past the end. */
export function childIndexMessage(index: number, count: number): string {
  return `Child index (${index}) must be less than the number of child elements (${count}).`;
}

/** Apps Script's message for an element that is not a child of the container it was given to. */
export const NOT_A_CHILD = 'Element does not contain the specified child element.';
/** Apps Script's message when removing the paragraph a document section must end with. */
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
/** Apps Script's message for inserting an element that already has a parent. */
export const NOT_DETACHED = 'Element must be detached.';

/**
 * Behaviour every document element shares (developers.google.com/apps-script/reference/document/element):
 * type, parent, siblings, removal, `replaceText`/`findText` and the `asX()` casts. Calls are counted as `<cls>.<method>`.
 */
export abstract class ElementBase<N extends DocNode> {
  protected abstract readonly cls: string;

  constructor(
    protected readonly s: DocSession,
    readonly node: N,
  ) {}

  protected call<T>(method: string, body: () => T): T {
    return this.s.call(`${this.cls}.${method}`, body);
  }

  protected self(): AnyElement {
    return this as unknown as AnyElement;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return this.call('getType', () => this.node.kind as unknown as GoogleAppsScript.Document.ElementType);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return this.call('getParent', () => {
      const parent = isSection(this.node) ? null : this.node.parent;
      return (parent ? this.s.wrap(parent) : null) as unknown as GoogleAppsScript.Document.ContainerElement;
    });
  }

  getNextSibling(): GoogleAppsScript.Document.Element {
    return this.call('getNextSibling', () => this.sibling(1));
  }

  getPreviousSibling(): GoogleAppsScript.Document.Element {
    return this.call('getPreviousSibling', () => this.sibling(-1));
  }

  removeFromParent(): AnyElement {
    return this.call('removeFromParent', () => {
      this.s.write();
      detach(this.s, this.node);
      return this.self();
    });
  }

  /** Replaces every match of the RE2 pattern in each paragraph (never across paragraphs) with the literal replacement. */
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    return this.call('replaceText', () => {
      this.s.write();
      replaceIn(this.s, this.node, searchPattern, replacement);
      return this.self();
    });
  }

  /** The first match of the RE2 pattern after `from` (a RangeElement an earlier search returned), or null. */
  findText(
    searchPattern: string,
    from?: GoogleAppsScript.Document.RangeElement | null,
  ): GoogleAppsScript.Document.RangeElement {
    return this.call('findText', () => findIn(this.s, this.node, searchPattern, from));
  }

  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.call('asParagraph', () => this.cast('PARAGRAPH'));
  }

  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.call('asListItem', () => this.cast('LIST_ITEM'));
  }

  asTable(): GoogleAppsScript.Document.Table {
    return this.call('asTable', () => this.cast('TABLE'));
  }

  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.call('asTableRow', () => this.cast('TABLE_ROW'));
  }

  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.call('asTableCell', () => this.cast('TABLE_CELL'));
  }

  asBody(): GoogleAppsScript.Document.Body {
    return this.call('asBody', () => this.cast('BODY_SECTION'));
  }

  private cast(kind: DocNode['kind']): AnyElement {
    if (this.node.kind !== kind) throw this.s.exec.error(`Cannot convert ${this.node.kind} to ${kind}.`);
    return this.self();
  }

  private sibling(step: number): GoogleAppsScript.Document.Element {
    const list = siblingsOf(this.node);
    const next = list ? list[list.indexOf(this.node) + step] : undefined;
    return (next ? this.s.wrap(next) : null) as unknown as GoogleAppsScript.Document.Element;
  }
}

/** Removes `node` from its parent, keeping a section (body, header, footer) ending with a paragraph as Docs requires. */
export function detach(s: DocSession, node: DocNode): void {
  const list = siblingsOf(node);
  if (!list || isSection(node)) return;
  const index = list.indexOf(node);
  const parent = node.parent;
  if (parent && isSection(parent) && index === list.length - 1 && node.kind !== 'TABLE') {
    const before = list[index - 1];
    if (!before || before.kind === 'TABLE') throw s.exec.error(LAST_PARAGRAPH);
  }
  list.splice(index, 1);
  node.parent = null;
}

/** Inserts a detached block at `index` of a body or cell; a container never ends with a table. */
export function insertBlock(s: DocSession, container: ContainerNode, index: number, block: BlockNode): void {
  const count = container.children.length;
  if (!Number.isInteger(index) || index < 0 || index > count) {
    throw s.exec.error(
      `Index (${index}) must be less than or equal to the number of child elements (${count}).`,
    );
  }
  if (block.parent) throw s.exec.error(NOT_DETACHED);
  block.parent = container;
  container.children.splice(index, 0, block);
  if (container.children[container.children.length - 1]?.kind === 'TABLE') {
    const tail = newPara('');
    tail.parent = container;
    container.children.push(tail);
  }
}
