import type { Config } from '../core/config';
import { OPEN_TO_SIGN } from '../core/request';
import { Tracking } from '../gas/tracking';
import type { HomeState } from './api';

const PREFIX = 'aup-viewed:';

/** How long a first view waits for the script lock before leaving its record to a later view, in ms. */
const VIEW_WAIT_MS = 2_000;

/**
 * Records in the Audit the first time a person's card shows them their open request ("Viewed",
 * with the host app), once per request: a Script Properties flag marks it, cleared at signing.
 * `snapshot` is Script Properties as the request read them; the flag is read again under the lock.
 * Where the script lock is busy, the homepage does not wait for it: a later view records it.
 */
export function noteViewed(
  config: Config,
  state: HomeState,
  host: string,
  snapshot: Readonly<Record<string, string>>,
): void {
  const mine = state.mine;
  if (!mine || !OPEN_TO_SIGN.includes(mine.status)) return;
  const key = PREFIX + mine.requestId;
  if (snapshot[key]) return;
  const props = PropertiesService.getScriptProperties();
  const tracking = Tracking.open(config);
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(VIEW_WAIT_MS)) return;
  try {
    if (props.getProperty(key)) return;
    props.setProperty(key, new Date().toISOString());
    tracking.appendAudit([
      {
        at: new Date(),
        actor: state.me,
        action: 'Viewed',
        requestId: mine.requestId,
        details: `Opened in ${host || 'the add-on'}`,
      },
    ]);
  } finally {
    lock.releaseLock();
  }
}

/** Clears a request's viewed flag once it is signed (keeps Script Properties small). */
export function forgetViewed(requestId: string): void {
  PropertiesService.getScriptProperties().deleteProperty(PREFIX + requestId);
}
