import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRoster, readTemplate, type RosterRow } from '../../emulator/cli/inputs';
import {
  runScenario,
  setUpSchool,
  type ScenarioOptions,
  type School,
  type ScenarioResult,
} from '../../emulator/cli/scenario';
import { MIME, type Workspace } from '../../emulator/core/workspace';
import { MAIL_QUOTA, mailQuotaDay } from '../../emulator/services/mail';
import { MAX_TRIGGERS_PER_USER } from '../../emulator/services/triggers';
import { documentText, type TemplateElement } from '../../emulator/services/document/io';
import { createSpreadsheetApp, readSheet } from '../../emulator/services/spreadsheet';
import { Execution } from '../../emulator/core/execution';
import type { Screen, UserSession } from '../../emulator/host/user-session';
import { createScriptApp, webAppUrl } from '../../emulator/services/script';
import { createUrlFetchApp } from '../../emulator/services/url-fetch';

/** The project's own sample template and roster. */
export const SAMPLES = join(__dirname, '../../samples');

/** The real schools' AUPs beside the project (absent outside this workplace: their tests skip). */
export const AUP_DIR = join(__dirname, '../../../shared/aup');
export const REAL_AUPS = existsSync(AUP_DIR) ? readdirSync(AUP_DIR).filter((f) => f.endsWith('.txt')) : [];

/** The scenario options of the sample school: the sample template and roster. */
export async function sampleOptions(): Promise<ScenarioOptions> {
  return {
    template: await readTemplate(join(SAMPLES, 'aup-template.txt')),
    templateName: 'AUP',
    roster: readRoster(join(SAMPLES, 'roster.csv')),
    schoolName: 'Oakfield Primary School',
  };
}

/** A school set up from the sample template and roster, invitations sent; `overrides` change the options. */
export async function sampleSchool(
  overrides: Partial<ScenarioOptions> = {},
): Promise<School & { roster: RosterRow[] }> {
  const options = { ...(await sampleOptions()), ...overrides };
  return { ...setUpSchool(options), roster: options.roster };
}

/** Four of the sample roster: the two approvers, a member of staff and a new starter. */
const REAL_AUP_CAST = [
  'head@school.example',
  'tech@school.example',
  'zoe.lukasiewicz@school.example',
  'grainne.osullivan@school.example',
];

/** The first cycle of the lifecycle on a real AUP, with four of the sample roster. */
export async function realAupRun(
  file: string,
): Promise<{ result: ScenarioResult; template: TemplateElement[]; roster: RosterRow[] }> {
  const template = await readTemplate(join(AUP_DIR, file));
  const roster = readRoster(join(SAMPLES, 'roster.csv')).filter((r) => REAL_AUP_CAST.includes(r.email));
  const result = runScenario({
    template,
    templateName: file,
    roster,
    schoolName: 'Real School',
    nextCycle: false,
  });
  return { result, template, roster };
}

/** The text of a person's first personalised document. */
export function docOf(result: Pick<ScenarioResult, 'host'>, email: string): string {
  const ws = result.host.ws;
  const doc = [...ws.drive.values()].find(
    (f) => f.mimeType === MIME.document && f.name.includes(`(${email})`),
  );
  return documentText(ws, doc?.id ?? '');
}

/** The Signatures sheet as objects keyed by header, as a business manager reads it. */
export function signatures(school: Pick<ScenarioResult, 'host' | 'config'>): Record<string, unknown>[] {
  const { values } = readSheet(school.host.ws, school.config.trackingSpreadsheetId, 'Signatures');
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/**
 * A sheet of the tracking spreadsheet as objects keyed by header, every cell as text (a date as
 * its London day, yyyy-mm-dd), rows with an empty first cell left out.
 */
export function sheetRows(
  school: Pick<ScenarioResult, 'host' | 'config'>,
  sheet: string,
): Record<string, string>[] {
  const { values } = readSheet(school.host.ws, school.config.trackingSpreadsheetId, sheet);
  const header = (values[0] ?? []).map(String);
  return values
    .slice(1)
    .filter((r) => String(r[0] ?? '') !== '')
    .map((r) =>
      Object.fromEntries(
        header.map((h, i) => [
          h,
          r[i] instanceof Date ? londonDay((r[i] as Date).getTime()) : String(r[i] ?? ''),
        ]),
      ),
    );
}

/** The Signatures row of one person. */
export function rowOf(
  school: Pick<ScenarioResult, 'host' | 'config'>,
  email: string,
): Record<string, unknown> {
  const row = signatures(school).find((r) => r.Email === email);
  if (!row) throw new Error(`No Signatures row for ${email}`);
  return row;
}

/** One Audit row as the business manager reads it. */
export type AuditRow = Record<'Timestamp' | 'Actor' | 'Action' | 'Request ID' | 'Details', string>;

/** The Audit rows, as objects keyed by header. */
export function auditRows(school: Pick<ScenarioResult, 'host' | 'config'>): AuditRow[] {
  const { display } = readSheet(school.host.ws, school.config.trackingSpreadsheetId, 'Audit');
  const header = display[0] ?? [];
  const at = (r: string[], h: string): string => r[header.indexOf(h)] ?? '';
  return display.slice(1).map((r) => ({
    Timestamp: at(r, 'Timestamp'),
    Actor: at(r, 'Actor'),
    Action: at(r, 'Action'),
    'Request ID': at(r, 'Request ID'),
    Details: at(r, 'Details'),
  }));
}

/**
 * An approver opens `name`'s review card from the queue on their Gmail homepage.
 * @returns the request ID the card's Approve button carries
 * @throws Error when the queue does not list them
 */
export function review(approver: UserSession, name: string): string {
  approver.openHomepage('GMAIL');
  const screen = approver.click(name);
  if (screen.card?.name !== 'review') {
    throw new Error(`No review card for ${name}: ${screen.error ?? screen.notification ?? 'nothing shown'}`);
  }
  return approver.actionOf('Approve')?.parameters.requestId ?? '';
}

/**
 * Zoë, of the sample roster, signs from her Gmail homepage and the headteacher counter-signs her
 * from the review card, granting Email. @returns what the approver's card said
 */
export function zoeSignsAndHeadApproves(school: Pick<ScenarioResult, 'host'>): string {
  const zoe = school.host.as('zoe.lukasiewicz@school.example');
  zoe.openHomepage('GMAIL');
  zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
  school.host.advance(2 * 60_000);
  const head = school.host.as('head@school.example');
  review(head, 'Zoë Łukasiewicz');
  const notification = head.click('Approve', { systems: ['Email'] }).notification ?? '';
  school.host.advance(2 * 60_000);
  return notification;
}

/** A request posted straight to the web app with `caller`'s OAuth token, as a forged card would. */
export function postAs(
  school: Pick<ScenarioResult, 'host'>,
  caller: string,
  op: string,
  args: Record<string, unknown>,
): { ok: boolean; message: string } {
  const exec = school.host.execution('card', caller, caller);
  const res = createUrlFetchApp(exec).fetch(webAppUrl(school.host.ws) ?? '', {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ op, args }),
    headers: { Authorization: `Bearer ${createScriptApp(exec).getOAuthToken()}` },
  });
  return JSON.parse(res.getContentText()) as { ok: boolean; message: string };
}

/**
 * Fills `owner`'s trigger quota of this script (20 a user) with triggers of another project, as
 * a school that ran other scripts may have it: the next `ScriptApp.newTrigger(…).create()` fails.
 */
export function fillTriggerQuota(ws: Workspace, owner: string): void {
  const free = MAX_TRIGGERS_PER_USER - ws.triggers.filter((t) => t.owner === owner).length;
  for (let i = 0; i < free; i++) {
    ws.triggers.push({
      uid: `other-${i}`,
      handler: 'otherProject',
      owner,
      eventType: 'CLOCK',
      everyMs: 0,
      nextAt: Date.parse('2030-01-01T00:00:00Z'),
      atHour: -1,
      sourceId: '',
      addOn: false,
    });
  }
}

/** Spends `email`'s MailApp quota for today (the quota's own day) but `left` recipients. */
export function spendMailQuota(ws: Workspace, email: string, left: number): void {
  ws.mailQuotaUsed.set(`${email}|${mailQuotaDay(ws.clock.now())}`, MAIL_QUOTA.workspace - left);
}

/** The London day (yyyy-mm-dd) of an instant in ms, as a school reads an email's date. */
export function londonDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(ms));
}

/**
 * An approver, on a review card, returns the AUP: Return opens the card asking why, where the
 * reason is typed and Return pressed. @returns what that last press showed
 */
export function returnWith(approver: UserSession, reason: string): Screen {
  const asked = approver.click('Return');
  if (asked.card?.name !== 'return') return asked;
  return approver.click('Return', { reason });
}

/**
 * The business manager publishes a new version from the homepage: Publish a new version… opens
 * its card, where the label (and a template) is typed and the footer's Publish pressed.
 * @returns what that press showed (the card itself when the button was not offered)
 */
export function publishAs(
  bm: UserSession,
  fields: { newVersion: string; newTemplate?: string; kind?: 'Substantive' | 'Editorial' },
): Screen {
  const card = bm.click('Publish a new version…');
  const compare = card.card?.fixedFooter?.primaryButton?.text;
  if (!compare) return card;
  const { kind, ...typed } = fields;
  const confirm = bm.click(compare, typed);
  const publish = confirm.card?.fixedFooter?.primaryButton?.text;
  if (!publish?.startsWith('Publish ')) return confirm;
  return bm.click(publish, { kind: kind ?? 'Substantive' });
}

/** The business manager verifies someone from the homepage: Verify someone…, their name or email, Verify. */
export function verifyAs(bm: UserSession, query: string): Screen {
  bm.click('Verify someone…');
  return bm.click('Verify', { evidenceQuery: query });
}

/** The business manager types a Leaving Date (yyyy-mm-dd) on a person's Staff row, in Sheets. */
export function leaves(school: Pick<ScenarioResult, 'host' | 'config'>, email: string, day: string): void {
  const bm = school.config.businessManagers[0] as string;
  const exec = new Execution(school.host.ws, 'editor', bm, bm);
  const sheet = createSpreadsheetApp(exec)
    .openById(school.config.trackingSpreadsheetId)
    .getSheetByName('Staff');
  const values = sheet?.getDataRange().getValues() ?? [];
  const row = values.findIndex((r) => r[0] === email);
  if (row < 1) throw new Error(`${email} is not on the Staff sheet`);
  sheet
    ?.getRange(row + 1, (values[0] ?? []).indexOf('Leaving Date') + 1)
    .setValue(new Date(`${day}T12:00:00Z`));
}
