import { createHash } from 'node:crypto';
import type { Execution } from '../core/execution';
import { FakeUser } from './user';

/** The locale `getActiveUserLocale` reports (the school's users work in British English). */
export const DEFAULT_LOCALE = 'en_GB';

type SessionMethods =
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey';

/**
 * The `Session` global (developers.google.com/apps-script/reference/base/session):
 * `getActiveUser()` is `exec.activeUser` (email '' when unknown), `getEffectiveUser()` is whose
 * authority the script runs with, `getScriptTimeZone()` the Workspace's (`Europe/London`),
 * `getActiveUserLocale()` `en_GB`, and `getTemporaryActiveUserKey()` an opaque key that is the
 * same for the same user of this script and differs between users.
 */
export function createSession(exec: Execution): Pick<GoogleAppsScript.Base.Session, SessionMethods> {
  const user = (email: string) => new FakeUser(exec, email) as unknown as GoogleAppsScript.Base.User;
  return {
    getActiveUser: () => exec.call('Session.getActiveUser', () => user(exec.activeUser)),
    getEffectiveUser: () => exec.call('Session.getEffectiveUser', () => user(exec.effectiveUser)),
    getScriptTimeZone: () => exec.call('Session.getScriptTimeZone', () => exec.ws.timeZone),
    getActiveUserLocale: () => exec.call('Session.getActiveUserLocale', () => DEFAULT_LOCALE),
    getTemporaryActiveUserKey: () =>
      exec.call('Session.getTemporaryActiveUserKey', () => {
        const who = (exec.activeUser || exec.effectiveUser).toLowerCase();
        return createHash('sha256')
          .update(`${exec.ws.domain}|temporary-key|${who}`)
          .digest('base64url')
          .slice(0, 43);
      }),
  };
}
