import type { Execution } from '../core/execution';
import { shareWithNotice } from './drive/acl';

type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;

/** Apps Script's text for a failed advanced-service call to the Drive API. */
function apiError(exec: Execution, message: string, code: number): Error {
  const e = exec.error(`API call to drive.permissions.create failed with error: ${message}`);
  (e as Error & { details: unknown }).details = { code, message };
  return e;
}

/**
 * The Drive API v3 advanced service (`Drive`), the subset the add-on uses: `Permissions.create`
 * (developers.google.com/drive/api/reference/rest/v3/permissions/create). A user permission with
 * role reader or commenter grants view access, writer grants edit access; the caller must be able
 * to edit the file (403 "The user does not have sufficient permissions for this file." otherwise,
 * 404 "File not found: ID." for a file they cannot see). Drive emails the person a share
 * notification unless `sendNotificationEmail: false`, which is what the Drive API offers and
 * DriveApp does not.
 */
export function createDriveApi(exec: Execution): { Permissions: Pick<PermissionsCollection, 'create'> } {
  const Permissions = {
    create(resource: Permission, fileId: string, optionalArgs?: object): Permission {
      return exec.call('Drive.Permissions.create', () => {
        const ws = exec.ws;
        const item = ws.drive.get(fileId);
        const me = exec.effectiveUser;
        if (!item || item.trashed || !ws.canView(item, me))
          throw apiError(exec, `File not found: ${fileId}.`, 404);
        if (!ws.canEdit(item, me))
          throw apiError(exec, 'The user does not have sufficient permissions for this file.', 403);
        const email = String(resource.emailAddress ?? '').toLowerCase();
        if (resource.type !== 'user' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
          throw apiError(
            exec,
            'Invalid sharing request. Only user permissions with an email address are supported here.',
            400,
          );
        }
        const role =
          resource.role === 'writer'
            ? 'editor'
            : resource.role === 'reader' || resource.role === 'commenter'
              ? 'viewer'
              : '';
        if (!role) throw apiError(exec, `Invalid role: ${String(resource.role)}`, 400);
        const notify =
          (optionalArgs as { sendNotificationEmail?: boolean } | undefined)?.sendNotificationEmail !== false;
        shareWithNotice(exec, item, email, role, notify);
        return {
          id: ws.ids.next(20),
          type: 'user',
          role: resource.role,
          emailAddress: email,
          kind: 'drive#permission',
        };
      });
    },
  } as Pick<PermissionsCollection, 'create'>;
  return { Permissions };
}
