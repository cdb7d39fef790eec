import type { Execution } from '../../core/execution';
import { MIME, type DriveItem, type Workspace } from '../../core/workspace';
import { FakeUser } from '../user';

/**
 * Drive sharing shared by DriveApp (File/Folder) and DocumentApp (Document): individual editors
 * and viewers, inherited by a folder's contents as Drive does.
 * Reference: developers.google.com/apps-script/reference/drive/file#addEditor(String).
 */

/** The email an `addEditor`-style argument names (an address or a User), lower-cased. Throws "Invalid email: x" otherwise. */
export function emailOf(exec: Execution, who: unknown): string {
  const raw =
    typeof who === 'object' && who !== null && typeof (who as { getEmail?: unknown }).getEmail === 'function'
      ? String((who as { getEmail(): string }).getEmail())
      : String(who);
  const email = raw.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw exec.error(`Invalid email: ${raw}`);
  return email;
}

/**
 * Whether the tenant refuses to share with `email`: an address outside the domain where sharing
 * outside it is blocked (Admin console › Drive and Docs › Sharing settings).
 */
export function outsideShareRefused(ws: Workspace, email: string): boolean {
  return ws.tenant.outsideSharing === 'blocked' && !ws.inDomain(email);
}

/** Items inside a folder, at any depth. */
export function descendantsOf(ws: Workspace, folder: DriveItem): DriveItem[] {
  const out: DriveItem[] = [];
  const queue = [folder.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const item of ws.drive.values()) {
      if (item.parents.has(id) && !out.includes(item)) {
        out.push(item);
        if (item.mimeType === MIME.folder) queue.push(item.id);
      }
    }
  }
  return out;
}

function applyGrant(item: DriveItem, email: string, role: 'editor' | 'viewer'): void {
  if (item.owner === email) return;
  if (role === 'editor') {
    item.viewers.delete(email);
    item.editors.add(email);
  } else if (!item.editors.has(email)) {
    item.viewers.add(email);
  }
}

/**
 * Gives `email` edit or view access (a viewer who becomes an editor stops being a viewer; adding
 * a viewer who already edits changes nothing). A folder's contents inherit it.
 */
export function grant(ws: Workspace, item: DriveItem, email: string, role: 'editor' | 'viewer'): void {
  for (const target of [item, ...(item.mimeType === MIME.folder ? descendantsOf(ws, item) : [])]) {
    applyGrant(target, email, role);
  }
}

/**
 * Shares as DriveApp, DocumentApp and the Drive API do: grants the access and, when it is new,
 * Google Drive emails the person a share notification ("Document shared with you: …"). DriveApp
 * has no way to turn this off (`notify` is always true there); the Drive API's
 * `permissions.create` has `sendNotificationEmail: false`.
 */
export function shareWithNotice(
  exec: Execution,
  item: DriveItem,
  email: string,
  role: 'editor' | 'viewer',
  notify = true,
): void {
  const ws = exec.ws;
  const before = role === 'editor' ? ws.canEdit(item, email) : ws.canView(item, email);
  grant(ws, item, email, role);
  if (notify && !before) notifyShare(exec, item, email, role);
}

/** The share notification Google Drive emails (not sent through MailApp, so no MailApp quota). */
export function notifyShare(
  exec: Execution,
  item: DriveItem,
  email: string,
  role: 'editor' | 'viewer',
): void {
  const ws = exec.ws;
  const sharer = exec.effectiveUser;
  const id = ws.ids.next(16);
  const name = ws.users.get(sharer)?.name.fullName ?? sharer;
  ws.sentMail.push({
    id,
    threadId: id,
    sender: 'drive-shares-dm-noreply@google.com',
    senderName: `${name} (via Google Drive)`,
    to: [email],
    cc: [],
    bcc: [],
    replyTo: sharer,
    subject: `Document shared with you: "${item.name}"`,
    body: `${name} (${sharer}) has invited you to ${role === 'editor' ? 'edit' : 'view'} the following document: ${item.name} ${itemUrl(item)}`,
    htmlBody: '',
    attachments: [],
    sentAt: ws.clock.now(),
  });
}

/** Removes `email` as an editor (or viewer), here and from a folder's contents. */
export function revoke(ws: Workspace, item: DriveItem, email: string, role: 'editor' | 'viewer'): void {
  for (const target of [item, ...(item.mimeType === MIME.folder ? descendantsOf(ws, item) : [])]) {
    (role === 'editor' ? target.editors : target.viewers).delete(email);
  }
}

/** A new item in `folder` inherits the folder's editors and viewers. */
export function inherit(child: DriveItem, folder: DriveItem): void {
  for (const e of folder.editors) applyGrant(child, e, 'editor');
  for (const v of folder.viewers) applyGrant(child, v, 'viewer');
  if (folder.owner !== child.owner) applyGrant(child, folder.owner, 'editor');
}

/**
 * Editors or viewers as Users (the owner is not listed; see `getOwner`). Like Apps Script, an
 * empty array when the effective user cannot edit the item.
 */
export function usersOf(exec: Execution, item: DriveItem, role: 'editor' | 'viewer'): FakeUser[] {
  if (!exec.ws.canEdit(item, exec.effectiveUser)) return [];
  return [...(role === 'editor' ? item.editors : item.viewers)].map((e) => new FakeUser(exec, e));
}

/** The URL Google gives an item: Docs, Sheets and Forms editors, Drive folders, or the file viewer. */
export function itemUrl(item: DriveItem): string {
  switch (item.mimeType) {
    case MIME.document:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case MIME.form:
      return `https://docs.google.com/forms/d/${item.id}/edit`;
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${item.id}`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}
