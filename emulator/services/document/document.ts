import type { Execution } from '../../core/execution';
import { MIME, type DriveItem } from '../../core/workspace';
import { emailOf, itemUrl, outsideShareRefused, revoke, shareWithNotice, usersOf } from '../drive/acl';
import { GLYPHS, HEADINGS, DocContent, newSection } from './model';
import { ACTION_NOT_ALLOWED, DocSession } from './session';

type DocumentMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getBody'
  | 'getHeader'
  | 'getFooter'
  | 'addHeader'
  | 'addFooter'
  | 'saveAndClose'
  | 'addEditor'
  | 'addViewer'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers';

/**
 * An open Google Doc (developers.google.com/apps-script/reference/document/document): its body,
 * and its header and footer sections when it has them (`getHeader()` / `getFooter()` give null
 * until `addHeader()` / `addFooter()`, or an imported Word file, made one). Reading
 * needs view access (checked when opened); any change needs edit access and otherwise throws
 * "Action not allowed". After `saveAndClose()` changes throw "Document is closed, its contents
 * cannot be updated." Editors/viewers exclude the owner and are empty unless the user can edit.
 */
export class DocumentEl implements Pick<GoogleAppsScript.Document.Document, DocumentMethods> {
  private readonly s: DocSession;

  constructor(
    private readonly exec: Execution,
    private readonly item: DriveItem,
  ) {
    this.s = new DocSession(exec, item);
  }

  private call<T>(method: string, body: () => T): T {
    return this.exec.call(`Document.${method}`, body);
  }

  private self(): GoogleAppsScript.Document.Document {
    return this as unknown as GoogleAppsScript.Document.Document;
  }

  getId(): string {
    return this.call('getId', () => this.item.id);
  }

  getName(): string {
    return this.call('getName', () => this.item.name);
  }

  setName(name: string): GoogleAppsScript.Document.Document {
    return this.call('setName', () => {
      this.s.write();
      this.item.name = String(name);
      return this.self();
    });
  }

  getUrl(): string {
    return this.call('getUrl', () => itemUrl(this.item));
  }

  getBody(): GoogleAppsScript.Document.Body {
    return this.call(
      'getBody',
      () => this.s.wrap(this.s.content.body) as unknown as GoogleAppsScript.Document.Body,
    );
  }

  /** The document's header section, or null when it has none (Document.getHeader()). */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    return this.call('getHeader', () => this.section('header'));
  }

  /** The document's footer section, or null when it has none (Document.getFooter()). */
  getFooter(): GoogleAppsScript.Document.FooterSection {
    return this.call('getFooter', () => this.section('footer'));
  }

  /**
   * "Adds a document header section, if none exists" (Document.addHeader()): a new header holding
   * one empty paragraph. When the document has one already, throws (the stricter reading).
   */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    return this.call('addHeader', () => this.addSection('header'));
  }

  /** "Adds a document footer section, if none exists" (Document.addFooter()); throws when it has one. */
  addFooter(): GoogleAppsScript.Document.FooterSection {
    return this.call('addFooter', () => this.addSection('footer'));
  }

  private section(which: 'header' | 'footer'): GoogleAppsScript.Document.HeaderSection {
    const node = this.s.content[which];
    return (node ? this.s.wrap(node) : null) as unknown as GoogleAppsScript.Document.HeaderSection;
  }

  private addSection(which: 'header' | 'footer'): GoogleAppsScript.Document.HeaderSection {
    this.s.write();
    if (this.s.content[which]) throw this.exec.error(`Document already contains a ${which}.`);
    this.s.content[which] = newSection(which === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION');
    return this.section(which);
  }

  /** Saves the document; this Document object can no longer change it. */
  saveAndClose(): void {
    this.call('saveAndClose', () => {
      this.s.closed = true;
    });
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return this.call('addEditor', () => this.share(user, 'editor', true));
  }

  addViewer(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return this.call('addViewer', () => this.share(user, 'viewer', true));
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return this.call('removeEditor', () => this.share(user, 'editor', false));
  }

  removeViewer(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return this.call('removeViewer', () => this.share(user, 'viewer', false));
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.call(
      'getEditors',
      () => usersOf(this.exec, this.item, 'editor') as unknown as GoogleAppsScript.Base.User[],
    );
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    return this.call(
      'getViewers',
      () => usersOf(this.exec, this.item, 'viewer') as unknown as GoogleAppsScript.Base.User[],
    );
  }

  private share(user: unknown, role: 'editor' | 'viewer', add: boolean): GoogleAppsScript.Document.Document {
    if (!this.exec.ws.canEdit(this.item, this.exec.effectiveUser)) throw this.exec.error(ACTION_NOT_ALLOWED);
    const email = emailOf(this.exec, user);
    if (add && outsideShareRefused(this.exec.ws, email)) throw this.exec.error(ACTION_NOT_ALLOWED);
    if (add) shareWithNotice(this.exec, this.item, email, role);
    else revoke(this.exec.ws, this.item, email, role);
    return this.self();
  }
}

/** Apps Script's message when a document cannot be found. */
export function missingMessage(id: string): string {
  return `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`;
}
/** Apps Script's message when the user cannot open an existing document. */
export const NO_PERMISSION = 'You do not have permission to access the requested document.';

const ELEMENT_TYPES = [
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'RICH_LINK',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const;

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);
}

/** The DocumentApp global object the add-on sees. */
export type FakeDocumentApp = Pick<
  GoogleAppsScript.Document.DocumentApp,
  'create' | 'openById' | 'openByUrl' | 'ElementType' | 'ParagraphHeading' | 'GlyphType'
>;

/**
 * DocumentApp (developers.google.com/apps-script/reference/document/document-app): create a
 * document in the effective user's My Drive, open one by ID or URL
 * (`https://docs.google.com/document/d/ID/edit`). Opening an unknown ID throws "Document ID is
 * missing (perhaps it was deleted, or you don't have read access?)"; a document the user cannot
 * view throws "You do not have permission to access the requested document." Enums are strings
 * (`DocumentApp.ParagraphHeading.HEADING1 === 'HEADING1'`), compared with `==` as scripts do.
 */
export function createDocumentApp(exec: Execution): FakeDocumentApp {
  const open = (id: string): GoogleAppsScript.Document.Document => {
    const item = exec.ws.drive.get(String(id));
    if (!item || item.mimeType !== MIME.document) throw exec.error(missingMessage(String(id)));
    if (!exec.ws.canView(item, exec.effectiveUser)) throw exec.error(NO_PERMISSION);
    return new DocumentEl(exec, item) as unknown as GoogleAppsScript.Document.Document;
  };
  return {
    ElementType: enumOf(ELEMENT_TYPES) as unknown as typeof GoogleAppsScript.Document.ElementType,
    ParagraphHeading: enumOf(HEADINGS) as unknown as typeof GoogleAppsScript.Document.ParagraphHeading,
    GlyphType: enumOf(GLYPHS) as unknown as typeof GoogleAppsScript.Document.GlyphType,
    create: (name: string) =>
      exec.call('DocumentApp.create', () => {
        const item = exec.ws.createItem(exec.effectiveUser, String(name), MIME.document, {
          content: new DocContent(),
        });
        return new DocumentEl(exec, item) as unknown as GoogleAppsScript.Document.Document;
      }),
    openById: (id: string) => exec.call('DocumentApp.openById', () => open(id)),
    openByUrl: (url: string) =>
      exec.call('DocumentApp.openByUrl', () => {
        const m = /^https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
        if (!m?.[1]) throw exec.error('Invalid argument: url');
        return open(m[1]);
      }),
  };
}
