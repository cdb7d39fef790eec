import type { Config, PolicyForm, Settings } from '../core/config';
import { createPolicyForm, installFormTrigger, openForNewStarters } from '../gas/forms';
import { Tracking } from '../gas/tracking';
import { installDailyTrigger } from '../triggers/daily';
import { makePolicyCopy } from './personal-doc';

/** What first setup makes for a deployment. */
export type Stores = Pick<
  Config,
  'trackingSpreadsheetId' | 'folderId' | 'signedFolderId' | 'policyUrl' | 'policyShared' | 'form'
>;

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

/**
 * Makes the deployment's stores, step by step, each recorded in Script Properties as soon as it
 * exists: the tracking spreadsheet and its sheets, the documents folder and its Signed documents
 * folder, the policy's read-only copy (shared with anyone with the link, or the domain where
 * outside sharing is blocked), the policy Form opened to new starters and its form-submit trigger,
 * the daily trigger, and the script project shared with the domain to view (reported to be what
 * lets staff who are not editors call the web app). A step that fails throws a
 * {@link SetupStepError} saying what to do; the next run reuses what the earlier one made (if it
 * still exists and is not in the bin) and carries on, so no sheet, folder, form or trigger is made
 * twice. Runs as the web app's user, under the script lock.
 */
export function provision(settings: Settings, agreementText: string): Stores {
  const props = PropertiesService.getScriptProperties();
  const made = JSON.parse(props.getProperty(SETUP_PROGRESS_KEY) ?? '{}') as Partial<Stores> & {
    formDraft?: string;
  };
  const record = (): void => {
    props.setProperty(SETUP_PROGRESS_KEY, JSON.stringify(made));
  };
  const step = <T>(what: string, hint: string, body: () => T): T => {
    try {
      return body();
    } catch (e) {
      throw new SetupStepError(what, e, hint);
    }
  };
  const drive = 'Check that your account can create files in Google Drive.';

  step('creating the tracking spreadsheet', drive, () => {
    if (!alive(made.trackingSpreadsheetId)) {
      made.trackingSpreadsheetId = Tracking.create(settings.schoolName).id;
      record();
    }
    Tracking.openById(made.trackingSpreadsheetId as string).ensureSheets();
  });
  const folderId = step('creating the documents folder', drive, () => {
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
  step('copying the policy for new starters', 'Check that your account can open the template.', () => {
    if (!alive(idFromUrl(made.policyUrl ?? ''))) {
      const copy = makePolicyCopy(settings, folderId);
      made.policyUrl = copy.url;
      made.policyShared = copy.shared;
      record();
    }
  });
  step(
    'making the policy Form for new starters',
    'Open Google Forms with your account once, or publish the form yourself (Publish, anyone with the link).',
    () => {
      made.form = ensureForm(made, settings, agreementText, folderId, record);
    },
  );
  step(
    'installing the triggers',
    'In the Apps Script editor, open Triggers and delete old AUP Signer triggers (each user may have 20).',
    () => {
      installFormTrigger((made.form as PolicyForm).id);
      installDailyTrigger(settings.sendHour);
    },
  );
  step(
    'sharing the script project with your school',
    'In Google Drive, share the AUP Signer script project with your school as Viewer.',
    shareScriptProject,
  );
  return made as Stores;
}

/** Forgets the setup record once the configuration is saved. */
export function clearSetupProgress(): void {
  PropertiesService.getScriptProperties().deleteProperty(SETUP_PROGRESS_KEY);
}

/**
 * The policy Form: the recorded one, opened to new starters again; or a new one. A form left
 * half-made by a run that stopped (recorded as a draft before its questions were complete) is
 * put in the bin and made again, so there is never a second live form.
 */
function ensureForm(
  made: Partial<Stores> & { formDraft?: string },
  settings: Settings,
  agreementText: string,
  folderId: string,
  record: () => void,
): PolicyForm {
  if (made.form && alive(made.form.id)) {
    openForNewStarters(FormApp.openById(made.form.id));
    return made.form;
  }
  if (made.formDraft && alive(made.formDraft)) DriveApp.getFileById(made.formDraft).setTrashed(true);
  const form = createPolicyForm(
    `${settings.schoolName} Acceptable Use Policy ${settings.policyVersion}`,
    agreementText,
    made.policyShared === 'anyone' ? (made.policyUrl as string) : '',
    folderId,
    (id) => {
      made.formDraft = id;
      record();
    },
  );
  delete made.formDraft;
  made.form = form;
  record();
  return form;
}

/**
 * Lets everyone in the domain view the script project (not edit it): as reported for web apps
 * called with an OAuth token, a caller who cannot view the project is refused with "Access Denied".
 * The project holds the add-on's code only; its settings live in Script Properties, which viewers
 * cannot read.
 */
export function shareScriptProject(): void {
  const file = DriveApp.getFileById(ScriptApp.getScriptId());
  const access = file.getSharingAccess();
  const domainWide = access === DriveApp.Access.DOMAIN || access === DriveApp.Access.DOMAIN_WITH_LINK;
  if (!domainWide || file.getSharingPermission() === DriveApp.Permission.NONE)
    file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
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
