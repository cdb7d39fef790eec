import type { AccountState } from '../core/columns';
import { directoryApi } from './advanced';
import { apiFailure, isDeploymentFault, isTransient } from './api-error';

/** What the Admin SDK said of an account, with a note for the Notes column. */
export interface AccountResult {
  account: AccountState;
  note: string;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000];

/**
 * Checks the person's Workspace account and enables it when suspended, as the user running this
 * execution (AdminDirectory.Users.get / Users.update, developers.google.com/admin-sdk/directory/
 * reference/rest/v1/users). A 403 "Not Authorized" (not a directory admin) gives Pending admin;
 * 404 Not found; 429 and 5xx are retried with exponential backoff (1 s, 2 s, 4 s), then Error; a
 * 403 that is the deployment's fault (the Admin SDK API off in the Cloud project, or the scope
 * missing from the manifest) is Error with Google's message, never mistaken for a non-admin.
 * Other errors rethrow (a ReferenceError when the advanced service is not enabled).
 */
export function ensureActive(email: string): AccountResult {
  const users = directoryApi().Users;
  for (let attempt = 0; ; attempt++) {
    try {
      const user = users.get(email);
      if (!user.suspended) return { account: 'Active', note: 'Account already active.' };
      users.update({ suspended: false }, email);
      return { account: 'Active', note: 'Account enabled by AUP Signer.' };
    } catch (e) {
      const f = apiFailure(e);
      if (isDeploymentFault(f)) {
        return {
          account: 'Error',
          note: `The Admin SDK cannot be used (${f.message}): open Check deployment.`,
        };
      }
      if (f.code === 403) {
        return {
          account: 'Pending admin',
          note: 'Account enablement is waiting for a directory administrator.',
        };
      }
      if (f.code === 404)
        return { account: 'Not found', note: `No Workspace account ${email}: check the address.` };
      if (isTransient(f)) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          return {
            account: 'Error',
            note: `Admin SDK error ${f.code} after ${attempt + 1} tries; will retry.`,
          };
        }
        Utilities.sleep(delay);
        continue;
      }
      throw e;
    }
  }
}
