import type { Config, PolicyForm, Settings } from '../core/config';
import { createPolicyForm, installFormTrigger, openForNewStarters } from '../gas/forms';
import { binDrafts } from '../gas/drafts';
import { Tracking } from '../gas/tracking';
import { installDailyTrigger } from '../triggers/daily';
import { makePolicyCopy, policyCopyName, sharePolicy } from './personal-doc';

/** What first setup makes for a deployment. */
export type Stores = Pick<
  Config,
  'trackingSpreadsheetId' | 'folderId' | 'signedFolderId' | 'policyUrl' | 'policyShared' | 'form'
>;

/** What a first setup has made so far, including what a step left half-made (a draft). */
type Progress = Partial<Stores> & AssetProgress;

/** Script Properties key: what a first setup has made so far, so that a second run carries on. */
export const SETUP_PROGRESS_KEY = 'AUP_SIGNER_SETUP';

/** A setup step that failed: which, why, and what the person can do. */
export class SetupStepError extends Error {
  constructor(step: string, cause: unknown, hint: string) {
    super(
      `Setup stopped while ${step} (${String((cause as Error)?.message ?? cause)}). ${hint} Then save the settings again: what was made is kept, nothing is made twice.`,
    );
  }
}

/** Runs one named step; a failure becomes a {@link SetupStepError} with its hint. */
export function setupStep<T>(what: string, hint: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw new SetupStepError(what, e, hint);
  }
}

/**
 * Makes the deployment's stores, step by step, each recorded in Script Properties the moment it
 * exists (a copy or form before it is filled in, as a draft): the tracking spreadsheet and its
 * sheets, the documents folder and its Signed documents folder, the policy's read-only copy and
 * its sharing (anyone with the link, or the domain where outside sharing is blocked), the policy
 * Form and then its opening to new starters, the form-submit and daily triggers, and the script
 * project shared with the domain to view (reported to be what lets staff who are not editors call
 * the web app). A step that fails throws a {@link SetupStepError} saying what to do; the next run
 * reuses what was made (if it still exists outside the bin), puts a half-made draft in the bin and
 * makes it again, and carries on: no second spreadsheet, folder, copy, form or trigger. Runs as the
 * web app's user, under the script lock.
 */
export function provision(settings: Settings, agreementText: string): Stores {
  const props = PropertiesService.getScriptProperties();
  const made = JSON.parse(props.getProperty(SETUP_PROGRESS_KEY) ?? '{}') as Progress;
  const record = (): void => {
    props.setProperty(SETUP_PROGRESS_KEY, JSON.stringify(made));
  };
  const drive = 'Check that your account can create files in Google Drive.';

  setupStep('creating the tracking spreadsheet', drive, () => {
    if (!alive(made.trackingSpreadsheetId)) {
      made.trackingSpreadsheetId = Tracking.create(settings.schoolName).id;
      record();
    }
    Tracking.openById(made.trackingSpreadsheetId as string).ensureSheets(settings.staffTypes);
  });
  const folderId = setupStep('creating the documents folder', drive, () => {
    if (!alive(made.folderId, 'folder')) {
      made.folderId = DriveApp.createFolder(`AUP Signer — ${settings.schoolName}`).getId();
      record();
    }
    if (!alive(made.signedFolderId, 'folder')) {
      made.signedFolderId = DriveApp.getFolderById(made.folderId as string)
        .createFolder('Signed documents')
        .getId();
      record();
    }
    return made.folderId as string;
  });
  const assets = versionStores(settings, agreementText, folderId, made, record);
  const form = assets.form;
  setupStep(
    'installing the triggers',
    'In the Apps Script editor, open Triggers and delete old AUP Signer triggers (each user may have 20).',
    () => {
      installFormTrigger(form.id);
      installDailyTrigger(settings.sendHour);
    },
  );
  setupStep(
    'sharing the script project with your school',
    'In Google Drive, share the AUP Signer script project with your school as Viewer.',
    shareScriptProject,
  );
  return made as Stores;
}

/** What a policy version has of its own, as far as it is made. */
export type AssetProgress = Partial<Pick<Config, 'policyUrl' | 'policyShared' | 'form'>>;

/**
 * An editorial version's policy copy to read, made and shared, each step recorded once made (see
 * {@link versionStores}, whose first two steps these are).
 * @throws SetupStepError naming the step that failed
 */
export function editionStores(
  settings: Pick<Settings, 'schoolName' | 'policyVersion' | 'templateDocId'>,
  folderId: string,
  made: AssetProgress,
  record: () => void,
): Pick<Config, 'policyUrl' | 'policyShared'> {
  policyCopySteps(settings, folderId, made, record);
  return { policyUrl: made.policyUrl as string, policyShared: made.policyShared ?? 'domain' };
}

function policyCopySteps(
  settings: Pick<Settings, 'schoolName' | 'policyVersion' | 'templateDocId'>,
  folderId: string,
  made: AssetProgress,
  record: () => void,
): void {
  setupStep('copying the policy for new starters', 'Check that your account can open the template.', () => {
    if (alive(idFromUrl(made.policyUrl ?? ''))) return;
    binDrafts(policyCopyName(settings));
    made.policyUrl = makePolicyCopy(settings, folderId).getUrl();
    record();
  });
  setupStep('sharing the policy copy', 'Check that your account can share files in Google Drive.', () => {
    if (made.policyShared) return;
    made.policyShared = sharePolicy(DriveApp.getFileById(idFromUrl(made.policyUrl as string)));
    record();
  });
}

/**
 * A policy version's own stores, step by step, each recorded (`record`, after `made` changes)
 * once it is made (what a stopped run left half-made, found by name, goes to the bin first), so a
 * run that stops is carried on by the next without a second copy or Form: the policy's read-only copy, its sharing (anyone with the link, or the domain where
 * outside sharing is blocked), the version's Form, and the Form opened to new starters.
 * @throws SetupStepError naming the step that failed
 */
export function versionStores(
  settings: Pick<Settings, 'schoolName' | 'policyVersion' | 'templateDocId'>,
  agreementText: string,
  folderId: string,
  made: AssetProgress,
  record: () => void,
): Pick<Config, 'policyUrl' | 'policyShared' | 'form'> {
  policyCopySteps(settings, folderId, made, record);
  setupStep('making the policy Form for new starters', 'Open Google Forms once with your account.', () => {
    if (made.form && alive(made.form.id)) return;
    const title = `${settings.schoolName} Acceptable Use Policy ${settings.policyVersion}`;
    binDrafts(title);
    made.form = createPolicyForm(
      title,
      agreementText,
      made.policyShared === 'anyone' ? (made.policyUrl as string) : '',
      folderId,
    );
    record();
  });
  const form = made.form as PolicyForm;
  setupStep(
    'opening the policy Form to new starters',
    `Open the form (https://docs.google.com/forms/d/${form.id}/edit), click Publish and let anyone with the link respond.`,
    () => {
      made.form = { ...form, url: openForNewStarters(FormApp.openById(form.id)).url };
      record();
    },
  );
  return {
    policyUrl: made.policyUrl as string,
    policyShared: made.policyShared ?? 'domain',
    form: made.form as PolicyForm,
  };
}

/** Forgets the setup record once the configuration is saved. */
export function clearSetupProgress(): void {
  PropertiesService.getScriptProperties().deleteProperty(SETUP_PROGRESS_KEY);
}

/**
 * Whether the script project file is open to the school: viewable (or more) by the domain or by
 * anyone with the link. As reported for web apps called with an OAuth token, a caller who cannot
 * view the project is refused with "Access Denied".
 */
export function projectOpenToSchool(file: GoogleAppsScript.Drive.File): boolean {
  const wide = [DriveApp.Access.DOMAIN, DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Access.ANYONE_WITH_LINK];
  return wide.includes(file.getSharingAccess()) && file.getSharingPermission() !== DriveApp.Permission.NONE;
}

/**
 * Lets everyone in the domain view the script project (not edit it), unless it is open to them
 * already. The project holds the add-on's code only; its settings live in Script Properties,
 * which viewers cannot read.
 */
export function shareScriptProject(): void {
  const file = DriveApp.getFileById(ScriptApp.getScriptId());
  if (!projectOpenToSchool(file)) file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
}

/** Whether a file (or folder) recorded by an earlier run still exists outside the bin. */
function alive(id: string | undefined, kind: 'file' | 'folder' = 'file'): id is string {
  if (!id) return false;
  try {
    return !(kind === 'file' ? DriveApp.getFileById(id) : DriveApp.getFolderById(id)).isTrashed();
  } catch {
    return false;
  }
}

/** The Drive ID in a Docs or Drive URL. */
function idFromUrl(url: string): string {
  return /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
}
