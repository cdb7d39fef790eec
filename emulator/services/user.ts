import type { Execution } from '../core/execution';

/**
 * A user (developers.google.com/apps-script/reference/base/user, and
 * developers.google.com/apps-script/reference/drive/user for a user with access to a file):
 * email (`getEmail()` is '' where Google does not reveal who the active user is), name (null when
 * the Workspace does not know them), domain. Returned as a `Base.User` by `Session`,
 * SpreadsheetApp's `getEditors`/`getOwner` and `Document.getEditors()`.
 */
export class FakeUser implements Pick<GoogleAppsScript.Drive.User, 'getEmail' | 'getName' | 'getDomain'> {
  constructor(
    private readonly exec: Execution,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.exec.call('User.getEmail', () => this.email);
  }

  getName(): string {
    return this.exec.call(
      'User.getName',
      () => (this.exec.ws.users.get(this.email)?.name.fullName ?? null) as unknown as string,
    );
  }

  getDomain(): string {
    return this.exec.call('User.getDomain', () => this.email.slice(this.email.indexOf('@') + 1));
  }
}
