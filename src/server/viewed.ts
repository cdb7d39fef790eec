import type { Config } from '../core/config';
import { OPEN_TO_SIGN } from '../core/request';
import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';
import type { HomeState } from './api';

const PREFIX = 'aup-viewed:';

/**
 * Records in the Audit the first time a person's card shows them their open request ("Viewed",
 * with the host app), once per request: a Script Properties flag marks it, cleared at signing.
 */
export function noteViewed(config: Config, state: HomeState, host: string): void {
  const mine = state.mine;
  if (!mine || !OPEN_TO_SIGN.includes(mine.status)) return;
  const props = PropertiesService.getScriptProperties();
  const key = PREFIX + mine.requestId;
  if (props.getProperty(key)) return;
  withScriptLock(() => {
    if (props.getProperty(key)) return;
    props.setProperty(key, new Date().toISOString());
    Tracking.open(config).appendAudit([
      {
        at: new Date(),
        actor: state.me,
        action: 'Viewed',
        requestId: mine.requestId,
        details: `Opened in ${host || 'the add-on'}`,
      },
    ]);
  });
}

/** Clears a request's viewed flag once it is signed (keeps Script Properties small). */
export function forgetViewed(requestId: string): void {
  PropertiesService.getScriptProperties().deleteProperty(PREFIX + requestId);
}
