import type { Execution } from '../../core/execution';
import { MIME, type Access, type DriveItem, type LinkPermission } from '../../core/workspace';
import { emailOf, itemUrl, outsideShareRefused, revoke, shareWithNotice, usersOf } from './acl';
import { FakeIterator } from './iterators';
import { FakeUser } from '../user';

/** Apps Script's message for an unknown ID or an item the user cannot see. */
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** Apps Script's message for a change the user is not allowed to make. */
export const ACCESS_DENIED = 'Access denied: DriveApp.';

/** DriveApp.Access values. */
export const ACCESS: readonly Access[] = [
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
];
/** DriveApp.Permission values (`setSharing` accepts only VIEW, EDIT, COMMENT and NONE). */
export const PERMISSIONS: readonly LinkPermission[] = [
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'FILE_ORGANIZER',
  'NONE',
];
const SETTABLE: readonly string[] = ['VIEW', 'EDIT', 'COMMENT', 'NONE'];

/** A value assignable to both File and Folder (methods both share return the receiver). */
export type AnyItem = GoogleAppsScript.Drive.File & GoogleAppsScript.Drive.Folder;

/** Builds the File or Folder wrapper for an item (set by the module that defines both). */
export interface ItemFactory {
  file(item: DriveItem): GoogleAppsScript.Drive.File;
  folder(item: DriveItem): GoogleAppsScript.Drive.Folder;
}

/** The Drive item behind a wrapper (or undefined). */
export function itemOf(value: unknown): DriveItem | undefined {
  return value instanceof ItemBase ? value.item : undefined;
}

/** An item by ID, creating a Workspace user's My Drive root folder on first use. */
export function folderById(exec: Execution, id: string): DriveItem | undefined {
  const owner = id.startsWith('root:') ? id.slice('root:'.length) : '';
  if (owner && exec.ws.users.has(owner)) return exec.ws.rootFolder(owner);
  return exec.ws.drive.get(id);
}

/**
 * What Files and Folders share (developers.google.com/apps-script/reference/drive/file and
 * .../folder): name, URL, owner, sharing, parents, trash, dates and description. Changes need
 * edit access (trashing needs ownership) and otherwise throw "Access denied: DriveApp.".
 */
export abstract class ItemBase {
  protected abstract readonly cls: 'File' | 'Folder';

  constructor(
    protected readonly exec: Execution,
    readonly item: DriveItem,
    protected readonly make: ItemFactory,
  ) {}

  protected call<T>(method: string, body: () => T): T {
    return this.exec.call(`${this.cls}.${method}`, body);
  }

  protected self(): AnyItem {
    return this as unknown as AnyItem;
  }

  /** Throws "Access denied: DriveApp." unless the effective user may edit `item`; marks it updated. */
  protected edit(item: DriveItem = this.item): void {
    if (!this.exec.ws.canEdit(item, this.exec.effectiveUser)) throw this.exec.error(ACCESS_DENIED);
    item.updated = this.exec.ws.clock.now();
  }

  getId(): string {
    return this.call('getId', () => this.item.id);
  }

  getName(): string {
    return this.call('getName', () => this.item.name);
  }

  setName(name: string): AnyItem {
    return this.call('setName', () => {
      this.edit();
      this.item.name = String(name);
      return this.self();
    });
  }

  getUrl(): string {
    return this.call('getUrl', () => itemUrl(this.item));
  }

  getOwner(): GoogleAppsScript.Drive.User {
    return this.call(
      'getOwner',
      () => new FakeUser(this.exec, this.item.owner) as unknown as GoogleAppsScript.Drive.User,
    );
  }

  getEditors(): GoogleAppsScript.Drive.User[] {
    return this.call(
      'getEditors',
      () => usersOf(this.exec, this.item, 'editor') as unknown as GoogleAppsScript.Drive.User[],
    );
  }

  getViewers(): GoogleAppsScript.Drive.User[] {
    return this.call(
      'getViewers',
      () => usersOf(this.exec, this.item, 'viewer') as unknown as GoogleAppsScript.Drive.User[],
    );
  }

  addEditor(user: string | GoogleAppsScript.Base.User): AnyItem {
    return this.call('addEditor', () => this.share([user], 'editor', true));
  }

  addEditors(emailAddresses: string[]): AnyItem {
    return this.call('addEditors', () => this.share(emailAddresses, 'editor', true));
  }

  addViewer(user: string | GoogleAppsScript.Base.User): AnyItem {
    return this.call('addViewer', () => this.share([user], 'viewer', true));
  }

  addViewers(emailAddresses: string[]): AnyItem {
    return this.call('addViewers', () => this.share(emailAddresses, 'viewer', true));
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): AnyItem {
    return this.call('removeEditor', () => this.share([user], 'editor', false));
  }

  removeViewer(user: string | GoogleAppsScript.Base.User): AnyItem {
    return this.call('removeViewer', () => this.share([user], 'viewer', false));
  }

  /**
   * Link/domain sharing. OWNER, ORGANIZER and FILE_ORGANIZER cannot be set and throw. ANYONE and
   * ANYONE_WITH_LINK throw "Access denied: DriveApp." where the tenant blocks sharing outside the
   * domain (developers.google.com/apps-script/reference/drive/access: "passing this value … throws
   * an exception"; the text as reported).
   */
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): AnyItem {
    return this.call('setSharing', () => {
      const access = String(accessType);
      const permission = String(permissionType);
      if (!(ACCESS as readonly string[]).includes(access))
        throw this.exec.error('Invalid argument: accessType');
      if (!SETTABLE.includes(permission)) throw this.exec.error('Invalid argument: permissionType');
      this.edit();
      const outside = access === 'ANYONE' || access === 'ANYONE_WITH_LINK';
      if (outside && permission !== 'NONE' && this.exec.ws.tenant.outsideSharing === 'blocked')
        throw this.exec.error(ACCESS_DENIED);
      this.item.access = access as Access;
      this.item.permission = permission as LinkPermission;
      return this.self();
    });
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.call('getSharingAccess', () => this.item.access as unknown as GoogleAppsScript.Drive.Access);
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.call(
      'getSharingPermission',
      () => this.item.permission as unknown as GoogleAppsScript.Drive.Permission,
    );
  }

  /** The parent folders the user can see. */
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return this.call('getParents', () => {
      const parents = [...this.item.parents]
        .map((id) => folderById(this.exec, id))
        .filter((f): f is DriveItem => !!f && this.exec.ws.canView(f, this.exec.effectiveUser))
        .map((f) => this.make.folder(f));
      return new FakeIterator(
        this.exec,
        'FolderIterator',
        parents,
      ) as unknown as GoogleAppsScript.Drive.FolderIterator;
    });
  }

  /** Moves the item into `destination` (edit access to both needed). */
  moveTo(destination: GoogleAppsScript.Drive.Folder): AnyItem {
    return this.call('moveTo', () => {
      const dest = itemOf(destination);
      if (!dest || dest.mimeType !== MIME.folder) throw this.exec.error('Invalid argument: destination');
      this.edit();
      this.edit(dest);
      this.item.parents = new Set([dest.id]);
      return this.self();
    });
  }

  /** Only the owner can trash (or restore) an item. */
  setTrashed(trashed: boolean): AnyItem {
    return this.call('setTrashed', () => {
      if (this.item.owner !== this.exec.effectiveUser) throw this.exec.error(ACCESS_DENIED);
      this.item.trashed = Boolean(trashed);
      this.item.updated = this.exec.ws.clock.now();
      return this.self();
    });
  }

  isTrashed(): boolean {
    return this.call('isTrashed', () => this.item.trashed);
  }

  getDateCreated(): GoogleAppsScript.Base.Date {
    return this.call('getDateCreated', () => this.exec.ws.clock.date(this.item.created));
  }

  getLastUpdated(): GoogleAppsScript.Base.Date {
    return this.call('getLastUpdated', () => this.exec.ws.clock.date(this.item.updated));
  }

  /** The description, or null when there is none. */
  getDescription(): string | null {
    return this.call('getDescription', () => this.item.description || null);
  }

  setDescription(description: string): AnyItem {
    return this.call('setDescription', () => {
      this.edit();
      this.item.description = String(description);
      return this.self();
    });
  }

  private share(users: unknown, role: 'editor' | 'viewer', add: boolean): AnyItem {
    if (!Array.isArray(users)) throw this.exec.error('Invalid argument: emailAddresses');
    this.edit();
    for (const u of users) {
      const email = emailOf(this.exec, u);
      if (add && outsideShareRefused(this.exec.ws, email)) throw this.exec.error(ACCESS_DENIED);
      if (add) shareWithNotice(this.exec, this.item, email, role);
      else revoke(this.exec.ws, this.item, email, role);
    }
    return this.self();
  }
}
