import type { Execution } from '../../core/execution';
import type { DriveItem } from '../../core/workspace';
import { BodyEl, FooterSectionEl, HeaderSectionEl, TableCellEl } from './container';
import { DocContent, type DocNode, type ParaNode } from './model';
import { InlineMarkEl, ListItemEl, ParagraphEl } from './paragraph';
import { TableEl, TableRowEl } from './table';
import { TextEl } from './text';

/** Apps Script's message for an edit to a document the user may only view. */
export const ACTION_NOT_ALLOWED = 'Action not allowed';
/** Apps Script's message for an edit through a Document after `saveAndClose()`. */
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

/** Any element wrapper this module hands to the add-on. */
export type ElementWrapper =
  BodyEl | HeaderSectionEl | FooterSectionEl | TableCellEl | ParagraphEl | ListItemEl | TableEl | TableRowEl;

/**
 * One opened Document in one execution: its Drive item, the permission checks, and the element
 * wrappers. Wrappers are cached per node, so `getChild(0)` twice returns the same object and
 * either works with `removeChild` / `getChildIndex`.
 */
export class DocSession {
  private readonly elements = new WeakMap<DocNode, ElementWrapper>();
  private readonly texts = new WeakMap<DocNode, TextEl>();
  private readonly marks = new WeakMap<ParaNode, InlineMarkEl>();
  closed = false;

  constructor(
    readonly exec: Execution,
    readonly item: DriveItem,
  ) {}

  /** The document's content (created empty for a document item that has none yet). */
  get content(): DocContent {
    const content = this.item.content instanceof DocContent ? this.item.content : new DocContent();
    this.item.content = content;
    return content;
  }

  /** Counts and times a call as `Class.method` (see Execution.call). */
  call<T>(method: string, body: () => T): T {
    return this.exec.call(method, body);
  }

  /** Checks the effective user may edit (and the Document is open), and marks the file updated. */
  write(): void {
    if (this.closed) throw this.exec.error(DOCUMENT_CLOSED);
    if (!this.exec.ws.canEdit(this.item, this.exec.effectiveUser)) throw this.exec.error(ACTION_NOT_ALLOWED);
    this.item.updated = this.exec.ws.clock.now();
  }

  /** The wrapper for a node (one per node per session). */
  wrap(node: DocNode): ElementWrapper {
    let w = this.elements.get(node);
    if (!w) {
      w = this.create(node);
      this.elements.set(node, w);
    }
    return w;
  }

  /** The Text element of a paragraph, or the text of a container as one Text (editAsText). */
  text(node: DocNode): TextEl {
    let t = this.texts.get(node);
    if (!t) {
      t = new TextEl(this, node);
      this.texts.set(node, t);
    }
    return t;
  }

  /** The PageBreak / HorizontalRule a paragraph holds. */
  mark(node: ParaNode): InlineMarkEl {
    let m = this.marks.get(node);
    if (!m) {
      m = new InlineMarkEl(this, node);
      this.marks.set(node, m);
    }
    return m;
  }

  /** The node behind a wrapper handed back by the add-on, or undefined for anything else. */
  unwrap(value: unknown): DocNode | undefined {
    if (
      value instanceof BodyEl ||
      value instanceof HeaderSectionEl ||
      value instanceof FooterSectionEl ||
      value instanceof TableCellEl ||
      value instanceof ParagraphEl ||
      value instanceof ListItemEl ||
      value instanceof TableEl ||
      value instanceof TableRowEl
    ) {
      return value.node;
    }
    return undefined;
  }

  private create(node: DocNode): ElementWrapper {
    switch (node.kind) {
      case 'BODY_SECTION':
        return new BodyEl(this, node);
      case 'HEADER_SECTION':
        return new HeaderSectionEl(this, node);
      case 'FOOTER_SECTION':
        return new FooterSectionEl(this, node);
      case 'TABLE_CELL':
        return new TableCellEl(this, node);
      case 'PARAGRAPH':
        return new ParagraphEl(this, node);
      case 'LIST_ITEM':
        return new ListItemEl(this, node);
      case 'TABLE':
        return new TableEl(this, node);
      case 'TABLE_ROW':
        return new TableRowEl(this, node);
    }
  }
}
