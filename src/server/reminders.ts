import type { Config } from '../core/config';
import { OPEN_TO_SIGN, type SignatureRequest } from '../core/request';
import { nextReminderDay } from '../core/schedule';
import { tokenHash } from '../gas/forms';
import { newNotice, queueNotices, type Notice } from '../gas/outbox';
import { Tracking, type AuditEntry, type StoredRequest } from '../gas/tracking';
import { londonDay } from './context';
import { auditCopy, claimDetails, deliverNotices } from './notices';
import { hasLeft } from './invite';
import { mutate } from './store';

/**
 * Reminders one run claims at most: each waits in Script Properties as a notice of some 450 bytes
 * until sent, and the store holds 500 KB in all; the rest go with the continuation.
 */
const MAX_REMINDERS_A_RUN = 300;

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
 * reminder is recorded (Reminders Sent, Last Reminder At, an Audit row naming its queued notice)
 * under the lock *before* its email goes, and sent at most once: a crash, a retry or two
 * overlapping runs never send one twice, one a stopped run owed is sent by a later run, and the
 * sheet itself is the cursor of what is left. A new starter's reminder carries a fresh
 * single-use form link to their personal address. Leavers are left out. With `overdueNow` (the
 * business manager's "Remind the overdue now"), every Overdue request not reminded today is
 * reminded, whatever the schedule.
 */
export function runReminders(
  config: Config,
  actor: string,
  maxEmails: number,
  options: { overdueNow?: boolean } = {},
): ReminderRun {
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
      if ((r.status === 'Invited' || r.status === 'Returned') && r.dueBy && londonDay(r.dueBy) < today) {
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
        if (options.overdueNow) return r.status === 'Overdue';
        const schedule = { afterDays: config.reminderDays, everyDays: config.reminderEveryDays };
        return nextReminderDay(schedule, londonDay(r.invitedAt), r.remindersSent, last) <= today;
      });
    const sending = due.slice(0, Math.max(0, Math.min(maxEmails, MAX_REMINDERS_A_RUN)));
    const notices = new Map<string, Notice>();
    const reminded: AuditEntry[] = [];
    for (const s of sending) {
      const home = person.get(s.request.email)?.personalEmail;
      const newStarter = Boolean(home) && !completed.has(s.request.email);
      const count = s.request.remindersSent + 1;
      const n = newNotice({
        kind: 'reminder',
        requestId: s.request.requestId,
        to: newStarter ? (home as string) : s.request.email,
        token: newStarter ? Utilities.getUuid() : undefined,
        claim: { lastReminderAt: now.getTime(), remindersSent: count },
      });
      const audit: AuditEntry = {
        at: now,
        actor,
        action: 'Reminder sent',
        requestId: s.request.requestId,
        details: claimDetails(`Reminder ${count} to ${n.to}`, [n]),
      };
      reminded.push(audit);
      notices.set(s.request.requestId, { ...n, audit: auditCopy([audit]) });
      changed.set(s.row, {
        row: s.row,
        request: { ...s.request, remindersSent: count, lastReminderAt: now },
      });
    }
    tracking.appendTokens(
      [...notices.values()]
        .filter((n) => n.token)
        .map((n) => ({ requestId: n.requestId, hash: tokenHash(n.token as string) })),
      now,
    );
    queueNotices([...notices.values()], { replace: true });
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
        ...reminded,
      ],
      result: {
        newlyOverdue,
        overdue: current
          .map((s) => changed.get(s.row)?.request ?? s.request)
          .filter((r) => r.status === 'Overdue'),
        notices: [...notices.values()],
        requests: new Map(
          sending.map((s) => [s.request.requestId, changed.get(s.row)?.request as SignatureRequest]),
        ),
        remaining: due.length - sending.length,
      },
    };
  });
  const delivery = deliverNotices(config, picked.notices, Tracking.open(config), picked.requests);
  return {
    newlyOverdue: picked.newlyOverdue,
    overdue: picked.overdue,
    sent: delivery.sent,
    remaining: picked.remaining,
  };
}
