import { loadConfig } from '../gas/config-store';
import { resumePending, scheduleResume } from '../server/pending-steps';

/** Budget of one resume run, in ms: well inside Apps Script's 6-minute limit. */
const BUDGET_MS = 4 * 60_000;

/**
 * The one-off trigger that takes over steps a stopped run left (a signature's or an approval's
 * evidence, notices and account), oldest first, within its budget; where some are still owed, it
 * schedules itself again a minute later (their runs stop for good after a few attempts, so this
 * ends). Runs as the user who scheduled it, normally the web app's.
 */
export function resumeSteps(): void {
  const config = loadConfig();
  if (!config) return;
  const { left } = resumePending(config, Date.now(), BUDGET_MS);
  if (left) scheduleResume();
}
