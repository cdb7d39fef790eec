import { isEmail, normaliseEmail, oneLine } from './safe';

/**
 * The staff list from the Google directory: which organisational units and groups hold the
 * school's staff (each with a staff type), and what a day's sync changes on the Staff sheet.
 * Pure: the directory is read by src/gas/directory-read.ts, the sheet written by the server.
 */

/** Where the staff list comes from. */
export type StaffSource = 'sheet' | 'directory' | 'both';

/** An organisational unit (a path, "/Staff/Teaching") or a group (its email), and the staff type of its people. */
export interface DirectorySource {
  kind: 'unit' | 'group';
  /** The unit's path as typed ("/Staff"), or the group's address, lower-cased. */
  key: string;
  staffType: string;
}

/** Staff sheet Source column's value for a row the directory sync keeps. */
export const FROM_DIRECTORY = 'Directory';

/**
 * Reads the settings' units and groups, one a line (or separated by ";"): `/Staff = Staff`,
 * `governors@school.example = Governor` (":" works as "="). @returns the sources, or the first
 * problem in words
 */
export function parseDirectorySources(
  text: string,
  staffTypes: readonly string[],
): DirectorySource[] | string {
  const out: DirectorySource[] = [];
  for (const part of text.split(/[;\n]/).map(oneLine).filter(Boolean)) {
    const m = /^(.+?)\s*[=:]\s*(.+)$/.exec(part);
    if (!m)
      return `Units and groups: write "${part}" as "/Staff = Staff" or "governors@school.example = Governor".`;
    const key = (m[1] as string).trim();
    const type = staffTypes.find((t) => t.toLowerCase() === (m[2] as string).trim().toLowerCase());
    if (!type)
      return `Units and groups: "${(m[2] as string).trim()}" is not one of the staff types (${staffTypes.join(', ')}).`;
    if (key.startsWith('/')) out.push({ kind: 'unit', key: key.replace(/\/+$/, '') || '/', staffType: type });
    else if (isEmail(normaliseEmail(key)))
      out.push({ kind: 'group', key: normaliseEmail(key), staffType: type });
    else return `Units and groups: "${key}" is neither a unit (starting with /) nor a group's email address.`;
  }
  return out;
}

/** The sources as the settings card shows them, one a line. */
export function directorySourcesText(sources: readonly DirectorySource[]): string {
  return sources.map((s) => `${s.key} = ${s.staffType}`).join('\n');
}

/** Whether a user in unit `path` is in unit `unit` (the unit itself or any unit beneath it). */
export function inUnit(path: string, unit: string): boolean {
  const p = path.toLowerCase();
  const u = unit.toLowerCase();
  return u === '/' || p === u || p.startsWith(`${u}/`);
}

/** A person as the directory has them, with the staff type of the first source that holds them. */
export interface DirectoryPerson {
  email: string;
  name: string;
  /** The primary organisation's job title ('' when none). */
  title: string;
  suspended: boolean;
  /** The account's recovery email: a new starter's personal address ('' when none). */
  recoveryEmail: string;
  staffType: string;
  /** The unit or group they came from. */
  from: string;
}

/** A Staff sheet row as the sync sees it. */
export interface SheetPerson {
  email: string;
  name: string;
  role: string;
  staffType: string;
  personalEmail: string;
  /** yyyy-mm-dd, '' when none. */
  leavingDate: string;
  /** The row's Source cell: {@link FROM_DIRECTORY} for a row the sync keeps. */
  source: string;
}

/** What one sync changes on the Staff sheet, and why, a line each for the Audit. */
export interface SyncPlan {
  add: SheetPerson[];
  /** Rows changed (by email), with only the cells that change. */
  update: { email: string; cells: Partial<Omit<SheetPerson, 'email'>>; why: string[] }[];
  /**
   * Suspended people new to the sheet who were not added: no recovery email to reach them at
   * before their account is on (the business manager adds their Personal Email by hand).
   */
  unreachable: string[];
}

/**
 * What a day's sync changes: people new to the sources are added (a suspended one only as a new
 * starter: never someone who completed before, and only with a recovery email to invite them at);
 * for people already on the sheet, a new name, job title or staff type is applied and a missing
 * personal address filled in; someone suspended who is no new starter (they have completed
 * before, or have no personal address) leaves today; and, when the whole directory was read
 * (`complete`: every unit and group found), so does a row the sync keeps whose person is no
 * longer in the sources. A row a business manager added by hand is made a leaver for being absent
 * only when the directory is the staff list `alone` (Settings' "instead of the Staff sheet"); with
 * both, it stays. A leaver stays a leaver.
 * @param completed addresses with a Complete request (people who have used their account)
 * @param today yyyy-mm-dd, Europe/London
 */
export function planSync(
  directory: readonly DirectoryPerson[],
  sheet: readonly SheetPerson[],
  completed: ReadonlySet<string>,
  today: string,
  options: { complete: boolean; alone: boolean } = { complete: true, alone: false },
): SyncPlan {
  const plan: SyncPlan = { add: [], update: [], unreachable: [] };
  const rows = new Map(sheet.map((s) => [s.email, s]));
  const seen = new Set<string>();
  for (const p of directory) {
    seen.add(p.email);
    const s = rows.get(p.email);
    if (!s) {
      if (p.suspended && (completed.has(p.email) || !p.recoveryEmail)) {
        if (!completed.has(p.email)) plan.unreachable.push(p.email);
        continue;
      }
      plan.add.push({
        email: p.email,
        name: p.name,
        role: p.title,
        staffType: p.staffType,
        personalEmail: p.suspended ? p.recoveryEmail : '',
        leavingDate: '',
        source: FROM_DIRECTORY,
      });
      continue;
    }
    const cells: Partial<Omit<SheetPerson, 'email'>> = {};
    const why: string[] = [];
    if (p.name && p.name !== s.name) {
      cells.name = p.name;
      why.push(`name ${s.name} → ${p.name}`);
    }
    if (p.title && p.title !== s.role) {
      cells.role = p.title;
      why.push(`job title ${s.role || '(none)'} → ${p.title}`);
    }
    if (p.staffType !== s.staffType) {
      cells.staffType = p.staffType;
      why.push(`staff type ${s.staffType} → ${p.staffType} (from ${p.from})`);
    }
    if (!s.personalEmail && p.suspended && p.recoveryEmail && !completed.has(p.email)) {
      cells.personalEmail = p.recoveryEmail;
      why.push('personal email from the directory');
    }
    const newStarter = Boolean(s.personalEmail || cells.personalEmail) && !completed.has(p.email);
    if (p.suspended && !newStarter && !s.leavingDate) {
      cells.leavingDate = today;
      why.push('suspended in the directory: leaves today');
    }
    if (s.source !== FROM_DIRECTORY) cells.source = FROM_DIRECTORY;
    if (why.length || cells.source) plan.update.push({ email: p.email, cells, why });
  }
  if (!options.complete) return plan;
  for (const s of sheet) {
    if (seen.has(s.email) || s.leavingDate || (s.source !== FROM_DIRECTORY && !options.alone)) continue;
    plan.update.push({
      email: s.email,
      cells: { leavingDate: today },
      why: ['no longer in the directory’s units and groups: leaves today'],
    });
  }
  return plan;
}
