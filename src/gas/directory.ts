import type { AccountState } from '../core/columns';
import { directoryApi } from './advanced';
import { apiFailure, isDeploymentFault, isTransient } from './api-error';

/** What the Admin SDK said of an account, with a note for the Notes column. */
export interface AccountResult {
  account: AccountState;
  note: string;
}

/** What {@link accountCall} answers for each way the Admin SDK can refuse. */
export interface AccountRefusals {
  /** A 403 "Not Authorized": this user may not do it. */
  forbidden: AccountResult;
  /** A 404: the directory does not know the address. */
  notFound: AccountResult;
  /** The note once 429 or 5xx answered every try. */
  busy: (code: number, tries: number) => string;
}

/**
 * Runs an Admin SDK call about one account (AdminDirectory.Users, developers.google.com/admin-sdk/
 * directory/reference/rest/v1/users) and reads its refusals for what they are: 429 and 5xx are
 * retried after each of `delaysMs`, then Error with `busy`'s note; a 403 that is the deployment's
 * fault (the Admin SDK API off in the Cloud project, or the scope missing from the manifest) is
 * Error with Google's message, never mistaken for `forbidden`; 403 and 404 otherwise as `refusals`
 * says. Other errors rethrow (a ReferenceError when the advanced service is not enabled).
 */
export function accountCall(
  body: (users: GoogleAppsScript.AdminDirectory.Collection.UsersCollection) => AccountResult,
  delaysMs: readonly number[],
  refusals: AccountRefusals,
): AccountResult {
  const users = directoryApi().Users;
  for (let attempt = 0; ; attempt++) {
    try {
      return body(users);
    } catch (e) {
      const f = apiFailure(e);
      if (isDeploymentFault(f))
        return {
          account: 'Error',
          note: `The Admin SDK cannot be used (${f.message}): open Check deployment.`,
        };
      if (f.code === 403) return refusals.forbidden;
      if (f.code === 404) return refusals.notFound;
      const delay = delaysMs[attempt];
      if (!isTransient(f)) throw e;
      if (delay === undefined) return { account: 'Error', note: refusals.busy(f.code ?? 0, attempt + 1) };
      Utilities.sleep(delay);
    }
  }
}

/**
 * Checks the person's Workspace account and enables it when suspended, as the user running this
 * execution (Users.get / Users.update, through {@link accountCall}): a non-admin gives Pending
 * admin, an unknown address Not found, and 429/5xx are retried after 1 s, 2 s and 4 s.
 */
export function ensureActive(email: string): AccountResult {
  return accountCall(
    (users) => {
      if (!users.get(email).suspended) return { account: 'Active', note: 'Account already active.' };
      users.update({ suspended: false }, email);
      return { account: 'Active', note: 'Account enabled by AUP Signer.' };
    },
    [1000, 2000, 4000],
    {
      forbidden: {
        account: 'Pending admin',
        note: 'Account enablement is waiting for a directory administrator.',
      },
      notFound: { account: 'Not found', note: `No Workspace account ${email}: check the address.` },
      busy: (code, tries) => `Admin SDK error ${code} after ${tries} tries; will retry.`,
    },
  );
}
