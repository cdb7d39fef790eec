import type { Config } from '../core/config';
import { maySendAt, nextCycleDay, parseResignRule } from '../core/schedule';
import { returnedNote, type SignatureRequest } from '../core/request';
import type { RequestView } from './api';

/** Who is asking and on whose authority the server runs. */
export interface ServerContext {
  /** The verified caller (Session.getActiveUser in the web app), lower-cased. */
  caller: string;
  /** The web app's user (Session.getEffectiveUser): owns the tracking sheet and documents. */
  owner: string;
  config: Config | null;
  /** Script Properties as this request read them at its start (for reads outside the lock). */
  props: Readonly<Record<string, string>>;
}

/** Whether the caller is a business manager. */
export function isBusinessManager(config: Config, email: string): boolean {
  return config.businessManagers.includes(email);
}

/** Whether the caller is an approver. */
export function isApprover(config: Config, email: string): boolean {
  return config.approvers.includes(email);
}

/** A date in en-GB words in Europe/London ("21 November 2026"), or '' for none. */
export function ukDate(d: Date | null, withTime = false): string {
  return d
    ? Utilities.formatDate(d, 'Europe/London', withTime ? "d MMMM yyyy 'at' HH:mm" : 'd MMMM yyyy')
    : '';
}

/** The card's view of a request. */
export function viewOf(r: SignatureRequest, nameOf: (email: string) => string = (e) => e): RequestView {
  const returned = returnedNote(r.notes);
  return {
    requestId: r.requestId,
    email: r.email,
    name: r.name,
    role: r.role,
    staffType: r.staffType,
    policyVersion: r.policyVersion,
    status: r.status,
    dueBy: ukDate(r.dueBy),
    signedAt: ukDate(r.signedAt, true),
    signedVia: r.signedVia,
    approvedBy: r.approvedBy,
    approvedByName: r.approvedBy ? nameOf(r.approvedBy) : '',
    returned: returned ? { by: nameOf(returned.by), reason: returned.reason } : null,
    document: r.document,
    account: r.account,
    notes: r.notes,
  };
}

/**
 * Whether invitations, reminders and digests may go out now (see `maySendAt`): the London day
 * of the week and hour, read with Utilities.formatDate ("u": 1 = Monday; "H": 0-23).
 */
export function maySendNow(config: Config, d: Date = new Date()): boolean {
  const [weekday, hour] = Utilities.formatDate(d, 'Europe/London', 'u H').split(' ').map(Number);
  return maySendAt(weekday ?? 1, hour ?? 0, config);
}

/** The local day (yyyy-mm-dd, Europe/London) of an instant. */
export function londonDay(d: Date = new Date()): string {
  return Utilities.formatDate(d, 'Europe/London', 'yyyy-MM-dd');
}

/** The current cycle for the Dashboard: when it opened and when the next opens (yyyy-mm-dd). */
export function cycleOf(config: Config): { opened: string; next: string } {
  const rule = parseResignRule(config.resignOn);
  const next = typeof rule === 'string' ? '' : nextCycleDay(rule, config.cycleOpenedOn);
  return { opened: config.cycleOpenedOn, next };
}
