import { LIMITS, tooLong, type LimitedField } from './limits';
import { isEmail, normaliseEmail, oneLine } from './safe';
import { parseDays, parseResignRule } from './schedule';
import { parseDirectorySources, type DirectorySource, type StaffSource } from './directory-roster';

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
  /**
   * The systems ticked for each staff type when an approver opens a review (they can change them):
   * a staff type not listed starts with none ticked.
   */
  defaultSystems: Record<string, string[]>;
  /** Days from invitation to Due By. */
  signingWindowDays: number;
  /** When re-signing falls due: "1 September" each year, or "12 months" after the last signature. */
  resignOn: string;
  /** Reminders this many days after the invitation (e.g. 3 and 7)… */
  reminderDays: number[];
  /** …then every this many days. */
  reminderEveryDays: number;
  /** A digest of overdue requests to the business managers, then again every this many days. */
  escalationEveryDays: number;
  /** The hour (0-23, Europe/London) the daily work and its emails run. */
  sendHour: number;
  /** How approvers hear of signatures: one digest a day, or an email for each signature. */
  approverEmails: ApproverEmails;
  /** Whether invitations, reminders and digests may go out on Saturdays and Sundays. */
  weekendEmails: boolean;
  /** Where the staff list comes from: the Staff sheet, the Google directory, or both. */
  staffSource: StaffSource;
  /** With the directory: its organisational units and groups, each with a staff type. */
  directorySources: DirectorySource[];
  /** Years a person's signed records are kept after they leave (then disposed of). */
  keepYears: number;
  /** Years the records of someone who never joined (invited, never completed) are kept after their last request. */
  keepNeverJoinedYears: number;
}

/** How approvers hear of signatures awaiting them. */
export type ApproverEmails = 'daily' | 'each';

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
  /** A read-only copy of the policy, for new starters to read. */
  policyUrl: string;
  /** Who can open {@link policyUrl} by its link: anyone, or (where outside sharing is blocked) the domain. */
  policyShared: PolicySharing;
  /** The policy version's Google Form, for new starters whose account is not active yet. */
  form: PolicyForm;
  /** The day (yyyy-mm-dd, Europe/London) the current cycle (policy version) opened. */
  cycleOpenedOn: string;
  /**
   * The editorial version in force, when one was published since {@link policyVersion}: its
   * label. Signatures of `policyVersion` still count; nobody re-signs for it.
   */
  edition?: string;
}

/** Who can open the policy copy by its link. */
export type PolicySharing = 'anyone' | 'domain';

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

/**
 * Result of validating settings: the clean value, or every problem in words a person can act on,
 * with the first problem of each field by its name (`fields`), to show beside it.
 */
export type Checked<T> =
  { ok: true; value: T } | { ok: false; errors: string[]; fields?: Partial<Record<string, string>> };

/** Raw setup-card input: each field as the card gives it (strings, or lists for multi-selects). */
export type SettingsInput = Partial<Record<keyof Settings, string | string[]>>;

/**
 * Validates setup-card input into {@link Settings}.
 * Lists accept commas, semicolons or new lines. The template may be a Google Doc URL or ID.
 * Every field is held to its length in `LIMITS` (the school's name goes into every email
 * subject, which MailApp caps at 250 characters). With `domain`, approvers and business managers
 * must be users of it (the deployer's domain: outside accounts never get the tracking sheet).
 */
export function checkSettings(input: SettingsInput, domain = ''): Checked<Settings> {
  const errors: string[] = [];
  const fields: Partial<Record<keyof Settings, string>> = {};
  const fail = (k: keyof Settings, message: string): void => {
    errors.push(message);
    fields[k] ??= message;
  };
  const limit = (k: keyof Settings, field: LimitedField, value: string, label: string): void => {
    const long = tooLong(field, value);
    if (long) fail(k, `${label}: ${long}`);
  };
  const text = (k: keyof Settings): string => oneLine(asString(input[k]));
  const list = (k: keyof Settings, label: string, field: LimitedField): string[] => {
    const out = asList(input[k])
      .map(oneLine)
      .filter((s) => s.length > 0);
    if (out.length > LIMITS.listEntries)
      fail(k, `${label}: at most ${LIMITS.listEntries} entries (this list has ${out.length}).`);
    for (const v of out) limit(k, field, v, label);
    return out;
  };
  const emails = (k: keyof Settings, label: string): string[] => {
    const out = list(k, label, 'email').map(normaliseEmail);
    for (const e of out) {
      if (!isEmail(e)) fail(k, `${label}: "${e.slice(0, LIMITS.email)}" is not an email address.`);
      else if (domain && !e.endsWith(`@${domain}`))
        fail(k, `${label}: ${e} is not a user of your school's domain (${domain}).`);
    }
    return [...new Set(out)];
  };

  const schoolName = text('schoolName');
  if (!schoolName) fail('schoolName', 'School name is required.');
  limit('schoolName', 'schoolName', schoolName, 'School name');
  const templateDocId = docIdFrom(text('templateDocId'));
  if (!templateDocId) fail('templateDocId', 'Template: paste the AUP Google Doc link or its ID.');
  const policyVersion = text('policyVersion');
  if (!policyVersion) fail('policyVersion', 'Policy version is required (for example 2026-27).');
  limit('policyVersion', 'policyVersion', policyVersion, 'Policy version');
  const approvers = emails('approvers', 'Approvers');
  if (!approvers.length) fail('approvers', 'At least one approver is required.');
  const businessManagers = emails('businessManagers', 'Business managers');
  if (!businessManagers.length) fail('businessManagers', 'At least one business manager is required.');
  const staffTypes = list('staffTypes', 'Staff types', 'staffType');
  const systems = list('systems', 'Systems', 'system');
  const types = staffTypes.length ? staffTypes : DEFAULT_STAFF_TYPES;
  const granted = systems.length ? systems : DEFAULT_SYSTEMS;
  const defaults = parseDefaultSystems(text('defaultSystems'), types, granted);
  if (typeof defaults === 'string') fail('defaultSystems', defaults);
  const whole = (k: keyof Settings, label: string, fallback: string, min: number, max: number): number => {
    const raw = text(k) || fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(k, `${label} must be a whole number from ${min} to ${max}, not "${raw}".`);
    }
    return n;
  };
  const signingWindowDays = whole('signingWindowDays', 'Signing window (days)', '14', 1, 365);
  const reminderEveryDays = whole('reminderEveryDays', 'Reminders after that, every (days)', '7', 1, 60);
  const escalationEveryDays = whole('escalationEveryDays', 'Overdue digest, every (days)', '7', 1, 60);
  const sendHour = whole('sendHour', 'Hour to send', '9', 0, 23);
  const approverEmails = text('approverEmails') || 'daily';
  if (approverEmails !== 'daily' && approverEmails !== 'each')
    fail('approverEmails', 'Approver emails: choose "one digest a day" or "one for each signature".');
  const weekends = text('weekendEmails') || 'no';
  if (weekends !== 'no' && weekends !== 'yes') fail('weekendEmails', 'Weekend emails: choose yes or no.');
  const resignOn = text('resignOn') || '1 September';
  const rule = parseResignRule(resignOn);
  if (typeof rule === 'string') fail('resignOn', rule);
  const reminderDays = parseDays(text('reminderDays') || '3, 7');
  if (typeof reminderDays === 'string') fail('reminderDays', reminderDays);
  const keepYears = whole('keepYears', 'Keep signed records after someone leaves (years)', '6', 1, 100);
  const keepNeverJoinedYears = whole(
    'keepNeverJoinedYears',
    'Keep the records of people who never joined (years)',
    '1',
    1,
    100,
  );
  const staffSource = text('staffSource') || 'sheet';
  if (staffSource !== 'sheet' && staffSource !== 'directory' && staffSource !== 'both')
    fail('staffSource', 'Staff list: choose the Staff sheet, the Google directory, or both.');
  const directorySources = parseDirectorySources(asString(input.directorySources), types);
  if (typeof directorySources === 'string') fail('directorySources', directorySources);
  else if (staffSource !== 'sheet' && !directorySources.length)
    fail(
      'directorySources',
      'Units and groups: name at least one, such as "/Staff = Staff", to take the staff list from the directory.',
    );
  if (errors.length) return { ok: false, errors, fields };
  return {
    ok: true,
    value: {
      schoolName,
      templateDocId,
      policyVersion,
      approvers,
      businessManagers,
      staffTypes: types,
      systems: granted,
      defaultSystems: defaults as Record<string, string[]>,
      signingWindowDays,
      resignOn,
      reminderDays: reminderDays as number[],
      reminderEveryDays,
      escalationEveryDays,
      sendHour,
      approverEmails: approverEmails as ApproverEmails,
      weekendEmails: weekends === 'yes',
      staffSource: staffSource as StaffSource,
      directorySources: directorySources as DirectorySource[],
      keepYears,
      keepNeverJoinedYears,
    },
  };
}

/** The settings part of a configuration (what the setup card shows and edits). */
export function settingsOf(c: Config): Settings {
  return {
    schoolName: c.schoolName,
    templateDocId: c.templateDocId,
    policyVersion: c.policyVersion,
    approvers: c.approvers,
    businessManagers: c.businessManagers,
    staffTypes: c.staffTypes,
    systems: c.systems,
    defaultSystems: c.defaultSystems,
    signingWindowDays: c.signingWindowDays,
    resignOn: c.resignOn,
    reminderDays: c.reminderDays,
    reminderEveryDays: c.reminderEveryDays,
    escalationEveryDays: c.escalationEveryDays,
    sendHour: c.sendHour,
    approverEmails: c.approverEmails,
    weekendEmails: c.weekendEmails,
    staffSource: c.staffSource,
    directorySources: c.directorySources,
    keepYears: c.keepYears,
    keepNeverJoinedYears: c.keepNeverJoinedYears,
  };
}

/**
 * Parses the stored configuration JSON. A configuration saved before `policyShared` existed reads
 * as shared with the domain only (the cautious reading: the Form then links no policy URL); one
 * saved before the approver and weekend email settings, as a daily digest and no weekend emails.
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
    'resignOn',
    'cycleOpenedOn',
  ];
  const missing = required.filter((k) => typeof c[k] !== 'string' || !c[k]);
  const lists: (keyof Config)[] = ['approvers', 'businessManagers', 'staffTypes', 'systems', 'reminderDays'];
  missing.push(...lists.filter((k) => !Array.isArray(c[k])));
  const numbers: (keyof Config)[] = [
    'signingWindowDays',
    'reminderEveryDays',
    'escalationEveryDays',
    'sendHour',
  ];
  missing.push(...numbers.filter((k) => typeof c[k] !== 'number'));
  if (!c.form || typeof c.form.id !== 'string' || typeof c.form.referenceItemId !== 'number')
    missing.push('form');
  if (missing.length) {
    throw new Error(`The stored configuration lacks ${missing.join(', ')}: open Settings and save again.`);
  }
  return {
    ...c,
    policyShared: c.policyShared === 'anyone' ? 'anyone' : 'domain',
    approverEmails: c.approverEmails === 'each' ? 'each' : 'daily',
    defaultSystems: c.defaultSystems ?? defaultSystemsFor(c.staffTypes ?? [], c.systems ?? []),
    weekendEmails: c.weekendEmails === true,
    staffSource: c.staffSource === 'directory' || c.staffSource === 'both' ? c.staffSource : 'sheet',
    directorySources: Array.isArray(c.directorySources) ? c.directorySources : [],
    keepYears: typeof c.keepYears === 'number' ? c.keepYears : 6,
    keepNeverJoinedYears: typeof c.keepNeverJoinedYears === 'number' ? c.keepNeverJoinedYears : 1,
  } as Config;
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

/**
 * The default systems when Settings say none: every system for the first staff type (usually
 * Staff), the first system (usually Email) for the others.
 */
export function defaultSystemsFor(
  staffTypes: readonly string[],
  systems: readonly string[],
): Record<string, string[]> {
  return Object.fromEntries(
    staffTypes.map((t, i) => [t, i === 0 ? [...systems] : systems.slice(0, 1)] as const),
  );
}

/**
 * Reads "Staff: Email, MIS; Governor: Email" (staff types and systems as Settings list them, one
 * staff type per part, parts split by ";" or new lines): '' gives {@link defaultSystemsFor}.
 * @returns the systems ticked by staff type, or what is wrong in words
 */
export function parseDefaultSystems(
  text: string,
  staffTypes: readonly string[],
  systems: readonly string[],
): Record<string, string[]> | string {
  if (!text.trim()) return defaultSystemsFor(staffTypes, systems);
  const out: Record<string, string[]> = Object.fromEntries(staffTypes.map((t) => [t, []]));
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^:]+):(.*)$/.exec(part);
    if (!m) return `Systems ticked by staff type: write "Staff type: system, system", not "${part}".`;
    const type = staffTypes.find((t) => t.toLowerCase() === (m[1] as string).trim().toLowerCase());
    if (!type)
      return `Systems ticked by staff type: "${(m[1] as string).trim()}" is not one of the staff types (${staffTypes.join(', ')}).`;
    const named = (m[2] as string)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const chosen: string[] = [];
    for (const n of named) {
      const sys = systems.find((x) => x.toLowerCase() === n.toLowerCase());
      if (!sys)
        return `Systems ticked by staff type: "${n}" is not one of the systems (${systems.join(', ')}).`;
      chosen.push(sys);
    }
    out[type] = chosen;
  }
  return out;
}

/** The systems ticked by staff type as Settings show them: "Staff: Email, MIS; Governor: Email". */
export function defaultSystemsText(d: Record<string, string[]>): string {
  return Object.entries(d)
    .map(([t, s]) => `${t}: ${s.join(', ')}`)
    .join('; ');
}
