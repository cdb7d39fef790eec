import type { Config } from '../core/config';
import { capLines } from '../core/pages';
import { directoryApi, docsApi, driveApi, sheetsApi } from '../gas/advanced';
import { apiFailure, isDeploymentFault, isTransient, type ApiFailure } from '../gas/api-error';
import { approverRights } from '../gas/approver-rights';
import { ENABLEMENT_KEY, ENABLEMENT_TRIGGER } from '../triggers/enablement';
import { directoryReaders } from '../triggers/directory-sync';
import { SYNC_KEY, type SyncRecord } from './directory-sync';
import { DAILY } from '../triggers/daily';
import type { CheckLine, ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';
import { projectOpenToSchool } from './provision';

/** At most this many approvers get a line of their own. */
const MAX_APPROVER_LINES = 10;

/**
 * Check deployment, the web app's part (the deployer and business managers only): what only the
 * web app's user can see, line by line (see {@link deploymentChecks}), in `data.lines` (JSON).
 */
export function checkOp(ctx: ServerContext): ServerResponse {
  const { config, caller, owner } = ctx;
  if (caller !== owner && !(config && isBusinessManager(config, caller))) {
    return {
      ok: false,
      message: 'Only whoever deployed AUP Signer or a business manager can check the deployment.',
    };
  }
  return { ok: true, message: '', data: { lines: JSON.stringify(deploymentChecks(config, owner)) } };
}

/**
 * The deployment's state as `user` sees it (the web app's user, or the editor where the web app
 * does not answer), a line each: the script project viewable by the school (what lets staff who
 * are not editors reach the web app), the Drive and Admin SDK APIs, each approver's Admin SDK
 * rights and who runs account enablement, the installed triggers and their owner, the mail quota
 * left today, the new starters' Form (there, published, open to anyone with the link, no sign-in,
 * email typed), the outside-sharing policy as the policy copy's sharing shows it now, and whether
 * the template opens. A check that cannot run becomes a line saying so, never an error.
 */
export function deploymentChecks(config: Config | null, user: string): CheckLine[] {
  const lines: CheckLine[] = [];
  const run = (label: string, body: () => CheckLine[]): void => {
    try {
      lines.push(...body());
    } catch (e) {
      lines.push({ status: 'fix', label, detail: `Could not be checked: ${messageOf(e)}` });
    }
  };
  run('Script project', () => [projectSharing()]);
  run('Drive API', () => [driveApiLine()]);
  let userIsAdmin = false;
  run('Admin SDK API', () => {
    const line = adminLine(user);
    userIsAdmin = line.status === 'ok';
    return [line];
  });
  if (!config) {
    lines.push({
      status: 'info',
      label: 'Settings',
      detail: 'Not set up yet: save the settings, then check again.',
    });
    return lines;
  }
  run('Docs API', () => [docsApiLine(config)]);
  run('Sheets API', () => [sheetsApiLine(config)]);
  run('Approvers', () => approverLines(config, userIsAdmin));
  if (config.staffSource !== 'sheet') run('Staff list', () => [directoryLine()]);
  run('Triggers', () => triggerLines(config, user));
  run('Mail quota', () => [mailLine(user)]);
  run('New starters’ Form', () => formLines(config));
  run('Outside sharing', () => [sharingLine(config)]);
  run('Template', () => [templateLine(config, user)]);
  return lines;
}

/** With the staff list from the directory: who reads it daily, and what the last sync did. */
function directoryLine(): CheckLine {
  const props = PropertiesService.getScriptProperties();
  const reader = directoryReaders(props.getProperties()).join(', ');
  const last = JSON.parse(props.getProperty(SYNC_KEY) ?? 'null') as SyncRecord | null;
  if (!reader)
    return {
      status: 'fix',
      label: 'Staff list from the directory',
      detail:
        'Nobody reads it yet: a Google Workspace administrator opens AUP Signer and presses Read the staff list daily.',
    };
  return {
    status: last?.summary.startsWith('not read') ? 'fix' : 'ok',
    label: 'Staff list from the directory',
    detail: `Read daily as ${reader}.${last ? ` Last: ${last.on}, ${last.summary}` : ''}`,
  };
}

function projectSharing(): CheckLine {
  if (projectOpenToSchool(DriveApp.getFileById(ScriptApp.getScriptId()))) {
    return {
      status: 'ok',
      label: 'Script project',
      detail: 'Viewable by your school, so staff who are not its editors can reach the web app.',
    };
  }
  return {
    status: 'fix',
    label: 'Script project',
    detail:
      'Only people it is shared with can use AUP Signer: save the settings (setup shares it with your school to view) or share it in Drive as Viewer.',
  };
}

function driveApiLine(): CheckLine {
  try {
    driveApi().About.get({ fields: 'user' });
    return { status: 'ok', label: 'Drive API', detail: 'Enabled.' };
  } catch (e) {
    return {
      status: 'fix',
      label: 'Drive API',
      detail: apiFix(e, 'Google Drive API', 'Drive (v3)', 'drive'),
    };
  }
}

/**
 * The Docs API, which reads the template and each document in one call: probed by reading the
 * template's structure. A template the web app's user cannot read is the Template line's to say.
 */
function docsApiLine(config: Config): CheckLine {
  const label = 'Docs API';
  try {
    docsApi().Documents?.get(config.templateDocId, { fields: 'documentId' });
    return { status: 'ok', label, detail: 'Enabled.' };
  } catch (e) {
    const f = apiFailure(e);
    if (f.code === 403 && f.reason !== 'accessNotConfigured' && !/is not defined/.test(f.message))
      return { status: 'ok', label, detail: 'Enabled (the template line below says who can read it).' };
    if (f.code === 404)
      return { status: 'ok', label, detail: 'Enabled (the template line below says what is wrong with it).' };
    return { status: 'fix', label, detail: apiFix(e, 'Google Docs API', 'Docs (v1)', 'documents') };
  }
}

/**
 * The Sheets API, which keeps the tracking sheet's filter views: probed by reading the tracking
 * spreadsheet's ID. Off, only the filter views (and the card's links to them) are missing.
 */
function sheetsApiLine(config: Config): CheckLine {
  const label = 'Sheets API';
  try {
    sheetsApi().Spreadsheets?.get(config.trackingSpreadsheetId, { fields: 'spreadsheetId' });
    return { status: 'ok', label, detail: 'Enabled.' };
  } catch (e) {
    return {
      status: 'fix',
      label,
      detail: `${apiFix(e, 'Google Sheets API', 'Sheets (v4)', 'spreadsheets')} Until then the tracking sheet has no "Needs chasing" and "This cycle" filter views.`,
    };
  }
}

/**
 * The Admin SDK as `user` (the web app's user, who reads every approved account's state) meets
 * it: a directory administrator, or a delegated admin whose role reads users, can; anyone else
 * leaves approved accounts Pending admin, which is to fix.
 */
function adminLine(user: string): CheckLine {
  const label = 'Admin SDK API';
  const cannot: CheckLine = {
    status: 'fix',
    label,
    detail: `Enabled; ${user} cannot read accounts, so approved accounts wait as Pending admin: give ${user} an admin role that can read users (Admin console › Account › Admin roles).`,
  };
  try {
    const me = directoryApi().Users.get(user);
    if (me.isAdmin) return { status: 'ok', label, detail: `Enabled; ${user} is a directory administrator.` };
    return me.isDelegatedAdmin
      ? { status: 'ok', label, detail: `Enabled; ${user} can read accounts (a delegated admin role).` }
      : cannot;
  } catch (e) {
    const f = apiFailure(e);
    if (f.code === 403 && !isDeploymentFault(f)) return cannot;
    return {
      status: 'fix',
      label,
      detail: apiFix(e, 'Admin SDK API', 'Admin SDK Directory', 'admin.directory.user'),
    };
  }
}

/**
 * What to do about an advanced service that failed: not enabled in the manifest, its API off in
 * the Cloud project, its scope missing, or Google busy.
 */
function apiFix(e: unknown, api: string, service: string, scope: string): string {
  const f = apiFailure(e);
  if (/is not defined/.test(f.message)) {
    return `The ${service} advanced service is not enabled in appsscript.json: add it and deploy again.`;
  }
  if (f.reason === 'accessNotConfigured')
    return `Turn on the ${api} in the script's Google Cloud project (APIs & Services › Library).`;
  if (f.reason === 'insufficientPermissions')
    return `appsscript.json lacks the scope https://www.googleapis.com/auth/${scope}: add it and deploy again.`;
  return busy(f) ?? f.message;
}

/** For a 429 or 5xx: Google is busy, try again shortly. */
function busy(f: ApiFailure): string | undefined {
  return isTransient(f) ? `Google answered ${f.code} (busy): check again in a minute.` : undefined;
}

function approverLines(config: Config, userIsAdmin: boolean): CheckLine[] {
  const props = PropertiesService.getScriptProperties();
  const enablement = props.getProperty(ENABLEMENT_KEY);
  const runner = enablement ? (JSON.parse(enablement) as { owner: string }).owner : '';
  const seen = approverRights();
  const byAdmin = runner
    ? `the hourly account enablement installed by ${runner} enables them`
    : 'no directory administrator has installed account enablement yet (an administrator opens AUP Signer and clicks Switch accounts on hourly)';
  const lines = config.approvers.map((a): CheckLine => {
    const label = `Approver ${a}`;
    let admin = seen[a];
    if (userIsAdmin) {
      try {
        const u = directoryApi().Users.get(a);
        admin = Boolean(u.isAdmin || u.isDelegatedAdmin);
      } catch (e) {
        const f = apiFailure(e);
        const detail =
          f.code === 404
            ? 'Not found in the directory: check the address in Settings.'
            : (busy(f) ?? `Could not be read (${f.message}).`);
        return { status: f.code === 404 ? 'fix' : 'info', label, detail };
      }
    }
    if (admin === undefined) {
      return {
        status: 'info',
        label,
        detail:
          'Admin SDK rights not known yet: they show once this approver has approved someone, or when a directory administrator runs Check deployment.',
      };
    }
    if (admin) {
      return { status: 'ok', label, detail: 'A directory administrator: enables accounts as they approve.' };
    }
    return {
      status: runner ? 'info' : 'fix',
      label,
      detail: `Not a directory administrator: accounts they approve wait as Pending admin; ${byAdmin}.`,
    };
  });
  return capLines(lines, MAX_APPROVER_LINES, (n) => ({
    status: 'info',
    label: 'Approvers',
    detail: `…and ${n} more approvers.`,
  }));
}

function triggerLines(config: Config, user: string): CheckLine[] {
  const mine = ScriptApp.getProjectTriggers();
  const daily = mine.some((t) => t.getHandlerFunction() === DAILY);
  const form = mine.some(
    (t) => t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() === config.form.id,
  );
  const enablement = mine.some((t) => t.getHandlerFunction() === ENABLEMENT_TRIGGER);
  const repair = 'save the settings again: it is reinstalled.';
  const lines: CheckLine[] = [
    daily
      ? {
          status: 'ok',
          label: 'Daily trigger',
          detail: `Runs every day at ${config.sendHour}:00 as ${user}.`,
        }
      : {
          status: 'fix',
          label: 'Daily trigger',
          detail: `Missing for ${user}, so no reminders go out: ${repair}`,
        },
    form
      ? { status: 'ok', label: 'Form trigger', detail: `Records new starters’ signatures, as ${user}.` }
      : {
          status: 'fix',
          label: 'Form trigger',
          detail: `Missing for ${user}, so Form signatures are not recorded: ${repair}`,
        },
  ];
  if (enablement)
    lines.push({ status: 'ok', label: 'Enablement trigger', detail: `Runs hourly as ${user}.` });
  return lines;
}

function mailLine(user: string): CheckLine {
  const left = MailApp.getRemainingDailyQuota();
  return left > 0
    ? { status: 'ok', label: 'Mail quota', detail: `${left} emails left today, sent as ${user}.` }
    : {
        status: 'fix',
        label: 'Mail quota',
        detail:
          'Today’s email quota is spent: invitations and reminders wait until tomorrow (it resets at midnight Pacific time).',
      };
}

function formLines(config: Config): CheckLine[] {
  const label = 'New starters’ Form';
  let form: GoogleAppsScript.Forms.Form;
  try {
    if (DriveApp.getFileById(config.form.id).isTrashed()) throw new Error('in the bin');
    form = FormApp.openById(config.form.id);
  } catch {
    return [
      {
        status: 'fix',
        label,
        detail: 'The Form is gone (deleted or in the bin): save the settings again to make a new one.',
      },
    ];
  }
  const problems: string[] = [];
  if (!form.isPublished()) problems.push('it is not published');
  else if (!form.isAcceptingResponses()) problems.push('it is not accepting responses');
  if (!openToAnyone(config.form.id)) problems.push('it is not open to anyone with the link');
  if (form.requiresLogin()) problems.push('it asks respondents to sign in to your domain');
  if (String(form.getEmailCollectionType()) !== 'RESPONDER_INPUT')
    problems.push('it needs a Google sign-in to record the email');
  if (!problems.length) {
    return [
      {
        status: 'ok',
        label,
        detail:
          'Published to anyone with the link, no sign-in, the email typed by the respondent: new starters can sign from their invitation.',
      },
    ];
  }
  return [
    {
      status: 'fix',
      label,
      detail: `New starters without a school account cannot sign: ${problems.join('; ')}. Save the settings again to open it to them; if it stays closed to outside people, your Workspace administrator must let forms take responses from outside your organisation (Admin console › Drive and Docs › Forms).`,
    },
  ];
}

/** Whether the form's responders include anyone with the link (a Drive permission of view "published"). */
function openToAnyone(formId: string): boolean {
  const list = driveApi().Permissions.list(formId, {
    includePermissionsForView: 'published',
    fields: 'permissions(type,view)',
  });
  return (list.permissions ?? []).some((p) => p.type === 'anyone' && p.view === 'published');
}

function sharingLine(config: Config): CheckLine {
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(config.policyUrl)?.[1] ?? '';
  const access = DriveApp.getFileById(id).getSharingAccess();
  return access === DriveApp.Access.ANYONE_WITH_LINK || access === DriveApp.Access.ANYONE
    ? {
        status: 'ok',
        label: 'Outside sharing',
        detail: 'Allowed: new starters can open the policy by its link.',
      }
    : {
        status: 'info',
        label: 'Outside sharing',
        detail:
          'Blocked by your domain when the policy was last shared (saving the settings tries again): new starters read the PDF attached to their invitation, and the Form shows what they agree to.',
      };
}

function templateLine(config: Config, user: string): CheckLine {
  try {
    const name = DocumentApp.openById(config.templateDocId).getName();
    return { status: 'ok', label: 'Template', detail: `“${name}” opens for ${user}.` };
  } catch (e) {
    return {
      status: 'fix',
      label: 'Template',
      detail: `${user} cannot open the template (${messageOf(e)}): share it with them, or choose another in Settings.`,
    };
  }
}

function messageOf(e: unknown): string {
  return String((e as { message?: unknown } | null)?.message ?? e);
}
