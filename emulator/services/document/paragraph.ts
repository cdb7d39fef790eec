import { childIndexMessage, ElementBase, type AnyElement } from './element';
import {
  cloneNode,
  GLYPHS,
  HEADINGS,
  nodeText,
  toParagraphText,
  type Glyph,
  type Heading,
  type ParaNode,
} from './model';
import type { DocSession } from './session';
import { TextEl } from './text';

type ParaMethods =
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'getType'
  | 'asParagraph'
  | 'asListItem'
  | 'getHeading'
  | 'setHeading'
  | 'getParent'
  | 'removeFromParent'
  | 'replaceText'
  | 'findText'
  | 'editAsText'
  | 'getNextSibling'
  | 'getPreviousSibling'
  | 'copy'
  | 'getNumChildren'
  | 'getChild';

/**
 * What paragraphs and list items share: text, heading, search and replace, copy. The paragraph's
 * text is one Text child (plus a PageBreak / HorizontalRule child for the paragraphs
 * `Body.appendPageBreak()` / `appendHorizontalRule()` create).
 */
abstract class ParaBase extends ElementBase<ParaNode> {
  getText(): string {
    return this.call('getText', () => this.node.text);
  }

  setText(text: string): void {
    this.call('setText', () => {
      this.s.write();
      this.node.text = toParagraphText(text);
      this.node.bold = new Array<boolean>(this.node.text.length).fill(false);
      this.node.holds = null;
    });
  }

  /** Appends text (or a Text element's text) to the paragraph; returns the paragraph's Text. */
  appendText(text: string | GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text {
    return this.call('appendText', () => {
      this.s.write();
      const add = toParagraphText(text instanceof TextEl ? nodeText(text.node) : String(text));
      const bold = this.node.bold[this.node.bold.length - 1] ?? false;
      this.node.text += add;
      this.node.bold.push(...new Array<boolean>(add.length).fill(bold));
      return this.s.text(this.node) as unknown as GoogleAppsScript.Document.Text;
    });
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this.call(
      'getHeading',
      () => this.node.heading as unknown as GoogleAppsScript.Document.ParagraphHeading,
    );
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): AnyElement {
    return this.call('setHeading', () => {
      this.s.write();
      this.node.heading = oneOf<Heading>(this.s, HEADINGS, heading, 'heading');
      return this.self();
    });
  }

  editAsText(): GoogleAppsScript.Document.Text {
    return this.call('editAsText', () => this.s.text(this.node) as unknown as GoogleAppsScript.Document.Text);
  }

  /** A detached deep copy (insert it with `Body.insertParagraph` / `appendParagraph`). */
  copy(): AnyElement {
    return this.call('copy', () => this.s.wrap(cloneNode(this.node)) as unknown as AnyElement);
  }

  getNumChildren(): number {
    return this.call('getNumChildren', () => this.children().length);
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    return this.call('getChild', () => {
      const list = this.children();
      const child = list[childIndex];
      if (!Number.isInteger(childIndex) || childIndex < 0 || !child) {
        throw this.s.exec.error(childIndexMessage(childIndex, list.length));
      }
      return child as unknown as GoogleAppsScript.Document.Element;
    });
  }

  private children(): object[] {
    const out: object[] = [];
    if (this.node.text !== '') out.push(this.s.text(this.node));
    if (this.node.holds) out.push(this.s.mark(this.node));
    return out;
  }
}

/** A paragraph (developers.google.com/apps-script/reference/document/paragraph). */
export class ParagraphEl extends ParaBase implements Pick<GoogleAppsScript.Document.Paragraph, ParaMethods> {
  protected readonly cls = 'Paragraph';
}

/**
 * A list item (developers.google.com/apps-script/reference/document/list-item): a paragraph with a
 * nesting level (0-based), a glyph and a list ID. "ListItems with the same list ID belong to the
 * same list and are numbered accordingly", adjacent or not; an item appended or inserted right
 * after another list item joins its list, any other starts a new one.
 */
export class ListItemEl
  extends ParaBase
  implements
    Pick<
      GoogleAppsScript.Document.ListItem,
      | ParaMethods
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getListId'
      | 'setListId'
    >
{
  protected readonly cls = 'ListItem';

  getListId(): string {
    return this.call('getListId', () => this.node.listId);
  }

  /** Puts this item in the list of `listItem` (so it is numbered with it). */
  setListId(listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem {
    return this.call('setListId', () => {
      this.s.write();
      const other = this.s.unwrap(listItem);
      if (other?.kind !== 'LIST_ITEM') throw this.s.exec.error('Invalid argument: listItem');
      this.node.listId = other.listId;
      this.node.listStart = other.listStart;
      return this.self();
    });
  }

  getNestingLevel(): number {
    return this.call('getNestingLevel', () => this.node.nesting);
  }

  setNestingLevel(nestingLevel: number): GoogleAppsScript.Document.ListItem {
    return this.call('setNestingLevel', () => {
      this.s.write();
      if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
        throw this.s.exec.error('Invalid argument: nestingLevel');
      }
      this.node.nesting = nestingLevel;
      return this.self();
    });
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return this.call('getGlyphType', () => this.node.glyph as unknown as GoogleAppsScript.Document.GlyphType);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): GoogleAppsScript.Document.ListItem {
    return this.call('setGlyphType', () => {
      this.s.write();
      this.node.glyph = oneOf<Glyph>(this.s, GLYPHS, glyphType, 'glyphType');
      return this.self();
    });
  }
}

/**
 * The PageBreak or HorizontalRule a paragraph holds
 * (developers.google.com/apps-script/reference/document/page-break, .../horizontal-rule).
 */
export class InlineMarkEl implements Pick<
  GoogleAppsScript.Document.PageBreak,
  'getType' | 'getParent' | 'removeFromParent'
> {
  constructor(
    private readonly s: DocSession,
    private readonly para: ParaNode,
  ) {}

  private get cls(): string {
    return this.para.holds === 'HORIZONTAL_RULE' ? 'HorizontalRule' : 'PageBreak';
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return this.s.call(
      `${this.cls}.getType`,
      () => (this.para.holds ?? 'PAGE_BREAK') as unknown as GoogleAppsScript.Document.ElementType,
    );
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return this.s.call(
      `${this.cls}.getParent`,
      () => this.s.wrap(this.para) as unknown as GoogleAppsScript.Document.ContainerElement,
    );
  }

  removeFromParent(): GoogleAppsScript.Document.PageBreak {
    return this.s.call(`${this.cls}.removeFromParent`, () => {
      this.s.write();
      this.para.holds = null;
      return this as unknown as GoogleAppsScript.Document.PageBreak;
    });
  }
}

function oneOf<T extends string>(s: DocSession, allowed: readonly T[], value: unknown, name: string): T {
  const v = String(value);
  if (!(allowed as readonly string[]).includes(v)) throw s.exec.error(`Invalid argument: ${name}`);
  return v as T;
}
