import type { AccountState } from '../core/columns';
import { directoryApi } from './advanced';

/** What the Admin SDK said of an account, with a note for the Notes column. */
export interface AccountResult {
  account: AccountState;
  note: string;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000];

/**
 * Checks the person's Workspace account and enables it when suspended, as the user running this
 * execution (AdminDirectory.Users.get / Users.update, developers.google.com/admin-sdk/directory/
 * reference/rest/v1/users). 403 (not a directory admin) gives Pending admin; 404 Not found; 429
 * and 5xx are retried with exponential backoff (1 s, 2 s, 4 s), then Error. Other errors rethrow
 * (a ReferenceError when the advanced service is not enabled).
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
      const code = httpCode(e);
      if (code === 403) {
        return {
          account: 'Pending admin',
          note: 'Account enablement is waiting for a directory administrator.',
        };
      }
      if (code === 404)
        return { account: 'Not found', note: `No Workspace account ${email}: check the address.` };
      if (code === 429 || (code !== undefined && code >= 500)) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          return {
            account: 'Error',
            note: `Admin SDK error ${code} after ${attempt + 1} tries; will retry.`,
          };
        }
        Utilities.sleep(delay);
        continue;
      }
      throw e;
    }
  }
}

/** The HTTP status of an advanced-service error (GoogleJsonResponseException `details.code`). */
export function httpCode(e: unknown): number | undefined {
  const details = (e as { details?: { code?: unknown } } | null)?.details;
  if (details && typeof details.code === 'number') return details.code;
  const m =
    /failed with error: (Not Authorized|Resource Not Found|Rate Limit|Backend Error|Service unavailable)/i.exec(
      String((e as { message?: unknown } | null)?.message ?? e),
    );
  if (!m) return undefined;
  const word = (m[1] as string).toLowerCase();
  if (word.startsWith('not authorized')) return 403;
  if (word.startsWith('resource')) return 404;
  if (word.startsWith('rate')) return 429;
  return 503;
}
