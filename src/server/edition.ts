import type { Config } from '../core/config';
import { remainingQuota } from '../gas/mail';
import { newNotice, queueNotices, type Notice } from '../gas/outbox';
import { Tracking, type AuditEntry } from '../gas/tracking';
import { londonDay, maySendNow } from './context';
import { hasLeft } from './invite';
import { auditCopy, claimDetails, deliverNotices } from './notices';
import { changesReader } from './changes';
import { mutate } from './store';

/** Planning figure for one email within a run's time budget (ms), as the daily run's. */
const EMAIL_MS = 400;

/** Notices one run claims at most (each waits in Script Properties until sent; see reminders.ts). */
const MAX_A_RUN = 300;

/** The Audit action that records a person was told of an editorial version (its label after it). */
export function toldAction(edition: string): string {
  return `Told of ${edition}`;
}

/**
 * Tells everyone with a request of the current policy version, once each, that editorial version
 * `edition` is published and what changed for them, in one email (someone for whom nothing changed,
 * by their staff type or because their copy was made from this wording, gets an Audit row and no
 * email): as many as MailApp's quota
 * (less a digest's share for each business manager) and the run's time budget allow, only in the
 * hours emails go out. Each is claimed by its Audit row ("Told of …", naming its queued notice)
 * under the lock before its email goes, so a crash or a second run never tells anyone twice; the
 * invitation job (scheduled when some are left) and the daily run tell the rest. A new starter who has not completed yet is told at their personal address.
 * @returns how many were told now and how many are left
 */
export function tellOfEdition(
  config: Config,
  edition: string,
  started: number,
  budgetMs: number,
): { sent: number; remaining: number } {
  const timeLeft = started + budgetMs - Date.now();
  const quota = maySendNow(config)
    ? Math.min(remainingQuota() - config.businessManagers.length, Math.floor(timeLeft / EMAIL_MS))
    : 0;
  const action = toldAction(edition);
  const picked = mutate(config, (snap, tracking) => {
    const roster = new Map(tracking.readRoster(config.staffTypes).staff.map((p) => [p.email, p]));
    const today = londonDay();
    const completed = new Set(
      snap.requests.filter((s) => s.request.status === 'Complete').map((s) => s.request.email),
    );
    const told = tracking.auditedRequests(action);
    const owed = snap.requests
      .map((s) => s.request)
      .filter((r) => {
        const p = roster.get(r.email);
        return (
          r.policyVersion === config.policyVersion &&
          r.status !== 'Superseded' &&
          r.invitedAt !== null &&
          !told.has(r.requestId) &&
          !(p && hasLeft(p, today))
        );
      });
    const now = new Date();
    const notices: Notice[] = [];
    const audit: AuditEntry[] = [];
    const changes = changesReader(tracking, config, () => snap.requests.map((s) => s.request));
    let emails = Math.max(0, Math.min(quota, MAX_A_RUN));
    let left = 0;
    for (const r of owed) {
      const changed = Boolean(changes(r, 'made')?.changes.length);
      if (changed && emails <= 0) {
        left += 1;
        continue;
      }
      if (!changed) {
        audit.push({
          at: now,
          actor: 'AUP Signer',
          action,
          requestId: r.requestId,
          details: 'Nothing changed for them (their staff type, or a copy made from this wording): no email.',
        });
        continue;
      }
      emails -= 1;
      const home = roster.get(r.email)?.personalEmail;
      const n = newNotice({
        kind: 'edition',
        requestId: r.requestId,
        to: home && !completed.has(r.email) ? home : r.email,
      });
      const row: AuditEntry = {
        at: now,
        actor: 'AUP Signer',
        action,
        requestId: r.requestId,
        details: claimDetails(`Told ${n.to} of the editorial changes`, [n]),
      };
      audit.push(row);
      notices.push({ ...n, audit: auditCopy([row]) });
    }
    queueNotices(notices);
    return { audit, result: { notices, remaining: left } };
  });
  const delivery = deliverNotices(
    config,
    picked.notices,
    Tracking.open(config),
    undefined,
    started + budgetMs,
  );
  return { sent: delivery.sent, remaining: picked.remaining + delivery.left };
}
