import { DateTime } from 'luxon';
import { Execution } from '../core/execution';
import type { Manifest } from '../core/manifest';
import { MIME, type TenantPolicy } from '../core/workspace';
import { Host } from '../host/host';
import type { Screen, UserSession } from '../host/user-session';
import type { CardJson } from '../services/card';
import { createDocumentFromElements, type TemplateElement } from '../services/document/io';
import { CONFIG_KEY } from '../../src/gas/config-store';
import type { Config } from '../../src/core/config';
import { createSpreadsheetApp } from '../services/spreadsheet';
import { parsePrefilledUrl } from '../services/forms';
import { FORM_ITEMS } from '../../src/gas/forms';
import { addDaysTo, addMonthsTo, nextCycleDay, parseResignRule } from '../../src/core/schedule';
import { LOCAL_SCHOOL, type RosterRow } from './roster';

/** Who runs the school's sign-off in the scenario. */
export interface Cast {
  businessManager: string;
  /** Approvers in order: the first approves everyone but themself; the next approves them. */
  approvers: string[];
}

/** What a scenario run leaves behind. */
export interface ScenarioResult {
  host: Host;
  config: Config;
  /** Each card a person saw, in order, for cards/. */
  screens: { who: string; step: string; screen: Screen }[];
  /** One line per step, for the summary. */
  log: string[];
  /** The policy versions everyone was asked to complete, in order (the first; a mid-year one). */
  versions?: string[];
}

/** Options of the lifecycle scenario. */
export interface ScenarioOptions {
  template: TemplateElement[];
  templateName: string;
  roster: RosterRow[];
  schoolName: string;
  policyVersion?: string;
  cast?: Cast;
  start?: Date;
  /** Move the clock past the next review date at the end (default true; tests of one cycle skip it). */
  nextCycle?: boolean;
  /** Click Send invitations at the end of setup (default true; the benchmark clicks it itself). */
  sendInvitations?: boolean;
  /** Run under this manifest instead of build/appsscript.json (tests of a changed manifest). */
  manifest?: Manifest;
  /** Whether the tenant lets its users share outside the domain (default: blocked, as most schools). */
  outsideSharing?: TenantPolicy['outsideSharing'];
  /** Settings typed on the setup card beyond the scenario's own (field name to text). */
  settings?: Record<string, string>;
  /** A substantive new version published in the middle of the year, which everyone re-signs. */
  newVersion?: { template: TemplateElement[]; name: string };
  /**
   * Where the staff list comes from: the roster pasted into the Staff sheet (default), or the
   * directory, where the roster's people are placed in units by staff type (governors in a group).
   */
  staffFrom?: 'sheet' | 'directory';
}

/** The emulated directory's units and groups for each staff type, as a school might have them. */
export const DIRECTORY_PLACES: Record<string, { unit: string } | { group: string }> = {
  Staff: { unit: '/Staff' },
  Volunteer: { unit: '/Volunteers' },
  Contractor: { unit: '/Contractors' },
  Governor: { group: `governors@${LOCAL_SCHOOL.domain}` },
};

/** The Settings line for each place ("/Staff = Staff", "governors@… = Governor"). */
export function directorySettings(): string {
  return Object.entries(DIRECTORY_PLACES)
    .map(([type, place]) => `${'unit' in place ? place.unit : place.group} = ${type}`)
    .join('\n');
}

const DOMAIN = LOCAL_SCHOOL.domain;
/** The business manager and approvers of the local run's school. */
export const DEFAULT_CAST: Cast = {
  businessManager: `bm@${DOMAIN}`,
  approvers: [`head@${DOMAIN}`, `tech@${DOMAIN}`],
};

/** A school set up through the add-on's cards, with its roster pasted and invitations sent. */
export interface School extends ScenarioResult {
  cast: Cast;
  /** Records a screen; throws naming the step when the add-on showed an error. */
  step: (who: string, name: string, screen: Screen) => Screen;
}

/** A deployed school before setup: its people, the web app, the template, and the settings to save. */
export interface NewSchool {
  host: Host;
  cast: Cast;
  screens: ScenarioResult['screens'];
  log: string[];
  step: School['step'];
  /** What the business manager types on the setup card. */
  settings: Record<string, string>;
}

/**
 * The school before setup: the roster's people (new starters suspended, their personal addresses
 * outside the domain with no Google account), the business manager (given a read-only admin role
 * so the web app can read accounts) and approvers, the web app deployed by the business manager,
 * and their AUP as a Google Doc in their Drive.
 */
export function newSchool(opts: ScenarioOptions): NewSchool {
  const cast = opts.cast ?? DEFAULT_CAST;
  const host = new Host({
    domain: DOMAIN,
    start: opts.start ?? new Date('2026-09-01T08:00:00Z'),
    manifest: opts.manifest,
  });
  if (opts.outsideSharing) host.tenant.outsideSharing = opts.outsideSharing;
  const ws = host.ws;
  const screens: ScenarioResult['screens'] = [];
  const staff = new Set(opts.roster.map((r) => r.email.toLowerCase()));
  const fromDirectory = opts.staffFrom === 'directory';
  const governors: string[] = [];
  for (const r of opts.roster) {
    const admin = cast.approvers.includes(r.email.toLowerCase());
    const place = DIRECTORY_PLACES[r.staffType] ?? { unit: '/' };
    ws.addUser({
      email: r.email,
      name: r.name,
      admin,
      suspended: Boolean(r.personalEmail),
      orgUnitPath: 'unit' in place ? place.unit : '/',
      title: r.role,
      recoveryEmail: fromDirectory ? r.personalEmail : '',
    });
    if ('group' in place) governors.push(r.email);
    if (r.personalEmail) ws.addExternal(r.personalEmail);
  }
  if (fromDirectory) ws.addGroup(`governors@${LOCAL_SCHOOL.domain}`, governors);
  for (const e of [cast.businessManager, ...cast.approvers]) {
    if (!staff.has(e))
      ws.addUser({ email: e, name: e.split('@')[0] as string, admin: cast.approvers.includes(e) });
  }
  // The deployer holds a read-only admin role (Users > Read), so the web app can read accounts.
  const deployer = ws.users.get(cast.businessManager.toLowerCase());
  if (deployer) deployer.readsUsers = true;
  const step = (who: string, name: string, screen: Screen): Screen => {
    screens.push({ who, step: name, screen });
    if (screen.error) throw new Error(`${name} (${who}): the add-on showed an error: ${screen.error}`);
    return screen;
  };
  deploy(host, cast.businessManager);
  const templateId = createDocumentFromElements(ws, cast.businessManager, opts.templateName, opts.template);
  const settings = {
    schoolName: opts.schoolName,
    templateDocId: `https://docs.google.com/document/d/${templateId}/edit`,
    policyVersion: opts.policyVersion ?? '2026-27',
    approvers: cast.approvers.join(', '),
    businessManagers: cast.businessManager,
    signingWindowDays: '14',
    ...(fromDirectory ? { staffSource: 'directory', directorySources: directorySettings() } : {}),
    ...opts.settings,
  };
  return { host, cast, screens, log: [], step, settings };
}

/**
 * The business manager's part: opens the Gmail homepage (the setup card) of a deployed school,
 * saves the settings, pastes the roster into the Staff sheet and sends invitations; the
 * invitation trigger then runs for the next hour.
 */
export function setUpSchool(opts: ScenarioOptions): School {
  const { host, cast, screens, log, step, settings } = newSchool(opts);
  const ws = host.ws;
  const bm = host.as(cast.businessManager);
  step(bm.email, 'homepage before setup', bm.openHomepage('GMAIL'));
  const saved = step(bm.email, 'save settings', bm.click('Save settings', settings));
  if (saved.card?.name !== 'template-check') {
    throw new Error(`save settings (${bm.email}): the add-on said: ${saved.notification ?? '(nothing)'}`);
  }
  log.push(`Setup: ${saved.notification ?? ''}`);
  const checks = (saved.card?.sections ?? [])
    .flatMap((sec) => sec.widgets ?? [])
    .map((w) => w.textParagraph?.text);
  for (const text of checks) if (text) log.push(`  Template check: ${text}`);
  step(bm.email, 'done', bm.click('Done'));
  const config = JSON.parse(ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;

  if (opts.staffFrom === 'directory') {
    const admin = host.as(cast.approvers[cast.approvers.length - 1] as string);
    step(admin.email, 'homepage (administrator)', admin.openHomepage('GMAIL'));
    const read = step(admin.email, 'read the staff list daily', admin.click('Read the staff list daily'));
    log.push(`Directory: ${read.notification ?? ''}`);
  } else pasteRoster(host, cast.businessManager, config.trackingSpreadsheetId, opts.roster);
  if (opts.sendInvitations === false) return { host, config, screens, log, step, cast };
  const invited = step(bm.email, 'send invitations', bm.click('Send invitations'));
  log.push(`Invitations: ${invited.notification ?? ''}`);
  for (const run of host.advance(60 * 60_000))
    log.push(`Trigger ${run.fn} as ${run.user}${run.error ? `: ${run.error}` : ''}`);
  return { host, config, screens, log, step, cast };
}

/**
 * The whole lifecycle on the emulator, through the built bundle and only the UI a person has:
 * the business manager sets up from the Gmail homepage card and pastes the roster into the
 * Staff sheet, then sends invitations; everyone signs from their card (Gmail homepage, Drive
 * selection and the invitation email in turn); the next working morning the approvers have their
 * daily digest and counter-sign, which checks each account through the Admin SDK. Then the clock moves past the next review date: the daily
 * trigger opens the next cycle, invites everyone again and sends the first reminders.
 * @throws Error naming the step when the add-on shows an error
 */
export function runScenario(opts: ScenarioOptions): ScenarioResult {
  const { host, config, screens, log, step, cast } = setUpSchool(opts);
  opts.roster.forEach((r, i) => {
    if (r.personalEmail) {
      log.push(`${r.name} (new starter) signed through the Form: ${signByForm(host, config, r)}`);
      return;
    }
    const person = host.as(r.email);
    const opened = openCard(host, person, i);
    step(person.email, `open card (${opened.how})`, opened.screen);
    const signed = step(
      person.email,
      'sign',
      person.click('Sign', { consent: ['agree'], typedName: r.name }),
    );
    log.push(`${r.name} signed from ${opened.how}: ${signed.notification ?? ''}`);
    host.advance(5 * 60_000);
  });

  const morning = nextMorning(host.ws.clock.now(), config.sendHour);
  for (const run of host.advanceTo(morning).filter((r) => r.error))
    log.push(`Trigger ${run.fn} failed: ${run.error}`);
  const digests = host.ws.sentMail.filter(
    (m) => / your approval$/.test(m.subject) && m.sentAt >= morning.getTime() - DAY_MS,
  );
  for (const m of digests) log.push(`${m.to.join(', ')} received "${m.subject}" from the daily run`);
  for (const approverEmail of cast.approvers) approveQueue(host, approverEmail, config, step, log);
  const versions = [config.policyVersion];
  if (opts.newVersion) {
    const label = `${config.policyVersion} v2`;
    resignMidYear({ host, config, screens, log, step, cast }, opts.roster, { ...opts.newVersion, label });
    versions.push(label);
  }
  if (opts.nextCycle === false) return { host, config, screens, log, versions };
  const review = nextReviewRun(config);
  const runs = host.advanceTo(review);
  const daily = runs.filter((r) => r.fn === 'onDailyTrigger');
  log.push(
    `Clock moved to ${review.toISOString().slice(0, 10)}: ${daily.length} daily trigger runs (${daily.filter((r) => r.error).length} failed), ${runs.length - daily.length} other trigger runs.`,
  );
  return { host, config, screens, log, versions };
}

/** The middle of the scenario's school year: a Tuesday in January, mid-morning. */
const MID_YEAR = new Date('2027-01-12T10:00:00Z');

/**
 * A substantive new version in the middle of the year: the business manager makes the new
 * template a Google Doc, publishes it from the card (Publish a new version…, Compare, the changes
 * shown, Substantive, Publish); the invitations go out; everyone re-signs from their Gmail
 * homepage, whose card lists what changed since they signed; the approvers counter-sign the next
 * working morning.
 * @throws Error naming the step when the add-on shows an error or publishing is refused
 */
export function resignMidYear(
  school: School,
  roster: readonly RosterRow[],
  next: { template: TemplateElement[]; name: string; label: string },
): void {
  const { host, step, log, cast } = school;
  host.advanceTo(MID_YEAR);
  const bm = host.as(cast.businessManager);
  const id = createDocumentFromElements(host.ws, cast.businessManager, next.name, next.template);
  step(bm.email, 'homepage before publishing', bm.openHomepage('GMAIL'));
  step(bm.email, 'publish a new version', bm.click('Publish a new version…'));
  const compared = step(
    bm.email,
    'compare',
    bm.click('Compare with the current version', {
      newVersion: next.label,
      newTemplate: `https://docs.google.com/document/d/${id}/edit`,
    }),
  );
  if (compared.card?.name !== 'publish-confirm')
    throw new Error(`compare (${bm.email}): the add-on said: ${compared.notification ?? '(nothing)'}`);
  log.push(`Mid-year: ${next.label} compared with the current version: ${compared.notification ?? ''}`);
  const published = step(bm.email, 'publish', bm.click(`Publish ${next.label}`, { kind: 'Substantive' }));
  if (!published.notification?.startsWith('Publish'))
    throw new Error(`publish (${bm.email}): the add-on said: ${published.notification ?? '(nothing)'}`);
  log.push(`Mid-year: ${published.notification}`);
  for (const run of host.advance(60 * 60_000).filter((r) => r.error))
    log.push(`Trigger ${run.fn} failed: ${run.error}`);
  for (const r of roster) {
    const person = host.as(r.email);
    const card = step(person.email, 're-sign card', person.openHomepage('GMAIL'));
    const changed = (card.card?.sections ?? [])
      .flatMap((sec) => sec.widgets ?? [])
      .find((w) => w.decoratedText?.topLabel?.startsWith('What changed since'))?.decoratedText;
    const signed = step(
      person.email,
      're-sign',
      person.click('Sign', { consent: ['agree'], typedName: r.name }),
    );
    log.push(
      `${r.name} re-signed ${next.label}${changed ? ` (the card said what changed: ${changed.text ?? ''})` : ''}: ${signed.notification ?? ''}`,
    );
    host.advance(5 * 60_000);
  }
  const config = JSON.parse(host.ws.scriptProperties.get(CONFIG_KEY) ?? '{}') as Config;
  for (const run of host.advanceTo(nextMorning(host.ws.clock.now(), config.sendHour)).filter((r) => r.error))
    log.push(`Trigger ${run.fn} failed: ${run.error}`);
  for (const approverEmail of cast.approvers) approveQueue(host, approverEmail, config, step, log);
}

/**
 * The deployer runs `npm run deploy`: the pinned web-app deployment is created (or updated, same
 * URL), then `clasp run-function setServerUrl` writes its `/exec` URL into Script Properties, run
 * as the deployer like any API-executable call.
 */
export function deploy(host: Host, deployer: string): string {
  const url = host.deployWebApp(deployer);
  host.run('setServerUrl', [url], { user: deployer, kind: 'editor' });
  return url;
}

/**
 * An approver works through their queue from the Gmail homepage: opens each waiting person (the
 * first on the page), reviews, grants the first two systems and approves, two minutes apart (the
 * evidence and notices of each follow within them), until nothing they may approve is left.
 */
export function approveQueue(
  host: Host,
  approverEmail: string,
  config: Config,
  step: School['step'],
  log: string[],
): void {
  const approver = host.as(approverEmail);
  step(approverEmail, 'approver homepage', approver.openHomepage('GMAIL'));
  for (;;) {
    const next = queueNames(approver.card)[0];
    if (!next) break;
    step(approverEmail, `review ${next}`, approver.click(next));
    const screen = step(
      approverEmail,
      `approve ${next}`,
      approver.click('Approve', { systems: config.systems.slice(0, 2) }),
    );
    log.push(`${approverEmail} approved ${next}: ${screen.notification ?? ''}`);
    host.advance(2 * 60_000);
  }
}

/** The names listed in an approver's queue on the card shown (each opens that person's review). */
export function queueNames(card: CardJson | undefined): string[] {
  return (card?.sections ?? [])
    .flatMap((s) => s.widgets ?? [])
    .filter((w) => w.decoratedText?.onClick?.action?.function === 'onReview')
    .map((w) => (w.decoratedText?.text ?? '').replace(/<[^>]*>/g, ''));
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Half an hour after the daily run of the next working day (Monday to Friday, `sendHour`
 * Europe/London): when approvers have their digest of who signed.
 */
function nextMorning(now: number, sendHour: number): Date {
  let day = DateTime.fromMillis(now, { zone: 'Europe/London' }).plus({ days: 1 });
  while (day.weekday >= 6) day = day.plus({ days: 1 });
  return day.set({ hour: sendHour, minute: 30, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * An instant a few days past the next review date (the next 1 September, or whatever the
 * settings say), late enough for the daily trigger to have opened the cycle, invited everyone
 * and sent the first reminders (on the next weekday, when they fall at a weekend).
 */
function nextReviewRun(config: Config): Date {
  const rule = parseResignRule(config.resignOn);
  const next =
    typeof rule === 'string'
      ? addMonthsTo(config.cycleOpenedOn, 12)
      : nextCycleDay(rule, config.cycleOpenedOn);
  const reminderDay = addDaysTo(next, config.reminderDays[0] ?? 3);
  return new Date(`${addDaysTo(workingDayFrom(reminderDay, config.weekendEmails), 1)}T12:00:00Z`);
}

/** `day` (yyyy-mm-dd), or the Monday after it when it falls at a weekend and emails wait for weekdays. */
function workingDayFrom(day: string, weekendEmails: boolean): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekendEmails || (weekday !== 0 && weekday !== 6)) return day;
  return addDaysTo(day, weekday === 6 ? 2 : 1);
}

/** Each person opens their card a different way in turn: Gmail homepage, Drive selection, the invitation email. */
export function openCard(host: Host, person: UserSession, i: number): { how: string; screen: Screen } {
  if (i % 3 === 1) {
    const doc = [...host.ws.drive.values()].find(
      (f) =>
        f.mimeType === MIME.document && f.name.includes(person.email) && host.ws.canView(f, person.email),
    );
    if (doc) return { how: 'Drive selection', screen: person.selectDriveItems([doc.id]) };
  }
  if (i % 3 === 2) {
    const invitation = person.inbox().find((m) => m.subject.includes('Acceptable Use Policy'));
    if (invitation) return { how: 'the invitation email', screen: person.openMessage(invitation.id) };
  }
  return { how: 'Gmail homepage', screen: person.openHomepage('GMAIL') };
}

/**
 * A new starter opens the form link from the invitation in their personal mailbox, types their
 * name, ticks the agreement and submits; the form-submit trigger then runs as its creator.
 * @returns what the Signatures sheet then says of them
 */
export function signByForm(host: Host, config: Config, r: RosterRow): string {
  const invitation = host.ws.sentMail.find((m) => m.to.includes(r.personalEmail.toLowerCase()));
  const link = invitation?.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)?.[0];
  if (!link) throw new Error(`No invitation with a form link reached ${r.personalEmail}`);
  const { formId, answers } = parsePrefilledUrl(host.ws, link);
  host.submitForm(formId, r.personalEmail, {
    ...answers,
    [FORM_ITEMS.name]: r.name,
    [FORM_ITEMS.consent]: [config.agreementText],
  });
  const run = host.executions[host.executions.length - 1];
  return run?.error ? `the trigger failed: ${run.error}` : 'recorded by the form-submit trigger';
}

/** The business manager pastes the roster into the Staff sheet in Sheets (which adds rows for a long paste). */
export function pasteRoster(
  host: Host,
  bm: string,
  spreadsheetId: string,
  roster: readonly RosterRow[],
): void {
  const exec = new Execution(host.ws, 'editor', bm, bm);
  // The business manager types into Sheets itself: Google's own UI, no script and no scope.
  const sheet = createSpreadsheetApp(exec).openById(spreadsheetId).getSheetByName('Staff');
  if (!sheet) throw new Error('The tracking spreadsheet has no Staff sheet');
  const rows = roster.map((r) => [r.email, r.name, r.role, r.staffType, r.personalEmail, r.startDate, '']);
  const short = rows.length + 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  if (rows.length) sheet.getRange(2, 1, rows.length, 7).setValues(rows);
}
