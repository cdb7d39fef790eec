import type { Config } from '../core/config';
import { accountOwed, awaiting, type SignatureRequest } from '../core/request';
import { daysBetween, nextCycleDay, nextVersionLabel, parseResignRule } from '../core/schedule';
import { approverRights } from '../gas/approver-rights';
import { loadConfig } from '../gas/config-store';
import { ensureActive } from '../gas/directory';
import { withScriptLock } from '../gas/lock';
import { remainingQuota } from '../gas/mail';
import { newNotice, queueNotices, type Notice } from '../gas/outbox';
import { Tracking } from '../gas/tracking';
import { checkAccount } from '../server/account';
import { resumePending } from '../server/pending-steps';
import { recoverFormResponses } from '../server/form-recover';
import { londonDay, maySendNow } from '../server/context';
import { continuePublishing, publishVersion } from '../server/cycle';
import { claimDetails, deliverNotices } from '../server/notices';
import { jobOwed, runInvitations, scheduleInvitationJob } from '../server/invite';
import { runReminders } from '../server/reminders';
import { tellOfEdition } from '../server/edition';
import { recordsReview } from '../server/retention';

/** Handler of the daily installable trigger; the one-off continuation has its own name. */
export const DAILY = 'onDailyTrigger';
export const CONTINUATION = 'onDailyContinuation';

/** Script Properties: the daily work's own state, and an optional time budget override (ms). */
const STATE_KEY = 'AUP_SIGNER_DAILY';
export const BUDGET_KEY = 'AUP_SIGNER_RUN_BUDGET_MS';
const DEFAULT_BUDGET_MS = 4.5 * 60_000;
/** Planning figure for one email within the time budget (a send plus its share of the rest). */
const EMAIL_MS = 400;

interface DailyState {
  lastDigestOn: string;
  /** The day the approvers' digests last went (yyyy-mm-dd). */
  approvalsOn?: string;
  /** The day the business managers were last told of accounts awaiting an administrator. */
  enablementOn?: string;
  /** The month (yyyy-mm) whose records review is done. */
  recordsMonth?: string;
}

/**
 * Claims a once-a-day email: under the script lock (Script Properties only) the daily state is
 * read, `decide` says what to queue and the state after it, and both are written in one
 * Script Properties write, so two overlapping runs (a continuation starts while its run still
 * works) never both queue the same day's digest, nor write back an older state.
 * @returns the notices queued (none when `decide` says there is nothing to send)
 */
function claimDaily(
  decide: (state: DailyState) => { notices: Notice[]; next: DailyState } | undefined,
): Notice[] {
  return withScriptLock(
    () => {
      const json = PropertiesService.getScriptProperties().getProperty(STATE_KEY);
      const state = JSON.parse(json ?? '{"lastDigestOn":""}') as DailyState;
      const claim = decide(state);
      if (!claim?.notices.length) return [];
      queueNotices(claim.notices, { extra: { [STATE_KEY]: JSON.stringify(claim.next) } });
      return claim.notices;
    },
    { sheets: false },
  );
}

/**
 * Once a day: each approver with signatures awaiting their counter-signature gets one digest
 * naming them (where Settings ask for a digest rather than an email a signature), and the
 * business managers, with the approvers whose approvals showed they are directory
 * administrators, are told who has been approved but waits for an administrator to switch their
 * account on. Claimed as the overdue digest is: queued with the day's state in one
 * Script Properties write, audited, then sent (each at most once).
 */
function dailyDigests(config: Config, actor: string, today: string): void {
  const tracking = Tracking.open(config);
  const requests = tracking
    .readSignatures()
    .requests.map((s) => s.request)
    .filter((r) => r.policyVersion === config.policyVersion);
  const waiting = new Map(config.approvers.map((a) => [a, awaiting(requests, a).length] as const));
  const now = Date.now();
  const stuck = requests.filter((r) => r.status === 'Approved' && accountOwed(r, now)).length;
  const rights = approverRights();
  const admins = config.approvers.filter((a) => rights[a] === true);
  const told = [...new Set([...config.businessManagers, ...admins])];
  const details: string[] = [];
  const notices = claimDaily((state) => {
    const queued: Notice[] = [];
    const next: DailyState = { ...state };
    if (config.approverEmails === 'daily' && state.approvalsOn !== today) {
      for (const [a, n] of waiting) {
        if (!n) continue;
        queued.push(newNotice({ kind: 'approvals', requestId: '', to: a }));
        details.push(`${n} awaiting ${a}`);
        next.approvalsOn = today;
      }
    }
    if (stuck && state.enablementOn !== today) {
      for (const to of told) queued.push(newNotice({ kind: 'enablement', requestId: '', to }));
      details.push(`${stuck} accounts awaiting an administrator, to ${told.join(', ')}`);
      next.enablementOn = today;
    }
    return { notices: queued, next };
  });
  if (!notices.length) return;
  withScriptLock(() =>
    tracking.appendAudit([
      {
        at: new Date(),
        actor,
        action: 'Daily digests',
        requestId: '',
        details: claimDetails(details.join('; '), notices),
      },
    ]),
  );
  deliverNotices(config, notices, tracking);
}

/**
 * Installs the daily trigger as the user setting up (it runs as them, so it can write the tracking
 * sheet): every day at `hour` Europe/London (add-on time-driven triggers may run at most hourly).
 * With `replace`, an existing one is replaced (the hour to send changed).
 */
export function installDailyTrigger(hour: number, replace = false): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== DAILY) continue;
    if (!replace) return;
    ScriptApp.deleteTrigger(t);
  }
  ScriptApp.newTrigger('onDailyTrigger')
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone('Europe/London')
    .create();
}

/**
 * The daily work, within a time budget: takes over the steps stopped runs left (a quarter of the
 * budget), a publication a stopped run left and Form signatures whose trigger never finished, opens the next cycle when it is due (publishing the same
 * template under the next label, which supersedes open requests and invites everyone), finishes
 * pending invitations, marks Overdue and sends the reminders due (leaving room in MailApp's daily
 * quota for the digest), sends the escalation digest to the business managers when requests
 * become Overdue and then every few days, tells those not yet told of an editorial version, and
 * retries queued account enablements; once a month it reviews the records kept (see `recordsReview`). What does not
 * fit in time is carried on by a one-off trigger a minute later; what does not fit in the quota
 * waits for tomorrow's run. Nothing is lost and nothing sent twice: the sheet is the cursor. Each
 * of these parts runs even when one before it failed; the run then fails naming what did (so
 * Apps Script's failure summary reaches the trigger's owner).
 */
export function dailyWork(): void {
  const started = Date.now();
  removeContinuations();
  const loaded = loadConfig();
  if (!loaded) return;
  let config: Config = loaded;
  const budget = budgetMs();
  const actor = Session.getEffectiveUser().getEmail() || 'AUP Signer';
  const failed: string[] = [];
  const phase = (name: string, body: () => void): void => {
    try {
      body();
    } catch (e) {
      failed.push(`${name}: ${String((e as Error)?.message ?? e)}`);
    }
  };
  phase('owed steps and emails', () => resumePending(config, started, budget * 0.25));
  phase('Form responses', () => recoverFormResponses(config, actor));
  const today = londonDay();
  phase('publishing and invitations', () => {
    const rule = parseResignRule(config.resignOn);
    const carried = continuePublishing(actor, started, budget * 0.5);
    if (carried) config = carried.config;
    else if (typeof rule !== 'string' && nextCycleDay(rule, config.cycleOpenedOn) <= today) {
      const next = nextVersionLabel(config.policyVersion, today);
      const res = publishVersion(
        config.policyVersion,
        { version: next, templateDocId: config.templateDocId },
        actor,
        started,
        budget * 0.5,
      );
      config = res.ok ? res.config : (loadConfig() ?? config);
    } else {
      const run = runInvitations(config, actor, started, budget * 0.5);
      if (jobOwed(run)) scheduleInvitationJob();
    }
  });
  phase('telling everyone of an editorial version', () => {
    if (config.edition) tellOfEdition(config, config.edition, started, budget * 0.6);
  });
  const reserve = config.businessManagers.length;
  phase('reminders and the digest', () => {
    if (!maySendNow(config)) return;
    const timeLeft = budget - (Date.now() - started);
    const maxEmails = Math.min(remainingQuota() - reserve, Math.floor((timeLeft * 0.7) / EMAIL_MS));
    const reminders = runReminders(config, actor, maxEmails);
    escalate(
      config,
      actor,
      today,
      reminders.overdue.length,
      reminders.newlyOverdue.length,
      reminders.overdue,
    );
    if (reminders.remaining > 0 && remainingQuota() > reserve) {
      ScriptApp.newTrigger('onDailyContinuation').timeBased().after(60_000).create();
    }
  });
  phase('accounts', () => retryEnablements(config, started, budget));
  phase('approvers’ and administrators’ digests', () => {
    if (maySendNow(config)) dailyDigests(config, actor, today);
  });
  phase('the month’s records review', () => monthlyRecords(config, actor, today));
  if (failed.length) throw new Error(`The daily run finished, but ${failed.join('; ')}`);
}

/**
 * The records review, once a month: the first daily run of the month in hours emails go out
 * (its notice to the business managers is an email) runs it, and marks the month done once it
 * finished (a run that failed is tried again the next day).
 */
function monthlyRecords(config: Config, actor: string, today: string): void {
  const month = today.slice(0, 7);
  const read = (): DailyState =>
    JSON.parse(
      PropertiesService.getScriptProperties().getProperty(STATE_KEY) ?? '{"lastDigestOn":""}',
    ) as DailyState;
  if (read().recordsMonth === month || !maySendNow(config)) return;
  recordsReview(config, actor);
  withScriptLock(
    () =>
      PropertiesService.getScriptProperties().setProperty(
        STATE_KEY,
        JSON.stringify({ ...read(), recordsMonth: month }),
      ),
    { sheets: false },
  );
}

/** The escalation digest: when requests become Overdue, then every `escalationEveryDays`. */
function escalate(
  config: Config,
  actor: string,
  today: string,
  count: number,
  newly: number,
  overdue: readonly SignatureRequest[],
): void {
  if (!count) return;
  const notices = claimDaily((state) => {
    const due =
      newly > 0 ||
      !state.lastDigestOn ||
      daysBetween(state.lastDigestOn, today) >= config.escalationEveryDays;
    if (!due || state.lastDigestOn === today) return undefined;
    return {
      notices: config.businessManagers.map((bm) =>
        newNotice({ kind: 'digest', requestId: '', to: bm, newly }),
      ),
      next: { ...state, lastDigestOn: today },
    };
  });
  if (!notices.length) return;
  const tracking = Tracking.open(config);
  withScriptLock(() =>
    tracking.appendAudit([
      {
        at: new Date(),
        actor,
        action: 'Overdue digest',
        requestId: '',
        details: claimDetails(
          `${count} overdue (${newly} new) to ${config.businessManagers.join(', ')}`,
          notices,
        ),
      },
    ]),
  );
  deliverNotices(config, notices, tracking, new Map(overdue.map((r) => [r.requestId, r])));
}

/**
 * Accounts still owed (see `accountOwed`): enabled where this trigger's user is a directory admin,
 * then read again from the Admin SDK and recorded (an account enabled in the Admin console
 * completes its request here too), within the time budget.
 */
function retryEnablements(config: Config, started: number, budget: number): void {
  const tracking = Tracking.open(config);
  const now = Date.now();
  const queued = tracking
    .readSignatures()
    .requests.map((s) => s.request)
    .filter((r) => accountOwed(r, now));
  for (const r of queued) {
    if (Date.now() - started > budget) return;
    ensureActive(r.email);
    checkAccount(config, tracking, r);
  }
}

function removeContinuations(): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === CONTINUATION) ScriptApp.deleteTrigger(t);
  }
}

function budgetMs(): number {
  const override = Number(PropertiesService.getScriptProperties().getProperty(BUDGET_KEY));
  return override > 0 ? override : DEFAULT_BUDGET_MS;
}
