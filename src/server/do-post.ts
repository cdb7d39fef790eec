import type { Config, SettingsInput } from '../core/config';
import { listPending } from '../gas/pending';
import { resumePending, scheduleResume } from './pending-steps';
import { readPublishing } from '../gas/publish-record';
import { loadConfig } from '../gas/config-store';
import type { ServerRequest, ServerResponse } from './api';
import { accountOp, approveManyOp, approveRequest, pendingEnablements, type ApproveArgs } from './approve';
import { isBusinessManager, type ServerContext } from './context';
import { runInvitations, scheduleInvitationJob } from './invite';
import { evidenceOp, holdOp, verifyOp } from './evidence-ops';
import { prepareTemplate } from './prepare';
import { compareOp, publishOp } from './publish';
import { directorySyncOp } from './directory-sync';
import { returnSigned } from './return';
import { setup } from './setup';
import { addStaff } from './staff';
import { signRequest, type SignArgs } from './sign';
import { checkOp } from './check';
import { reviewOp } from './review';
import { homeState } from './state';
import { maySendNow } from './context';
import { runReminders } from './reminders';
import { remainingQuota } from '../gas/mail';
import { sendingHours } from '../core/schedule';
import { count } from '../core/words';
import { noteViewed } from './viewed';

/** Budget for finishing steps a stopped run left, when a card opens, in ms. */
const CARD_RESUME_BUDGET_MS = 10_000;

/**
 * On a card open: steps still owed for the caller's own requests that no run holds are taken over
 * and finished (the signer's card then shows their signature as it is); steps owed for anyone
 * else's, emails and a publication a stopped run left are left to the one-off resume trigger,
 * scheduled here if none waits. Never fails the card: what cannot be done now stays owed.
 */
function resumeOwn(
  config: Config,
  caller: string,
  started: number,
  snapshot: Readonly<Record<string, string>>,
): void {
  const publishing = readPublishing(snapshot);
  if (publishing && publishing.leaseUntil <= Date.now()) scheduleResume();
  const stale = listPending(snapshot).filter((p) => p.leaseUntil <= Date.now());
  if (!stale.length) return;
  const mine = stale.filter((p) => p.actor === caller);
  try {
    if (mine.length)
      resumePending(config, started, CARD_RESUME_BUDGET_MS, {
        only: (p) => p.actor === caller,
        notices: false,
      });
    if (mine.length < stale.length) scheduleResume();
  } catch {
    // Busy (a lock held elsewhere) or a step that failed again: they stay owed for the triggers; the card opens.
  }
}

/**
 * The web app's POST handler (developers.google.com/apps-script/guides/web): the one place that
 * changes tracking state for card users. It runs as the user who deployed it; the caller is
 * `Session.getActiveUser()`, which Google fills from the caller's OAuth token (same domain).
 * Answers JSON {@link ServerResponse}. Unexpected errors propagate, so Apps Script logs them.
 */
export function handlePost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const started = Date.now();
  const caller = Session.getActiveUser().getEmail().toLowerCase();
  const owner = Session.getEffectiveUser().getEmail().toLowerCase();
  let request: ServerRequest | undefined;
  try {
    request = JSON.parse(e.postData.contents) as ServerRequest;
  } catch {
    request = undefined;
  }
  const response: ServerResponse = !caller
    ? { ok: false, message: 'Sign in with your school account to use AUP Signer.' }
    : !request || typeof request.op !== 'string' || typeof request.args !== 'object' || !request.args
      ? { ok: false, message: 'Malformed request.' }
      : dispatch(caller, owner, request, started);
  return ContentService.createTextOutput(JSON.stringify(response)).setMimeType(ContentService.MimeType.JSON);
}

/**
 * Runs one request. Script Properties are read once, whole, at its start (one call where the
 * configuration, a publication under way, the owed steps and a first-view flag would each take
 * one); anything decided from them is read again under the lock before it is written.
 */
function dispatch(caller: string, owner: string, req: ServerRequest, started: number): ServerResponse {
  const snapshot = PropertiesService.getScriptProperties().getProperties();
  const ctx: ServerContext = { caller, owner, config: loadConfig(snapshot), props: snapshot };
  const a = req.args;
  switch (req.op) {
    case 'state': {
      if (ctx.config) resumeOwn(ctx.config, ctx.caller, started, snapshot);
      const state = homeState(ctx, Number(a.page ?? 0));
      if (ctx.config && (a.host === 'Gmail' || a.host === 'Drive'))
        noteViewed(ctx.config, state, a.host, snapshot);
      return { ok: true, message: '', state };
    }
    case 'setup':
      return setup(ctx, a as SettingsInput);
    case 'invite':
      return invite(ctx, started);
    case 'sign':
      return signRequest(ctx, {
        requestId: String(a.requestId ?? ''),
        consent: a.consent === true,
        typedName: String(a.typedName ?? ''),
        via: a.via === 'Drive' ? 'Drive' : 'Gmail',
      } satisfies SignArgs);
    case 'approve':
      return approveRequest(ctx, {
        requestId: String(a.requestId ?? ''),
        systems: Array.isArray(a.systems) ? a.systems.map(String) : [],
        permissions: String(a.permissions ?? ''),
        page: Number(a.page ?? 0) || 0,
      } satisfies ApproveArgs);
    case 'remindOverdue':
      return remindOverdue(ctx);
    case 'approveMany':
      return approveManyOp(ctx, {
        requestIds: Array.isArray(a.requestIds) ? a.requestIds.map(String) : [],
        page: Number(a.page ?? 0) || 0,
      });
    case 'return':
      return returnSigned(ctx, {
        requestId: String(a.requestId ?? ''),
        reason: String(a.reason ?? ''),
        page: Number(a.page ?? 0) || 0,
      });
    case 'staff':
      return addStaff(ctx, {
        email: String(a.email ?? ''),
        name: String(a.name ?? ''),
        role: String(a.role ?? ''),
        staffType: String(a.staffType ?? ''),
        personalEmail: String(a.personalEmail ?? ''),
      });
    case 'verify':
      return verifyOp(ctx, String(a.query ?? ''));
    case 'hold':
      return holdOp(ctx, {
        query: String(a.query ?? ''),
        release: a.release === true,
        reason: String(a.reason ?? ''),
      });
    case 'evidence':
      return evidenceOp(ctx, String(a.query ?? ''));
    case 'directorySync':
      return directorySyncOp(ctx, { people: String(a.people ?? '[]'), problems: String(a.problems ?? '[]') });
    case 'compare':
      return compareOp(ctx, { version: String(a.version ?? ''), template: String(a.template ?? '') });
    case 'publish':
      return publishOp(
        ctx,
        { version: String(a.version ?? ''), template: String(a.template ?? ''), kind: String(a.kind ?? '') },
        started,
      );
    case 'prepare':
      return prepareTemplate(ctx);
    case 'review':
      return reviewOp(ctx, String(a.requestId ?? ''));
    case 'check':
      return checkOp(ctx);
    case 'pending':
      return pendingEnablements(ctx);
    case 'account':
      return accountOp(ctx, String(a.requestId ?? ''), Number(a.page ?? 0) || 0);
    default:
      return { ok: false, message: `Unknown operation.` };
  }
}

function invite(ctx: ServerContext, started: number): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller)) {
    return { ok: false, message: 'Only a business manager can send invitations.' };
  }
  const run = runInvitations(config, ctx.caller, started, 0, true);
  if (run.remaining > 0) scheduleInvitationJob();
  const problems = run.rosterProblems.length ? ` Skipped: ${run.rosterProblems.join(' ')}` : '';
  const news = `${run.created} new request${run.created === 1 ? '' : 's'}`;
  const when = maySendNow(config)
    ? 'in the background within a few minutes'
    : `when emails next go out (${sendingHours(config)}); their documents are made now`;
  const message = run.remaining
    ? `${news}; ${run.remaining === 1 ? '1 invitation goes' : `${run.remaining} invitations go`} out ${when}.`
    : `${news}: everyone on the Staff sheet has been invited.`;
  return { ok: true, message: `${message}${problems}`, state: homeState(ctx) };
}

/**
 * Remind the overdue now (business managers): every Overdue request not reminded today gets its
 * reminder at once, as far as MailApp's quota goes (a digest's share kept back), and only in the
 * hours emails go out.
 */
function remindOverdue(ctx: ServerContext): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller))
    return { ok: false, message: 'Only a business manager can send reminders.' };
  if (!maySendNow(config))
    return {
      ok: false,
      message: `Emails go out ${sendingHours(config)}: try again then (the daily run reminds people on their schedule meanwhile).`,
    };
  const run = runReminders(config, ctx.caller, remainingQuota() - config.businessManagers.length, {
    overdueNow: true,
  });
  const left = run.remaining
    ? ` ${run.remaining} more will be reminded on their schedule (today's email quota is spent).`
    : '';
  return {
    ok: true,
    message: run.sent
      ? `Reminded ${count(run.sent, 'person')} whose AUP is overdue.${left}`
      : run.remaining
        ? `Nobody could be reminded now: today's email quota is spent. ${count(run.remaining, 'person')} will be reminded on their schedule.`
        : 'Everyone overdue has had a reminder today already.',
    state: homeState(ctx),
  };
}
