import type { Config } from '../core/config';
import { capLines } from '../core/pages';
import { directoryApi, driveApi } from '../gas/advanced';
import { httpCode } from '../gas/directory';
import { approverRights, ENABLEMENT_KEY, ENABLEMENT_TRIGGER } from '../triggers/enablement';
import { DAILY } from '../triggers/daily';
import type { CheckLine, ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';

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
 * The deployment's state as `owner` (the web app's user) sees it, a line each: the script project
 * viewable by the school (what lets staff who are not editors reach the web app), the Drive and
 * Admin SDK APIs, each approver's Admin SDK rights and who runs account enablement, the installed
 * triggers and their owner, the mail quota left today, the new starters' Form (published, no
 * sign-in, email typed), the tenant's outside-sharing policy, and whether the template opens. A
 * check that cannot run becomes a line saying so, never an error.
 */
export function deploymentChecks(config: Config | null, owner: string): CheckLine[] {
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
  let ownerIsAdmin = false;
  run('Admin SDK API', () => {
    const line = adminLine(owner);
    ownerIsAdmin = line.status === 'ok';
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
  run('Approvers', () => approverLines(config, ownerIsAdmin));
  run('Triggers', () => triggerLines(config, owner));
  run('Mail quota', () => [mailLine(owner)]);
  run('New starters’ Form', () => formLines(config));
  run('Outside sharing', () => [sharingLine(config)]);
  run('Template', () => [templateLine(config, owner)]);
  return lines;
}

function projectSharing(): CheckLine {
  const file = DriveApp.getFileById(ScriptApp.getScriptId());
  const access = file.getSharingAccess();
  const wide = [
    DriveApp.Access.DOMAIN,
    DriveApp.Access.DOMAIN_WITH_LINK,
    DriveApp.Access.ANYONE_WITH_LINK,
  ].includes(access);
  if (wide && file.getSharingPermission() !== DriveApp.Permission.NONE) {
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
    return { status: 'fix', label: 'Drive API', detail: apiFix(e, 'Google Drive API', 'Drive (v3)') };
  }
}

function adminLine(owner: string): CheckLine {
  try {
    const me = directoryApi().Users.get(owner);
    return me.isAdmin || me.isDelegatedAdmin
      ? { status: 'ok', label: 'Admin SDK API', detail: `Enabled; ${owner} is a directory administrator.` }
      : {
          status: 'info',
          label: 'Admin SDK API',
          detail: `Enabled; ${owner} is not a directory administrator.`,
        };
  } catch (e) {
    if (httpCode(e) === 403 && !/has not been used|disabled/i.test(messageOf(e))) {
      return {
        status: 'info',
        label: 'Admin SDK API',
        detail: `Enabled; ${owner} is not a directory administrator.`,
      };
    }
    return {
      status: 'fix',
      label: 'Admin SDK API',
      detail: apiFix(e, 'Admin SDK API', 'Admin SDK Directory'),
    };
  }
}

/** What to do about an advanced service that failed: not enabled in the manifest, or its API off in Cloud. */
function apiFix(e: unknown, api: string, service: string): string {
  const text = messageOf(e);
  if (/is not defined/.test(text))
    return `The ${service} advanced service is not enabled in appsscript.json: add it and deploy again.`;
  if (/has not been used|disabled/i.test(text)) {
    return `Turn on the ${api} in the script's Google Cloud project (APIs & Services › Library).`;
  }
  return text;
}

function approverLines(config: Config, ownerIsAdmin: boolean): CheckLine[] {
  const props = PropertiesService.getScriptProperties();
  const enablement = props.getProperty(ENABLEMENT_KEY);
  const runner = enablement ? (JSON.parse(enablement) as { owner: string }).owner : '';
  const seen = approverRights();
  const byAdmin = runner
    ? `the hourly account enablement installed by ${runner} enables them`
    : 'no directory administrator has installed account enablement yet (an administrator opens AUP Signer and clicks Enable accounts hourly)';
  const lines = config.approvers.map((a): CheckLine => {
    let admin = seen[a];
    if (ownerIsAdmin) {
      try {
        const u = directoryApi().Users.get(a);
        admin = Boolean(u.isAdmin || u.isDelegatedAdmin);
      } catch (e) {
        return {
          status: 'fix',
          label: `Approver ${a}`,
          detail: `Not found in the directory (${messageOf(e)}).`,
        };
      }
    }
    if (admin === undefined) {
      return {
        status: 'info',
        label: `Approver ${a}`,
        detail:
          'Admin SDK rights not known yet: they show once this approver has approved someone, or when a directory administrator runs Check deployment.',
      };
    }
    if (admin)
      return {
        status: 'ok',
        label: `Approver ${a}`,
        detail: 'A directory administrator: enables accounts as they approve.',
      };
    return {
      status: runner ? 'info' : 'fix',
      label: `Approver ${a}`,
      detail: `Not a directory administrator: accounts they approve wait as Pending admin; ${byAdmin}.`,
    };
  });
  return capLines(lines, MAX_APPROVER_LINES, (n) => ({
    status: 'info',
    label: 'Approvers',
    detail: `…and ${n} more approvers.`,
  }));
}

function triggerLines(config: Config, owner: string): CheckLine[] {
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
          detail: `Runs every day at ${config.sendHour}:00 as ${owner}.`,
        }
      : { status: 'fix', label: 'Daily trigger', detail: `Missing, so no reminders go out: ${repair}` },
    form
      ? { status: 'ok', label: 'Form trigger', detail: `Records new starters’ signatures, as ${owner}.` }
      : {
          status: 'fix',
          label: 'Form trigger',
          detail: `Missing, so Form signatures are not recorded: ${repair}`,
        },
  ];
  if (enablement)
    lines.push({ status: 'ok', label: 'Enablement trigger', detail: `Runs hourly as ${owner}.` });
  return lines;
}

function mailLine(owner: string): CheckLine {
  const left = MailApp.getRemainingDailyQuota();
  return left > 0
    ? { status: 'ok', label: 'Mail quota', detail: `${left} emails left today, sent as ${owner}.` }
    : {
        status: 'fix',
        label: 'Mail quota',
        detail:
          'Today’s email quota is spent: invitations and reminders wait until tomorrow (it resets at midnight Pacific time).',
      };
}

function formLines(config: Config): CheckLine[] {
  const form = FormApp.openById(config.form.id);
  const problems: string[] = [];
  if (!form.isPublished()) problems.push('it is not published');
  else if (!form.isAcceptingResponses()) problems.push('it is not accepting responses');
  if (form.requiresLogin()) problems.push('it asks respondents to sign in to your domain');
  if (String(form.getEmailCollectionType()) !== 'RESPONDER_INPUT')
    problems.push('it needs a Google sign-in to record the email');
  const status: CheckLine = problems.length
    ? {
        status: 'fix',
        label: 'New starters’ Form',
        detail: `New starters without a school account cannot sign: ${problems.join('; ')}. Save the settings again to open it to them.`,
      }
    : {
        status: 'ok',
        label: 'New starters’ Form',
        detail:
          'Published, no sign-in, the email typed by the respondent: anyone with their invitation link can sign.',
      };
  return [
    status,
    {
      status: 'info',
      label: 'Form responses',
      detail:
        'If your Workspace administrator has turned off responses from outside your organisation (Drive and Docs › Forms), new starters cannot submit: open the form link in a private browser window to be sure.',
    },
  ];
}

function sharingLine(config: Config): CheckLine {
  return config.policyShared === 'anyone'
    ? {
        status: 'ok',
        label: 'Outside sharing',
        detail: 'Allowed: new starters can open the policy by its link.',
      }
    : {
        status: 'info',
        label: 'Outside sharing',
        detail:
          'Blocked by your domain: new starters read the PDF attached to their invitation, and the Form shows what they agree to.',
      };
}

function templateLine(config: Config, owner: string): CheckLine {
  try {
    const name = DocumentApp.openById(config.templateDocId).getName();
    return { status: 'ok', label: 'Template', detail: `“${name}” opens for ${owner}.` };
  } catch (e) {
    return {
      status: 'fix',
      label: 'Template',
      detail: `${owner} cannot open the template (${messageOf(e)}): share it with them, or choose another in Settings.`,
    };
  }
}

function messageOf(e: unknown): string {
  return String((e as { message?: unknown } | null)?.message ?? e);
}
