import type { Config } from '../core/config';
import { planSync, type DirectoryPerson, type SyncPlan } from '../core/directory-roster';
import { fitCell, tooLong } from '../core/limits';
import { unsafeText } from '../core/names';
import { OPEN_TO_SIGN } from '../core/request';
import { isEmail, normaliseEmail, oneLine } from '../core/safe';
import { withScriptLock } from '../gas/lock';
import { readStaffForSync, writeStaffPlan } from '../gas/staff-sync';
import { Tracking, type AuditEntry, type StoredRequest } from '../gas/tracking';
import { directoryReaders } from '../triggers/directory-sync';
import type { ServerResponse } from './api';
import { isBusinessManager, londonDay, type ServerContext } from './context';
import { scheduleInvitationJob } from './invite';
import { mutate } from './store';

/** Script Properties: the last directory sync (its day, who ran it, what it changed, or why it failed). */
export const SYNC_KEY = 'AUP_SIGNER_DIRECTORY_SYNC';

/** What the last sync left, for the business manager's card. */
export interface SyncRecord {
  /** yyyy-mm-dd, Europe/London. */
  on: string;
  at: string;
  by: string;
  summary: string;
}

/** The Audit action of the changes a directory sync makes. */
const ACTION = 'Directory sync';

/**
 * Directory sync (the administrator whose daily trigger read the directory, or a business
 * manager, who may edit the Staff sheet anyway): applies what the directory says to the Staff
 * sheet under the script lock ({@link planSync}: joiners added, leavers given today's Leaving
 * Date, names, job titles and staff types brought up to date), each change audited once (a run
 * that stopped after writing the sheet and before its Audit rows finds them written when it
 * reruns the same day); then brings open requests' names and roles into line with the Staff
 * sheet, and has the invitation job invite the joiners (once invitations have gone out for the
 * current version: before that, Send invitations is the business manager's). People the server cannot use (a bad address, a name too long,
 * an unknown staff type) are left out and said.
 * @param args.people JSON list of {@link DirectoryPerson}; `problems`: JSON list of what the reader could not read
 */
export function directorySyncOp(
  ctx: ServerContext,
  args: { people: string; problems: string },
): ServerResponse {
  const config = ctx.config;
  if (!config) return { ok: false, message: 'AUP Signer is not set up yet.' };
  if (!directoryReaders(ctx.props).includes(ctx.caller) && !isBusinessManager(config, ctx.caller))
    return {
      ok: false,
      message:
        'Only the administrator who reads the staff list daily, or a business manager, can sync the staff list.',
    };
  if (config.staffSource === 'sheet')
    return {
      ok: false,
      message: 'Settings take the staff list from the Staff sheet alone: nothing to sync.',
    };
  const { people, rejected } = checkedPeople(args.people, config);
  const problems = parse<string[]>(args.problems, []);
  const today = londonDay();
  const plan = withScriptLock(() => applyPlan(config, people, today, ctx.caller, !problems.length));
  const { renamed, inviting } = renameOpenRequests(config, ctx.caller);
  if (plan.add.length && inviting) scheduleInvitationJob();
  const left = plan.update.filter((u) => u.cells.leavingDate).length;
  const changed = plan.update.filter((u) => u.why.length && !u.cells.leavingDate).length;
  const notes = [
    ...problems,
    ...(problems.length
      ? ['Nobody was taken for a leaver for being absent, as part of the directory could not be read.']
      : []),
    ...rejected,
  ];
  if (plan.unreachable.length)
    notes.push(
      `Not added, their accounts being suspended with no recovery email to invite them at: ${plan.unreachable.join(', ')}. Add them with their Personal Email (Add a person), or give them a recovery email in the directory.`,
    );
  const summary = `${people.length} in the directory's units and groups: ${plan.add.length} added, ${left} left, ${changed} changed, ${renamed} open requests renamed.${notes.length ? ` ${notes.join(' ')}` : ''}`;
  const record: SyncRecord = { on: today, at: new Date().toISOString(), by: ctx.caller, summary };
  PropertiesService.getScriptProperties().setProperty(SYNC_KEY, JSON.stringify(record));
  return { ok: true, message: `Staff list synced from the directory: ${summary}` };
}

/**
 * Under the script lock: the Staff sheet and the Signatures sheet read, the plan made, an Audit
 * row for each change not already audited today, then the Staff sheet written (so a run that
 * stops between them writes the sheet when it runs again, and its Audit rows once).
 */
function applyPlan(
  config: Config,
  people: DirectoryPerson[],
  today: string,
  actor: string,
  complete: boolean,
): SyncPlan {
  const tracking = Tracking.open(config);
  const read = readStaffForSync(tracking);
  const completed = new Set(
    tracking
      .readSignatures()
      .requests.filter((s) => s.request.status === 'Complete')
      .map((s) => s.request.email),
  );
  const plan = planSync(people, read.people, completed, today, {
    complete,
    alone: config.staffSource === 'directory',
  });
  const lines = [
    ...plan.add.map(
      (p) =>
        `${p.name} <${p.email}> added as ${p.staffType}${p.personalEmail ? ` (a new starter: invited at ${p.personalEmail})` : ''}`,
    ),
    ...plan.update.filter((u) => u.why.length).map((u) => `${u.email}: ${u.why.join('; ')}`),
  ].map((l) => fitCell(`${today}: ${l}`));
  const done = new Set(
    tracking
      .readAudit('')
      .filter((a) => a.action === ACTION)
      .map((a) => a.details),
  );
  const now = new Date();
  const audit: AuditEntry[] = lines
    .filter((l) => !done.has(l))
    .map((details) => ({ at: now, actor, action: ACTION, requestId: '', details }));
  if (audit.length) tracking.appendAudit(audit);
  writeStaffPlan(tracking, read, plan);
  return plan;
}

/**
 * Open requests (not yet signed, or returned) whose name or role differs from their Staff sheet
 * row, brought into line with it in one write, each audited ("Renamed") just before it, once (a
 * run that stopped between the two writes the row, not a second Audit row).
 * @returns how many, and whether invitations have gone out for the current version
 */
function renameOpenRequests(config: Config, actor: string): { renamed: number; inviting: boolean } {
  return mutate(config, (snap, tracking) => {
    const staff = new Map(tracking.readRoster(config.staffTypes).staff.map((p) => [p.email, p]));
    const now = new Date();
    const changed: StoredRequest[] = [];
    const audit: AuditEntry[] = [];
    let renamedAudit: Set<string> | undefined;
    for (const s of snap.requests) {
      const r = s.request;
      const p = staff.get(r.email);
      if (!p || !OPEN_TO_SIGN.includes(r.status) || (p.name === r.name && p.role === r.role)) continue;
      changed.push({ row: s.row, request: { ...r, name: p.name, role: p.role } });
      const details = fitCell(
        `${r.name}, ${r.role || 'no role'} → ${p.name}, ${p.role || 'no role'} (the Staff sheet, from the directory)`,
      );
      renamedAudit ??= new Set(
        tracking
          .readAudit()
          .filter((a) => a.action === 'Renamed')
          .map((a) => `${a.requestId} ${a.details}`),
      );
      if (!renamedAudit.has(`${r.requestId} ${details}`))
        audit.push({ at: now, actor, action: 'Renamed', requestId: r.requestId, details });
    }
    tracking.appendAudit(audit);
    const inviting = snap.requests.some((s) => s.request.policyVersion === config.policyVersion);
    return { changed, result: { renamed: changed.length, inviting } };
  });
}

/** The posted people, checked as a Staff sheet row is: usable ones, and a line for each left out. */
function checkedPeople(json: string, config: Config): { people: DirectoryPerson[]; rejected: string[] } {
  const raw = parse<unknown[]>(json, []);
  const types = new Set(config.staffTypes);
  const people: DirectoryPerson[] = [];
  const rejected: string[] = [];
  for (const x of Array.isArray(raw) ? raw : []) {
    const p = (x ?? {}) as Partial<Record<keyof DirectoryPerson, unknown>>;
    const email = normaliseEmail(String(p.email ?? ''));
    const name = oneLine(String(p.name ?? ''));
    const title = oneLine(String(p.title ?? ''));
    const recoveryEmail = normaliseEmail(String(p.recoveryEmail ?? ''));
    const staffType = String(p.staffType ?? '');
    const why =
      (!isEmail(email) && `"${email.slice(0, 60)}" is not an address`) ||
      (!name && `${email} has no name in the directory`) ||
      unsafeText(name) ||
      tooLong('name', name) ||
      tooLong('role', title) ||
      (recoveryEmail && !isEmail(recoveryEmail) && `${email}'s recovery email is not an address`) ||
      (!types.has(staffType) && `"${staffType}" is not a staff type`);
    if (why) {
      rejected.push(`Left out: ${why}.`);
      continue;
    }
    people.push({
      email,
      name,
      title,
      suspended: p.suspended === true,
      recoveryEmail,
      staffType,
      from: oneLine(String(p.from ?? '')),
    });
  }
  return { people, rejected };
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}
