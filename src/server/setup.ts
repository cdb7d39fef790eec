import {
  checkSettings,
  DEFAULT_AGREEMENT,
  type Config,
  type Settings,
  type SettingsInput,
} from '../core/config';
import { templateReport, type TemplateReport } from '../core/template-report';
import { cycleStartFor, parseResignRule, type ResignRule } from '../core/schedule';
import { loadConfig, saveConfig } from '../gas/config-store';
import { canRead } from '../gas/sharing';
import { versionAssets } from './cycle';
import { openDoc } from '../gas/documents';
import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isBusinessManager, londonDay, type ServerContext } from './context';
import { installDailyTrigger } from '../triggers/daily';
import { installFormTrigger, openForNewStarters } from '../gas/forms';
import { clearSetupProgress, provision, SetupStepError, shareScriptProject } from './provision';
import { homeState } from './state';

/**
 * Saves the setup card's settings. The first setup (only the web app's owner may do it) makes the
 * deployment's stores (see `provision`: resumable, so a step that fails says what to do and the
 * next save carries on without making anything twice); later saves (business managers) keep them.
 * The template is checked and what was found is reported.
 */
export function setup(ctx: ServerContext, input: SettingsInput): ServerResponse {
  const { config, caller, owner } = ctx;
  const allowed = config ? isBusinessManager(config, caller) : caller === owner;
  if (!allowed) return { ok: false, message: 'Only a business manager can change the settings.' };
  const checked = checkSettings(input);
  if (!checked.ok) return { ok: false, message: checked.errors.join(' ') };
  const settings = checked.value;
  if (!canRead(settings.templateDocId, caller)) {
    return {
      ok: false,
      message: 'You cannot open that template yourself: share it with your account, or check the link.',
    };
  }
  let report: TemplateReport;
  try {
    report = templateReport(openDoc(settings.templateDocId).lines, settings.staffTypes);
  } catch (e) {
    return {
      ok: false,
      message: `The template could not be opened (${errorText(e)}). Share it with ${owner} or check the link.`,
    };
  }
  const agreementText = report.agreement ?? DEFAULT_AGREEMENT;
  let outcome: Config | string;
  try {
    outcome = withScriptLock(() => saveUnderLock(settings, caller, owner, agreementText));
  } catch (e) {
    if (e instanceof SetupStepError) return { ok: false, message: e.message };
    throw e;
  }
  if (typeof outcome === 'string') return { ok: false, message: outcome };
  const saved = outcome;
  repair(saved, Boolean(config && config.sendHour !== saved.sendHour));
  shareTracking(saved, config?.businessManagers ?? []);
  return {
    ok: true,
    message: report.problems.length
      ? 'Saved. The template check found something to fix.'
      : 'Saved. The template is ready.',
    state: homeState({ ...ctx, config: saved }),
    data: { report: JSON.stringify({ found: report.found, problems: report.problems }) },
  };
}

/**
 * Under the script lock: re-reads the configuration, refuses what a save may not do, makes the
 * stores at first setup and saves. @returns the saved configuration, or why not
 * @throws SetupStepError when a first-setup step fails
 */
function saveUnderLock(
  settings: Settings,
  caller: string,
  owner: string,
  agreementText: string,
): Config | string {
  const current = loadConfig();
  if (current && !isBusinessManager(current, caller))
    return 'Only a business manager can change the settings.';
  const changesVersion =
    current &&
    (settings.policyVersion !== current.policyVersion || settings.templateDocId !== current.templateDocId);
  if (current && changesVersion && invited(current)) {
    return `Invitations have gone out for policy version ${current.policyVersion}: change the version or the template with Publish new version.`;
  }
  const created = current
    ? {
        ...current,
        ...(changesVersion ? versionAssets(current, { ...current, ...settings }, agreementText) : {}),
      }
    : { owner, ...provision(settings, agreementText) };
  const next: Config = {
    ...settings,
    owner: created.owner,
    trackingSpreadsheetId: created.trackingSpreadsheetId,
    folderId: created.folderId,
    signedFolderId: created.signedFolderId,
    policyUrl: created.policyUrl,
    policyShared: created.policyShared,
    form: created.form,
    cycleOpenedOn:
      current?.cycleOpenedOn ?? cycleStartFor(parseResignRule(settings.resignOn) as ResignRule, londonDay()),
    agreementText,
  };
  saveConfig(next);
  if (!current) clearSetupProgress();
  Tracking.open(next).appendAudit([
    {
      at: new Date(),
      actor: caller,
      action: current ? 'Settings changed' : 'Set up',
      requestId: '',
      details: `Policy version ${next.policyVersion}; template ${next.templateDocId}`,
    },
  ]);
  return next;
}

/**
 * What every save puts right, so that "save the settings again" is the answer Check deployment
 * gives: the owner's daily and form-submit triggers (the daily one replaced when the hour
 * changed), the policy Form open to new starters, and the script project viewable by the school.
 */
function repair(config: Config, hourChanged: boolean): void {
  installDailyTrigger(config.sendHour, hourChanged);
  installFormTrigger(config.form.id);
  openForNewStarters(FormApp.openById(config.form.id));
  shareScriptProject();
}

/**
 * Business managers edit the tracking spreadsheet and the folder; nobody else sees them. Those
 * taken off the list in Settings lose that access (the documents they were given stay shared).
 */
function shareTracking(config: Config, before: readonly string[]): void {
  const others = config.businessManagers.filter((e) => e !== config.owner);
  const removed = before.filter((e) => e !== config.owner && !config.businessManagers.includes(e));
  const sheet = DriveApp.getFileById(config.trackingSpreadsheetId);
  const folder = DriveApp.getFolderById(config.folderId);
  if (others.length) {
    sheet.addEditors(others);
    folder.addEditors(others);
  }
  for (const e of removed) {
    sheet.removeEditor(e);
    folder.removeEditor(e);
  }
}

/** Whether any request of the configured policy version exists (invitations have started). */
function invited(config: Config): boolean {
  return Tracking.open(config)
    .readSignatures()
    .requests.some((s) => s.request.policyVersion === config.policyVersion);
}

function errorText(e: unknown): string {
  return String((e as { message?: unknown } | null)?.message ?? e);
}
