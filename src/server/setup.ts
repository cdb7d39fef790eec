import { templateTooLong } from '../core/limits';
import {
  checkSettings,
  DEFAULT_AGREEMENT,
  docIdFrom,
  type Config,
  type Settings,
  type SettingsInput,
} from '../core/config';
import { templateReport, type TemplateReport } from '../core/template-report';
import { cycleStartFor, parseResignRule, type ResignRule } from '../core/schedule';
import { loadConfig, saveConfig } from '../gas/config-store';
import { canRead, shareQuietly } from '../gas/sharing';
import { newVersionAssets } from './cycle';
import { readDocLines } from '../gas/documents';
import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';
import { readVersions } from '../gas/versions';
import { recordFirstVersion } from './version-record';
import { syncFilterViews } from './filter-views';
import type { ServerResponse } from './api';
import { isBusinessManager, londonDay, type ServerContext } from './context';
import { installDailyTrigger } from '../triggers/daily';
import { createPolicyForm, installFormTrigger, openForNewStarters } from '../gas/forms';
import { sharePolicy } from './personal-doc';
import { clearSetupProgress, provision, SetupStepError, setupStep, shareScriptProject } from './provision';
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
  const checked = checkSettings(input, owner.split('@')[1] ?? '');
  if (!checked.ok)
    return {
      ok: false,
      message: checked.errors.join(' '),
      data: { fields: JSON.stringify(checked.fields ?? {}) },
    };
  const settings = checked.value;
  if (!canRead(settings.templateDocId, caller)) {
    return {
      ok: false,
      message: 'You cannot open that template yourself: share it with your account, or check the link.',
    };
  }
  let report: TemplateReport;
  try {
    const lines = readDocLines(settings.templateDocId);
    const large = templateTooLong(lines);
    if (large) return { ok: false, message: large };
    report = templateReport(lines, settings.staffTypes);
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
  shareTracking(saved, config ?? undefined);
  syncFilterViews(saved);
  if (config) {
    try {
      Tracking.open(saved).tidySheets(saved.staffTypes);
    } catch {
      // Only the Staff sheet's checks (and a hidden Form Tokens) wait for the next save; the roster check reads the new list.
    }
  }
  if (config) {
    try {
      withScriptLock(() => repair(saved, config.sendHour !== saved.sendHour, agreementText));
    } catch (e) {
      if (!(e instanceof SetupStepError)) throw e;
      return {
        ok: false,
        message: `Your settings are saved, but: ${e.message}`,
        state: homeState({ ...ctx, config: saved }),
      };
    }
  }
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
        ...(changesVersion ? newVersionAssets(current, { ...current, ...settings }, agreementText) : {}),
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
  if (!current || changesVersion || !readVersions(Tracking.open(next)).length)
    setupStep('keeping the template as published', 'Check that your account can open the template.', () =>
      recordFirstVersion(next, caller),
    );
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
 * What every later save puts right, so that "save the settings again" is the answer Check
 * deployment gives, each as a named step that says what to do if it fails: a new policy Form
 * where the recorded one is gone (deleted or in the bin), the Form opened to new starters, the
 * policy copy's sharing tried again (the tenant's policy may have changed), the owner's daily and
 * form-submit triggers (the daily one replaced when the hour changed), and the script project
 * viewable by the school, and the protections of the sheets only the add-on writes. Runs under the script lock; saves the configuration again when a store
 * changed. @throws SetupStepError naming the step that failed
 */
function repair(config: Config, hourChanged: boolean, agreementText: string): void {
  const next: Config = { ...config };
  setupStep('making a new policy Form', 'Check that your account can create forms.', () => {
    if (formAlive(next.form.id)) return;
    const made = createPolicyForm(
      `${next.schoolName} Acceptable Use Policy ${next.policyVersion}`,
      agreementText,
      next.policyShared === 'anyone' ? next.policyUrl : '',
      next.folderId,
    );
    next.form = made;
  });
  setupStep(
    'opening the policy Form to new starters',
    `Open the form (https://docs.google.com/forms/d/${next.form.id}/edit), click Publish and let anyone with the link respond.`,
    () => {
      next.form = { ...next.form, url: openForNewStarters(FormApp.openById(next.form.id)).url };
    },
  );
  setupStep('sharing the policy copy', 'Check that your account can share files in Google Drive.', () => {
    next.policyShared = sharePolicy(DriveApp.getFileById(docIdFrom(next.policyUrl)));
  });
  setupStep(
    'installing the triggers',
    'In the Apps Script editor, open Triggers and delete old AUP Signer triggers (each user may have 20).',
    () => {
      installDailyTrigger(next.sendHour, hourChanged);
      installFormTrigger(next.form.id);
      for (const t of ScriptApp.getProjectTriggers()) {
        if (t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() !== next.form.id)
          ScriptApp.deleteTrigger(t);
      }
    },
  );
  setupStep(
    'sharing the script project with your school',
    'In Google Drive, share the AUP Signer script project with your school as Viewer.',
    shareScriptProject,
  );
  setupStep('protecting the tracking sheets', 'Check that you still own the tracking spreadsheet.', () =>
    Tracking.open(next).protectSheets(),
  );
  if (JSON.stringify(next) !== JSON.stringify(config)) saveConfig(next);
}

/** Whether the policy Form still exists outside the bin. */
function formAlive(id: string): boolean {
  try {
    return !DriveApp.getFileById(id).isTrashed();
  } catch {
    return false;
  }
}

/**
 * Business managers edit the tracking spreadsheet and the documents folder (the people's
 * documents inherit it); approvers read the folder (shared without Drive's email), so they can
 * open what they counter-sign;
 * nobody else sees them. Those taken off a list in Settings lose that access at once, as Drive
 * lets a folder's sharing reach its files (File.removeEditor / Folder.removeViewer,
 * developers.google.com/apps-script/reference/drive/folder).
 */
function shareTracking(
  config: Config,
  before: Pick<Config, 'businessManagers' | 'approvers'> | undefined,
): void {
  const roles = (
    c: Pick<Config, 'businessManagers' | 'approvers'> | undefined,
  ): { editors: string[]; viewers: string[] } => {
    const editors = (c?.businessManagers ?? []).filter((e) => e !== config.owner);
    return {
      editors,
      viewers: (c?.approvers ?? []).filter((e) => e !== config.owner && !editors.includes(e)),
    };
  };
  const now = roles(config);
  const was = roles(before);
  const sheet = DriveApp.getFileById(config.trackingSpreadsheetId);
  const folder = DriveApp.getFolderById(config.folderId);
  for (const e of was.editors.filter((x) => !now.editors.includes(x))) {
    sheet.removeEditor(e);
    folder.removeEditor(e);
  }
  for (const e of was.viewers.filter((x) => !now.viewers.includes(x) && !now.editors.includes(x)))
    folder.removeViewer(e);
  if (now.editors.length) {
    sheet.addEditors(now.editors);
    folder.addEditors(now.editors);
  }
  const added = now.viewers.filter((x) => !was.viewers.includes(x));
  shareQuietly(config.folderId, added, 'reader');
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
