import type { Execution } from '../../core/execution';
import { FakeUser } from '../user';

/** The email address in an argument that may be a string or a `User`. */
export function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return (typeof user === 'string' ? user : user.getEmail()).trim().toLowerCase();
}

/** Users for a list of addresses, as the add-on receives them. */
export function usersOf(exec: Execution, emails: Iterable<string>): GoogleAppsScript.Base.User[] {
  return [...emails].map((e) => new FakeUser(exec, e) as unknown as GoogleAppsScript.Base.User);
}
