import type { Execution } from '../../core/execution';
import { MIME, type DriveItem } from '../../core/workspace';
import { FakeBlob, toBytes } from '../blob';
import { inherit } from './acl';
import { ItemBase } from './item';
import { FakeIterator } from './iterators';

type FolderMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getOwner'
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFolders'
  | 'getFoldersByName'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getParents'
  | 'moveTo'
  | 'setTrashed'
  | 'isTrashed'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getDescription'
  | 'setDescription';

/** Blob-like arguments `createFile` accepts: a Blob, or anything with `getBlob()`. */
export function blobOf(exec: Execution, value: unknown): FakeBlob {
  if (value instanceof FakeBlob) return value;
  const source = value as { getBlob?: () => unknown } | null;
  const blob = typeof source?.getBlob === 'function' ? source.getBlob() : undefined;
  if (blob instanceof FakeBlob) return blob;
  throw exec.error('Invalid argument: blob');
}

/** Creates a file owned by the effective user in `folder` from `createFile`'s arguments. */
export function createFileIn(
  exec: Execution,
  folder: DriveItem,
  args: [GoogleAppsScript.Base.BlobSource] | [string, string, string?],
): DriveItem {
  let name: string;
  let bytes: Uint8Array;
  let mimeType: string;
  if (typeof args[0] === 'string') {
    name = args[0];
    bytes = toBytes(String(args[1] ?? ''));
    mimeType = args[2] ?? MIME.plain;
  } else {
    const blob = blobOf(exec, args[0]);
    name = blob.getName() ?? 'Untitled';
    bytes = blob.rawBytes().slice();
    mimeType = blob.getContentType() ?? 'application/octet-stream';
  }
  const item = exec.ws.createItem(exec.effectiveUser, name, mimeType, {
    parents: new Set([folder.id]),
    bytes,
  });
  inherit(item, folder);
  return item;
}

/** Creates a folder owned by the effective user inside `parent`. */
export function createFolderIn(exec: Execution, parent: DriveItem, name: string): DriveItem {
  const item = exec.ws.createItem(exec.effectiveUser, String(name), MIME.folder, {
    parents: new Set([parent.id]),
  });
  inherit(item, parent);
  return item;
}

/**
 * A Drive folder (developers.google.com/apps-script/reference/drive/folder). Creating inside it
 * needs edit access ("Access denied: DriveApp." otherwise); new items inherit its editors and
 * viewers, and sharing it shares its contents. Listings show what the user can see, in creation
 * order, trashed items included (as DriveApp's listings do).
 */
export class FolderEl extends ItemBase implements Pick<GoogleAppsScript.Drive.Folder, FolderMethods> {
  protected readonly cls = 'Folder';

  createFile(
    ...args: [GoogleAppsScript.Base.BlobSource] | [string, string, string?]
  ): GoogleAppsScript.Drive.File {
    return this.call('createFile', () => {
      this.edit();
      return this.make.file(createFileIn(this.exec, this.item, args));
    });
  }

  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    return this.call('createFolder', () => {
      this.edit();
      return this.make.folder(createFolderIn(this.exec, this.item, name));
    });
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.call('getFiles', () => this.files(() => true));
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.call('getFilesByName', () => this.files((i) => i.name === String(name)));
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.call('getFolders', () => this.folders(() => true));
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return this.call('getFoldersByName', () => this.folders((i) => i.name === String(name)));
  }

  private children(folders: boolean, keep: (i: DriveItem) => boolean): DriveItem[] {
    return [...this.exec.ws.drive.values()].filter(
      (i) =>
        i.parents.has(this.item.id) &&
        (i.mimeType === MIME.folder) === folders &&
        keep(i) &&
        this.exec.ws.canView(i, this.exec.effectiveUser),
    );
  }

  private files(keep: (i: DriveItem) => boolean): GoogleAppsScript.Drive.FileIterator {
    const list = this.children(false, keep).map((i) => this.make.file(i));
    return new FakeIterator(
      this.exec,
      'FileIterator',
      list,
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }

  private folders(keep: (i: DriveItem) => boolean): GoogleAppsScript.Drive.FolderIterator {
    const list = this.children(true, keep).map((i) => this.make.folder(i));
    return new FakeIterator(
      this.exec,
      'FolderIterator',
      list,
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}
