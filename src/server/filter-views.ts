import type { Config } from '../core/config';
import { ensureFilterViews } from '../gas/filter-views';
import { Tracking } from '../gas/tracking';

/**
 * Brings the tracking sheet's filter views to the configured policy version (after a save of
 * Settings and a publication). Never fails what called it: the views are a convenience, and the
 * next save or publication tries again (a manifest without the Sheets service, the API off).
 * @returns whether they are in place
 */
export function syncFilterViews(config: Config): boolean {
  try {
    const col = Tracking.open(config).readSignatures().col;
    ensureFilterViews(config.trackingSpreadsheetId, config.policyVersion, col);
    return true;
  } catch {
    return false;
  }
}
