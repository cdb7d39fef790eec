/**
 * Shares a file without Drive's own "shared with you" email, through the Drive API v3 advanced
 * service (`Drive.Permissions.create(…, {sendNotificationEmail: false})`,
 * developers.google.com/drive/api/reference/rest/v3/permissions/create). DriveApp's
 * addViewer/addEditor cannot turn that email off, which would give every invited person a second
 * email beside the add-on's own invitation.
 * @throws Error when the Drive advanced service is not enabled, or the Drive API refuses
 */
export function shareQuietly(fileId: string, emails: readonly string[], role: 'reader' | 'writer'): void {
  const permissions = Drive?.Permissions;
  if (!permissions) throw new Error('The Drive advanced service (v3) is not enabled in this project.');
  for (const emailAddress of emails) {
    permissions.create({ type: 'user', role, emailAddress }, fileId, { sendNotificationEmail: false });
  }
}
