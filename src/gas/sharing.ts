import { driveApi } from './advanced';

/**
 * Shares a file without Drive's own "shared with you" email, through the Drive API v3 advanced
 * service (`Drive.Permissions.create(…, {sendNotificationEmail: false})`,
 * developers.google.com/drive/api/reference/rest/v3/permissions/create). DriveApp's
 * addViewer/addEditor cannot turn that email off, which would give every invited person a second
 * email beside the add-on's own invitation.
 * @throws ReferenceError when the Drive advanced service is not enabled; the Drive API's error
 *   when it refuses
 */
export function shareQuietly(fileId: string, emails: readonly string[], role: 'reader' | 'writer'): void {
  const permissions = driveApi().Permissions;
  for (const emailAddress of emails) {
    permissions.create({ type: 'user', role, emailAddress }, fileId, { sendNotificationEmail: false });
  }
}

/**
 * Whether `email` can read a file themselves (owner, editor, viewer, or by link or domain sharing
 * of their own domain). The web app runs as its deployer, so this stops a business manager from
 * copying out a Doc that only the deployer can read.
 */
export function canRead(fileId: string, email: string): boolean {
  const file = DriveApp.getFileById(fileId);
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  const named = [
    owner,
    ...[...file.getEditors(), ...file.getViewers()].map((u) => u.getEmail().toLowerCase()),
  ];
  if (named.includes(email)) return true;
  const permission = file.getSharingPermission();
  if (permission === DriveApp.Permission.NONE) return false;
  const access = file.getSharingAccess();
  if (access === DriveApp.Access.ANYONE || access === DriveApp.Access.ANYONE_WITH_LINK) return true;
  const sameDomain = owner.split('@')[1] === email.split('@')[1];
  return sameDomain && (access === DriveApp.Access.DOMAIN || access === DriveApp.Access.DOMAIN_WITH_LINK);
}
