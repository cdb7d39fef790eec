import type { Config } from '../core/config';
import { OPEN_TO_SIGN, type SignatureRequest } from '../core/request';
import { nextReminderDay } from '../core/schedule';
import { prefilledLink, tokenHash } from '../gas/forms';
import { send } from '../gas/mail';
import type { StoredRequest } from '../gas/tracking';
import { londonDay } from './context';
import { reminderEmail } from './emails';
import { hasLeft } from './invite';
import { mutate } from './store';

/** What one reminder run did. */
export interface ReminderRun {
  newlyOverdue: SignatureRequest[];
  overdue: SignatureRequest[];
  sent: number;
  /** Reminders due today that did not fit (quota or time): a later run sends them. */
  remaining: number;
}

/**
 * Marks open requests past Due By as Overdue, then sends the reminders due today, as many as
 * `maxEmails` allows (MailApp's quota left, and what the run's time budget can send). Each
 * reminder is recorded (Reminders Sent, Last Reminder At, an Audit row) under the lock *before*
 * its email goes (at-most-once): a crash, a retry or two overlapping runs never send one twice,
 * and the sheet itself is the cursor of what is left. A new starter's reminder carries a fresh
 * single-use form link to their personal address. Leavers are left out.
 */
export function runReminders(config: Config, actor: string, maxEmails: number): ReminderRun {
  const now = new Date();
  const today = londonDay(now);
  const picked = mutate(config, (snap, tracking) => {
    const roster = tracking.readRoster(config.staffTypes).staff;
    const person = new Map(roster.map((p) => [p.email, p]));
    const completed = new Set(
      snap.requests.filter((s) => s.request.status === 'Complete').map((s) => s.request.email),
    );
    const current = snap.requests.filter((s) => s.request.policyVersion === config.policyVersion);
    const changed = new Map<number, StoredRequest>();
    const newlyOverdue: SignatureRequest[] = [];
    for (const s of current) {
      const r = s.request;
      if ((r.status === 'Invited' || r.status === 'Rejected') && r.dueBy && londonDay(r.dueBy) < today) {
        const overdue = { ...r, status: 'Overdue' as const };
        changed.set(s.row, { row: s.row, request: overdue });
        newlyOverdue.push(overdue);
      }
    }
    const due = current
      .map((s) => changed.get(s.row) ?? s)
      .filter((s) => {
        const r = s.request;
        const p = person.get(r.email);
        if (!OPEN_TO_SIGN.includes(r.status) || !r.invitedAt || !p || hasLeft(p, today)) return false;
        const last = r.lastReminderAt ? londonDay(r.lastReminderAt) : null;
        if (last === today) return false;
        const schedule = { afterDays: config.reminderDays, everyDays: config.reminderEveryDays };
        return nextReminderDay(schedule, londonDay(r.invitedAt), r.remindersSent, last) <= today;
      });
    const sending = due.slice(0, Math.max(0, maxEmails));
    const tokens = new Map<string, string>();
    for (const s of sending) {
      const p = person.get(s.request.email);
      if (p?.personalEmail && !completed.has(s.request.email))
        tokens.set(s.request.requestId, Utilities.getUuid());
    }
    tracking.appendTokens(
      [...tokens].map(([requestId, token]) => ({ requestId, hash: tokenHash(token) })),
      now,
    );
    for (const s of sending) {
      changed.set(s.row, {
        row: s.row,
        request: { ...s.request, remindersSent: s.request.remindersSent + 1, lastReminderAt: now },
      });
    }
    const all = [...changed.values()];
    return {
      changed: all,
      audit: [
        ...newlyOverdue.map((r) => ({
          at: now,
          actor,
          action: 'Overdue',
          requestId: r.requestId,
          details: `Due by ${londonDay(r.dueBy as Date)}`,
        })),
        ...sending.map((s) => ({
          at: now,
          actor,
          action: 'Reminder sent',
          requestId: s.request.requestId,
          details: `Reminder ${s.request.remindersSent + 1} to ${tokens.has(s.request.requestId) ? person.get(s.request.email)?.personalEmail : s.request.email}`,
        })),
      ],
      result: {
        newlyOverdue,
        overdue: current
          .map((s) => changed.get(s.row)?.request ?? s.request)
          .filter((r) => r.status === 'Overdue'),
        sending: sending.map((s) => ({
          request: changed.get(s.row)?.request as SignatureRequest,
          token: tokens.get(s.request.requestId),
          personalEmail: person.get(s.request.email)?.personalEmail ?? '',
        })),
        remaining: due.length - sending.length,
      },
    };
  });
  for (const { request, token, personalEmail } of picked.sending) {
    const link = token ? prefilledLink(config.form, token) : '';
    send(reminderEmail(config, request, token ? personalEmail : request.email, link), config.schoolName);
  }
  return {
    newlyOverdue: picked.newlyOverdue,
    overdue: picked.overdue,
    sent: picked.sending.length,
    remaining: picked.remaining,
  };
}
