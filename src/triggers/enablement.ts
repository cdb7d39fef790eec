import { APPROVER_RIGHTS_KEY, approverRights } from '../gas/approver-rights';
import { directoryApi } from '../gas/advanced';
import { ensureActive, type AccountResult } from '../gas/directory';
import { withScriptLock } from '../gas/lock';
import { callServer } from '../gas/server-client';

/** Name of the hourly installable trigger a directory admin installs. */
export const ENABLEMENT_TRIGGER = 'onEnablementTrigger';

/** Script Properties key: who installed account enablement, and when (for Check deployment). */
export const ENABLEMENT_KEY = 'AUP_SIGNER_ENABLEMENT';

/**
 * Records what an approver's Admin SDK call showed (written only when it changes), so Check
 * deployment can tell even when whoever runs it is no directory administrator.
 */
export function noteApproverRights(approver: string, result: AccountResult): void {
  const admin = result.account !== 'Pending admin';
  if (approverRights()[approver] === admin) return;
  withScriptLock(
    () => {
      const rights = approverRights();
      rights[approver] = admin;
      PropertiesService.getScriptProperties().setProperty(APPROVER_RIGHTS_KEY, JSON.stringify(rights));
    },
    { sheets: false },
  );
}

/** Budget of one run, in ms: well inside Apps Script's 6-minute limit. */
const BUDGET_MS = 4 * 60_000;

/**
 * The hourly trigger a directory admin installed: it runs as them, so the Admin SDK calls that
 * failed for an approver who is no admin succeed here. Enables each queued account (Pending admin
 * or Error) and asks the web app to read the account again (it records what the Admin SDK says,
 * never what this run reports), within a time budget; what is left waits for the next hour.
 * @returns how many accounts it handled
 */
export function enableQueuedAccounts(): number {
  const started = Date.now();
  const res = callServer('pending');
  if (!res.ok) throw new Error(res.message);
  const pending = JSON.parse(res.data?.pending ?? '[]') as { requestId: string; email: string }[];
  let handled = 0;
  for (const p of pending) {
    if (Date.now() - started > BUDGET_MS) break;
    ensureActive(p.email);
    callServer('account', { requestId: p.requestId });
    handled += 1;
  }
  return handled;
}

/** Budget of the enabling a card open does for an approver, in ms (a card action has 30 s). */
const CARD_BUDGET_MS = 8_000;

/**
 * On an approver's card open: enables, as them, the accounts still owed from their own approvals
 * (one whose card stopped before its Admin SDK call), within {@link CARD_BUDGET_MS}, and has the
 * web app read each again. Others' approvals are left to the hourly enablement trigger. Skipped
 * for an approver who has shown they are no directory administrator.
 * @returns how many accounts it handled (0 when there was nothing to do)
 */
export function enableOwedOnOpen(me: string): number {
  if (approverRights()[me] === false) return 0;
  const started = Date.now();
  const res = callServer('pending');
  if (!res.ok) return 0;
  const pending = (
    JSON.parse(res.data?.pending ?? '[]') as { requestId: string; email: string; approvedBy: string }[]
  ).filter((p) => p.approvedBy === me);
  let handled = 0;
  for (const p of pending) {
    if (Date.now() - started > CARD_BUDGET_MS) break;
    const result = ensureActive(p.email);
    if (result.account === 'Active' || result.account === 'Pending admin') noteApproverRights(me, result);
    if (result.account === 'Pending admin') break;
    callServer('account', { requestId: p.requestId });
    handled += 1;
  }
  return handled;
}

/**
 * Installs the hourly enablement trigger as the user (a directory admin, checked with one Admin
 * SDK call), unless they already have it.
 * @returns a sentence for the card
 */
export function installEnablementTrigger(): string {
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === ENABLEMENT_TRIGGER)) {
    return 'Account enablement already runs hourly as you.';
  }
  const users = directoryApi().Users;
  try {
    users.list({ customer: 'my_customer', maxResults: 1 });
  } catch {
    return 'Only a Workspace directory administrator can install account enablement.';
  }
  ScriptApp.newTrigger('onEnablementTrigger').timeBased().everyHours(1).create();
  PropertiesService.getScriptProperties().setProperty(
    ENABLEMENT_KEY,
    JSON.stringify({
      owner: Session.getEffectiveUser().getEmail().toLowerCase(),
      at: new Date().toISOString(),
    }),
  );
  return 'Account enablement will run hourly as you, enabling accounts approved by approvers who are not administrators.';
}
