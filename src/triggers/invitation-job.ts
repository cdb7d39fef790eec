import { loadConfig } from '../gas/config-store';
import { continuePublishing } from '../server/cycle';
import { tellOfEdition } from '../server/edition';
import { jobOwed, runInvitations, scheduleInvitationJob, INVITATION_JOB } from '../server/invite';

/** Budget of one trigger run, in ms: well inside Apps Script's 6-minute limit. */
const TRIGGER_BUDGET_MS = 4.5 * 60_000;

/**
 * The one-off installable trigger that carries on an invitation run: removes itself, carries on a
 * publication a stopped run left (which invites), or else invites as many as fit in its budget,
 * tells those not yet told of an editorial version, and schedules the next run while people
 * remain: while the day's mail quota is spent, only to make the documents still owed, so that the
 * next day only sends (and the daily run tells the rest of an editorial version).
 */
export function invitationJob(): void {
  const started = Date.now();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === INVITATION_JOB) ScriptApp.deleteTrigger(t);
  }
  const config = loadConfig();
  if (!config) return;
  const actor = Session.getEffectiveUser().getEmail();
  if (continuePublishing(actor, started, TRIGGER_BUDGET_MS)) return;
  const run = runInvitations(config, actor, started, TRIGGER_BUDGET_MS);
  const told = config.edition ? tellOfEdition(config, config.edition, started, TRIGGER_BUDGET_MS) : undefined;
  if (jobOwed(run) || (told && told.sent > 0 && told.remaining > 0)) scheduleInvitationJob();
}
