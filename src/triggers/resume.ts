import { loadConfig } from '../gas/config-store';
import { continuePublishing } from '../server/cycle';
import { RESUME_TRIGGER, resumePending, scheduleResume } from '../server/pending-steps';

/** Budget of one resume run, in ms: well inside Apps Script's 6-minute limit. */
const BUDGET_MS = 4 * 60_000;

/**
 * The one-off trigger that takes over what a stopped run left (a publication under way, then a
 * signature's or an approval's evidence, notices and account, oldest first), within its budget; where some are still owed, it
 * schedules itself again a minute later (their runs stop for good after a few attempts, so this
 * ends). Runs as the user who scheduled it, normally the web app's.
 */
export function resumeSteps(): void {
  const started = Date.now();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === RESUME_TRIGGER) ScriptApp.deleteTrigger(t);
  }
  const config = loadConfig();
  if (!config) return;
  continuePublishing(Session.getEffectiveUser().getEmail() || 'AUP Signer', started, BUDGET_MS / 2);
  const fresh = loadConfig() ?? config;
  const { left } = resumePending(fresh, started, BUDGET_MS);
  if (left) scheduleResume();
}
