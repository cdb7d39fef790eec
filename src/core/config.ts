import { isEmail, normaliseEmail, oneLine } from './safe';

/** What the business manager sets on the setup card. */
export interface Settings {
  schoolName: string;
  /** The school's AUP: a Google Doc ID. */
  templateDocId: string;
  policyVersion: string;
  approvers: string[];
  businessManagers: string[];
  staffTypes: string[];
  /** Systems an approver can grant (e.g. Email, Google Classroom, MIS, Wi-Fi). */
  systems: string[];
  /** Days from invitation to Due By. */
  signingWindowDays: number;
}

/** Settings plus what setup created. Stored as one JSON value in Script Properties. */
export interface Config extends Settings {
  /** Who set the add-on up: the web app's user, who owns the tracking sheet and documents. */
  owner: string;
  trackingSpreadsheetId: string;
  folderId: string;
  /** The signed-documents folder: PDF and text snapshots at signing and approval, evidence packs. */
  signedFolderId: string;
  /** The exact agreement wording a signer consents to. */
  agreementText: string;
  /** A read-only copy of the policy anyone with the link can read (for new starters). */
  policyUrl: string;
  /** The policy version's Google Form, for new starters whose account is not active yet. */
  form: PolicyForm;
}

/** The Google Form new starters sign with: its ID, published URL and item IDs. */
export interface PolicyForm {
  id: string;
  url: string;
  nameItemId: number;
  consentItemId: number;
  referenceItemId: number;
}

export const DEFAULT_STAFF_TYPES = ['Staff', 'Governor', 'Volunteer', 'Contractor'];
export const DEFAULT_SYSTEMS = ['Email', 'Google Classroom', 'MIS', 'Wi-Fi'];
export const DEFAULT_AGREEMENT =
  'I have read, understood and agree to this Acceptable Use Policy, and I understand that failure to comply with it could lead to disciplinary action.';

/** Result of validating settings: the clean value, or every problem in words a person can act on. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Raw setup-card input: each field as the card gives it (strings, or lists for multi-selects). */
export type SettingsInput = Partial<Record<keyof Settings, string | string[]>>;

/**
 * Validates setup-card input into {@link Settings}.
 * Lists accept commas, semicolons or new lines. The template may be a Google Doc URL or ID.
 */
export function checkSettings(input: SettingsInput): Checked<Settings> {
  const errors: string[] = [];
  const text = (k: keyof Settings): string => oneLine(asString(input[k]));
  const list = (k: keyof Settings): string[] =>
    asList(input[k])
      .map(oneLine)
      .filter((s) => s.length > 0);
  const emails = (k: keyof Settings, label: string): string[] => {
    const out = list(k).map(normaliseEmail);
    for (const e of out) if (!isEmail(e)) errors.push(`${label}: "${e}" is not an email address.`);
    return [...new Set(out)];
  };

  const schoolName = text('schoolName');
  if (!schoolName) errors.push('School name is required.');
  const templateDocId = docIdFrom(text('templateDocId'));
  if (!templateDocId) errors.push('Template: paste the AUP Google Doc link or its ID.');
  const policyVersion = text('policyVersion');
  if (!policyVersion) errors.push('Policy version is required (for example 2026-27).');
  const approvers = emails('approvers', 'Approvers');
  if (!approvers.length) errors.push('At least one approver is required.');
  const businessManagers = emails('businessManagers', 'Business managers');
  if (!businessManagers.length) errors.push('At least one business manager is required.');
  const staffTypes = list('staffTypes');
  const systems = list('systems');
  const windowText = text('signingWindowDays') || '14';
  const signingWindowDays = Number(windowText);
  if (!Number.isInteger(signingWindowDays) || signingWindowDays < 1 || signingWindowDays > 365) {
    errors.push(`Signing window must be a whole number of days from 1 to 365, not "${windowText}".`);
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      schoolName,
      templateDocId,
      policyVersion,
      approvers,
      businessManagers,
      staffTypes: staffTypes.length ? staffTypes : DEFAULT_STAFF_TYPES,
      systems: systems.length ? systems : DEFAULT_SYSTEMS,
      signingWindowDays,
    },
  };
}

/**
 * Parses the stored configuration JSON.
 * @throws Error saying what is wrong, so a corrupted property is never half-used.
 */
export function parseConfig(json: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('The stored configuration is not valid JSON: open Settings and save again.');
  }
  const c = raw as Partial<Config>;
  const required: (keyof Config)[] = [
    'schoolName',
    'templateDocId',
    'policyVersion',
    'owner',
    'trackingSpreadsheetId',
    'folderId',
    'signedFolderId',
    'agreementText',
    'policyUrl',
  ];
  const missing = required.filter((k) => typeof c[k] !== 'string' || !c[k]);
  const lists: (keyof Config)[] = ['approvers', 'businessManagers', 'staffTypes', 'systems'];
  missing.push(...lists.filter((k) => !Array.isArray(c[k])));
  if (typeof c.signingWindowDays !== 'number') missing.push('signingWindowDays');
  if (!c.form || typeof c.form.id !== 'string' || typeof c.form.referenceItemId !== 'number')
    missing.push('form');
  if (missing.length) {
    throw new Error(`The stored configuration lacks ${missing.join(', ')}: open Settings and save again.`);
  }
  return c as Config;
}

/** The Google Doc ID in a Docs URL, or the text itself when it already looks like an ID. */
export function docIdFrom(text: string): string {
  const m = /\/d\/([A-Za-z0-9_-]{10,})/.exec(text);
  if (m) return m[1] as string;
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : '';
}

function asString(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join(',') : (v ?? '');
}

function asList(v: string | string[] | undefined): string[] {
  if (Array.isArray(v)) return v;
  return (v ?? '').split(/[,;\n]/);
}
