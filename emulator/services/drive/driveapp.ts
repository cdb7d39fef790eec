import type { Execution } from '../../core/execution';
import { MIME, type DriveItem } from '../../core/workspace';
import { FileEl } from './file';
import { createFileIn, createFolderIn, FolderEl } from './folder';
import { ACCESS, folderById, NOT_FOUND, PERMISSIONS, type ItemFactory } from './item';
import { FakeIterator } from './iterators';

/** The DriveApp global object the add-on sees. */
export type FakeDriveApp = Pick<
  GoogleAppsScript.Drive.DriveApp,
  | 'getFileById'
  | 'getFolderById'
  | 'getRootFolder'
  | 'createFolder'
  | 'createFile'
  | 'getFilesByName'
  | 'getFoldersByName'
  | 'Access'
  | 'Permission'
>;

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

/**
 * DriveApp (developers.google.com/apps-script/reference/drive/drive-app), acting as the
 * execution's effective user. `getFileById` / `getFolderById` of an unknown ID, or of an item the
 * user cannot see, throw "No item with the given ID could be found. Possibly because you have not
 * edited this item or you do not have permission to access it." `getFilesByName` /
 * `getFoldersByName` list items in the user's Drive (owned, or shared with them by name), trashed
 * ones included as DriveApp does. `createFile` / `createFolder` put items in My Drive. Enums
 * are strings (`DriveApp.Access.DOMAIN === 'DOMAIN'`).
 */
export function createDriveApp(exec: Execution): FakeDriveApp {
  const make: ItemFactory = {
    file: (item) => new FileEl(exec, item, make) as unknown as GoogleAppsScript.Drive.File,
    folder: (item) => new FolderEl(exec, item, make) as unknown as GoogleAppsScript.Drive.Folder,
  };
  const user = exec.effectiveUser;
  const visible = (id: string): DriveItem => {
    const item = exec.ws.drive.get(String(id));
    if (!item || !exec.ws.canView(item, user)) throw exec.error(NOT_FOUND);
    return item;
  };
  const mine = (folders: boolean, name: string): DriveItem[] =>
    [...exec.ws.drive.values()].filter(
      (i) =>
        !i.id.startsWith('root:') &&
        i.name === String(name) &&
        (i.mimeType === MIME.folder) === folders &&
        (i.owner === user || i.editors.has(user) || i.viewers.has(user)),
    );
  return {
    Access: enumOf(ACCESS) as unknown as typeof GoogleAppsScript.Drive.Access,
    Permission: enumOf(PERMISSIONS) as unknown as typeof GoogleAppsScript.Drive.Permission,
    getFileById: (id: string) => exec.call('DriveApp.getFileById', () => make.file(visible(id))),
    getFolderById: (id: string) =>
      exec.call('DriveApp.getFolderById', () => {
        const item = folderById(exec, String(id));
        if (!item || item.mimeType !== MIME.folder || !exec.ws.canView(item, user))
          throw exec.error(NOT_FOUND);
        return make.folder(item);
      }),
    getRootFolder: () => exec.call('DriveApp.getRootFolder', () => make.folder(exec.ws.rootFolder(user))),
    createFolder: (name: string) =>
      exec.call('DriveApp.createFolder', () =>
        make.folder(createFolderIn(exec, exec.ws.rootFolder(user), name)),
      ),
    createFile: (...args: [GoogleAppsScript.Base.BlobSource] | [string, string, string?]) =>
      exec.call('DriveApp.createFile', () => make.file(createFileIn(exec, exec.ws.rootFolder(user), args))),
    getFilesByName: (name: string) =>
      exec.call(
        'DriveApp.getFilesByName',
        () =>
          new FakeIterator(
            exec,
            'FileIterator',
            mine(false, name).map(make.file),
          ) as unknown as GoogleAppsScript.Drive.FileIterator,
      ),
    getFoldersByName: (name: string) =>
      exec.call(
        'DriveApp.getFoldersByName',
        () =>
          new FakeIterator(
            exec,
            'FolderIterator',
            mine(true, name).map(make.folder),
          ) as unknown as GoogleAppsScript.Drive.FolderIterator,
      ),
  };
}
