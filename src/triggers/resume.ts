import { loadConfig } from '../gas/config-store';
import { listPending } from '../gas/pending';
import { readPublishing } from '../gas/publish-record';
import { continuePublishing } from '../server/cycle';
import { RESUME_TRIGGER, resumePending, scheduleResume } from '../server/pending-steps';

/** Budget of one resume run, in ms: well inside Apps Script's 6-minute limit. */
const BUDGET_MS = 4 * 60_000;

/** How far ahead (ms) the resume trigger schedules itself; what is due later waits for the daily run. */
const HORIZON_MS = 60 * 60_000;

/**
 * The one-off trigger that takes over what a stopped run left (a publication under way, then a
 * signature's or an approval's evidence, notices and account, oldest first), within its budget.
 * It removes itself first, and schedules itself again for the soonest thing then due within the
 * hour (what backs off further waits for the daily run). Runs as the user who scheduled it,
 * normally the web app's. Each part runs even if the other failed; then the run fails, naming why.
 */
export function resumeSteps(): void {
  const started = Date.now();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === RESUME_TRIGGER) ScriptApp.deleteTrigger(t);
  }
  const config = loadConfig();
  if (!config) return;
  let failure: unknown;
  try {
    continuePublishing(Session.getEffectiveUser().getEmail() || 'AUP Signer', started, BUDGET_MS / 2);
  } catch (e) {
    failure = e;
  }
  try {
    resumePending(loadConfig() ?? config, started, BUDGET_MS);
  } catch (e) {
    failure ??= e;
  }
  const due = nextDue();
  if (due !== undefined && due - Date.now() < HORIZON_MS) scheduleResume(Math.max(60_000, due - Date.now()));
  if (failure) throw failure;
}

/** When (ms) the soonest owed step or publication may be taken over, if any is owed. */
function nextDue(): number | undefined {
  const publishing = readPublishing();
  const times = [
    ...listPending().map((p) => p.leaseUntil),
    ...(publishing ? [Math.max(publishing.leaseUntil, publishing.retryAt ?? 0)] : []),
  ];
  return times.length ? Math.min(...times) : undefined;
}
