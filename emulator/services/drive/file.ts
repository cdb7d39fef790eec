import { MIME, type DriveItem } from '../../core/workspace';
import { FakeBlob } from '../blob';
import { DocContent } from '../document/model';
import { documentPdfBlocks } from '../document/io';
import { renderPdf, textBlocks, type PdfBlock } from '../pdf/render';
import { inherit } from './acl';
import { ACCESS_DENIED, folderById, ItemBase, itemOf } from './item';

type FileMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getMimeType'
  | 'getOwner'
  | 'getEditors'
  | 'getViewers'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'makeCopy'
  | 'getAs'
  | 'getBlob'
  | 'moveTo'
  | 'getParents'
  | 'setTrashed'
  | 'isTrashed'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getDescription'
  | 'setDescription'
  | 'getSize';

/**
 * A Drive file (developers.google.com/apps-script/reference/drive/file).
 * - `makeCopy(name?, destination?)`: "Copy of NAME" by default, owned by the effective user, the
 *   content deep-cloned, sharing not copied; lands in `destination`, else beside the original when
 *   the user can edit that folder, else in their My Drive.
 * - `getAs('application/pdf')` / `getBlob()` of a Google file or a text file: a real PDF (A4, DejaVu
 *   Sans) of its text named "NAME.pdf", the same bytes for the same content. Other conversions
 *   throw "Converting from X to Y is not supported."
 * - `getSize()`: bytes of an uploaded file; 0 for Google files (they use no quota).
 */
export class FileEl extends ItemBase implements Pick<GoogleAppsScript.Drive.File, FileMethods> {
  protected readonly cls = 'File';

  getMimeType(): string {
    return this.call('getMimeType', () => this.item.mimeType);
  }

  getSize(): number {
    return this.call('getSize', () => this.item.bytes?.length ?? 0);
  }

  makeCopy(
    nameOrDestination?: string | GoogleAppsScript.Drive.Folder,
    destination?: GoogleAppsScript.Drive.Folder,
  ): GoogleAppsScript.Drive.File {
    return this.call('makeCopy', () => {
      const ws = this.exec.ws;
      const user = this.exec.effectiveUser;
      if (!ws.canView(this.item, user)) throw this.exec.error(ACCESS_DENIED);
      const named = typeof nameOrDestination === 'string';
      const dest = itemOf(named ? destination : nameOrDestination);
      if (dest) this.edit(dest);
      const beside = [...this.item.parents]
        .map((id) => folderById(this.exec, id))
        .find((f): f is DriveItem => !!f && ws.canEdit(f, user));
      const parent = dest ?? beside ?? ws.rootFolder(user);
      const copy = ws.createItem(
        user,
        named ? nameOrDestination : `Copy of ${this.item.name}`,
        this.item.mimeType,
        {
          parents: new Set([parent.id]),
          description: this.item.description,
          ...(this.item.content ? { content: this.item.content.clone() } : {}),
          ...(this.item.bytes ? { bytes: this.item.bytes.slice() } : {}),
        },
      );
      inherit(copy, parent);
      return this.make.file(copy);
    });
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return this.call('getAs', () => this.convert(String(contentType)));
  }

  /** The file's data: its bytes, or for a Google file its PDF export. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.call('getBlob', () => {
      if (this.item.bytes) return this.blob(this.item.bytes.slice(), this.item.mimeType, this.item.name);
      return this.convert(MIME.pdf);
    });
  }

  private convert(contentType: string): GoogleAppsScript.Base.Blob {
    const { item } = this;
    if (item.bytes && contentType === item.mimeType)
      return this.blob(item.bytes.slice(), item.mimeType, item.name);
    const blocks = contentType.toLowerCase() === MIME.pdf ? this.pdfBlocks() : undefined;
    if (!blocks)
      throw this.exec.error(`Converting from ${item.mimeType} to ${contentType} is not supported.`);
    const bytes = renderPdf({ title: item.name, author: item.owner, dateMs: item.updated, blocks });
    return this.blob(bytes, MIME.pdf, `${item.name}.pdf`);
  }

  /** What a PDF export shows: a document's layout, another Google file's or a text file's text. */
  private pdfBlocks(): PdfBlock[] | undefined {
    const { content, bytes, mimeType } = this.item;
    if (content instanceof DocContent) return documentPdfBlocks(content);
    if (content) return textBlocks(content.toText());
    if (bytes && mimeType.startsWith('text/')) return textBlocks(new TextDecoder().decode(bytes));
    return undefined;
  }

  private blob(bytes: Uint8Array, type: string, name: string): GoogleAppsScript.Base.Blob {
    return new FakeBlob(this.exec, bytes, type, name) as unknown as GoogleAppsScript.Base.Blob;
  }
}
