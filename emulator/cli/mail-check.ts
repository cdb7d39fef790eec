import { DateTime } from 'luxon';
import type { SentMail } from '../core/workspace';
import type { RosterRow } from './roster';

/** What the run's emails were checked for, and what fell short. */
export interface MailCheck {
  /** One line each: what held. */
  held: string[];
  /** One line each: what did not. */
  problems: string[];
}

/** Most emails an approver may receive on one London day. */
export const APPROVER_DAILY_MAX = 2;

/**
 * Checks the emails of a local run against what each role should receive (issue 13): every
 * signer their signed copy with its PDF; no approver more than {@link APPROVER_DAILY_MAX} emails
 * on any London day; "account ready" only to new starters, whose accounts the run switched on
 * (the roster's people with a personal address, created suspended); every HTML part with a real
 * link.
 * @param signers the address each signer's copy should reach: a new starter's personal address
 *   (their school account was not in use when they signed), everyone else's school address
 */
export function checkMail(
  mail: readonly SentMail[],
  opts: { signers: readonly string[]; approvers: readonly string[]; roster: readonly RosterRow[] },
): MailCheck {
  const held: string[] = [];
  const problems: string[] = [];
  const copies = new Set(
    mail
      .filter(
        (m) =>
          m.subject.startsWith('Your signed copy') &&
          m.attachments.some((a) => a.contentType === 'application/pdf'),
      )
      .flatMap((m) => m.to),
  );
  const without = opts.signers.filter((s) => !copies.has(s));
  if (without.length) problems.push(`No signed copy for ${without.join(', ')}.`);
  else
    held.push(
      `${opts.signers.length} of ${opts.signers.length} signers got their signed copy, the PDF attached.`,
    );

  const perDay = new Map<string, number>();
  for (const m of mail) {
    const day = DateTime.fromMillis(m.sentAt, { zone: 'Europe/London' }).toISODate() ?? '';
    for (const a of [...m.to, ...m.cc].filter((x) => opts.approvers.includes(x))) {
      perDay.set(`${a} ${day}`, (perDay.get(`${a} ${day}`) ?? 0) + 1);
    }
  }
  const busiest = Math.max(0, ...perDay.values());
  const over = [...perDay].filter(([, n]) => n > APPROVER_DAILY_MAX).map(([k, n]) => `${k}: ${n}`);
  if (over.length)
    problems.push(`Approvers with more than ${APPROVER_DAILY_MAX} emails a day: ${over.join('; ')}.`);
  else held.push(`Approvers: at most ${busiest} emails on any day.`);

  const starters = new Set(opts.roster.filter((r) => r.personalEmail).map((r) => r.email.toLowerCase()));
  const ready = mail.filter((m) => / account is ready$/.test(m.subject));
  const wrong = ready.filter((m) => ![...m.to, ...m.cc].some((x) => starters.has(x)));
  if (wrong.length)
    problems.push(
      `"Account ready" to people whose account was already active: ${wrong.map((m) => m.to.join()).join(', ')}.`,
    );
  else
    held.push(
      `"Account ready" only to the ${starters.size} new starters (${ready.length} emails); "AUP complete" to the rest.`,
    );

  const unlinked = mail.filter((m) => !/<a href="https:\/\/[^"]+"/.test(m.htmlBody));
  if (unlinked.length)
    problems.push(`HTML emails without a link: ${unlinked.map((m) => m.subject).join('; ')}.`);
  else held.push(`All ${mail.length} HTML emails link with <a href>.`);
  return { held, problems };
}
