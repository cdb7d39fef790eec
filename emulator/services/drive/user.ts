import type { Execution } from '../../core/execution';

/**
 * A user with access to a file (developers.google.com/apps-script/reference/drive/user, and
 * .../base/user for `Document.getEditors()`): email, name (null when the Workspace does not know
 * them), domain.
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
