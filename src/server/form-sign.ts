import type { Config } from '../core/config';
import { normaliseEmail } from '../core/safe';
import { tokenHash } from '../gas/forms';
import { send } from '../gas/mail';
import { mailContext, quarantineNotice } from './emails';
import { recordSignature, type Locate, type SignOutcome } from './sign';
import { LIMITS } from '../core/limits';
import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';

/** A Form response as the form-submit trigger reads it. */
export interface FormSignature {
  token: string;
  typedName: string;
  consent: boolean;
  /** The respondent email the form collected ('' when none). */
  respondent: string;
  responseId: string;
  /** When the response was submitted, for a signature recorded after its trigger died. */
  submittedAt?: Date;
}

/**
 * Records a new starter's signature from the policy Form, through the same path as the cards.
 * The token must belong to an open request and be unused; a collected respondent email must be
 * the person's Workspace or personal address. Anything else is quarantined: an Audit row
 * "Quarantined" with the reason and an email to the business managers; nothing is signed.
 */
export function signFromForm(config: Config, owner: string, f: FormSignature): SignOutcome {
  const locate: Locate = (requests, tracking) => {
    if (!f.token.trim()) return { reason: 'no reference token', requestId: '' };
    const hash = tokenHash(f.token.trim());
    const token = tracking.readTokens().find((t) => t.hash === hash);
    if (!token) return { reason: 'unknown reference token', requestId: '' };
    const stored = requests.find((s) => s.request.requestId === token.requestId);
    if (!stored) return { reason: 'the token’s request no longer exists', requestId: token.requestId };
    if (token.usedAt)
      return { reason: 'reference token already used or withdrawn', requestId: token.requestId };
    const person = tracking.readRoster(config.staffTypes).staff.find((p) => p.email === stored.request.email);
    const allowed = [stored.request.email, person?.personalEmail ?? ''].filter(Boolean);
    const respondent = normaliseEmail(f.respondent);
    if (respondent && !allowed.includes(respondent)) {
      return {
        reason: `respondent ${respondent} is not ${allowed.join(' or ')}`,
        requestId: token.requestId,
      };
    }
    return {
      stored,
      check: (t) => (t.tokenStillUnused(token) ? undefined : 'reference token already used or withdrawn'),
      after: (t, at) => t.markTokenUsed(token, at),
    };
  };
  const outcome = recordSignature(config, locate, {
    consent: f.consent,
    typedName: f.typedName,
    via: 'Form',
    actor: normaliseEmail(f.respondent) || 'form respondent',
    givenAt: f.submittedAt,
  });
  if (!outcome.ok) quarantine(config, owner, f, outcome.message, outcome.requestId);
  return outcome;
}

/** At most one quarantine email an hour: the public Form must not be a way to flood the business managers' inboxes. */
const QUARANTINE_MAIL_KEY = 'aup-quarantine-mailed';

/**
 * Keeps a refused form response for the business managers: an Audit row always, and an email at
 * most once an hour (the rest are in the Audit); nothing signed.
 */
function quarantine(
  config: Config,
  owner: string,
  f: FormSignature,
  reason: string,
  requestId: string,
): void {
  const tracking = Tracking.open(config);
  withScriptLock(() =>
    tracking.appendAudit([
      {
        at: new Date(),
        actor: normaliseEmail(f.respondent) || owner,
        action: 'Quarantined',
        requestId,
        details: `${reason}; form response ${f.responseId}; typed name "${f.typedName.slice(0, LIMITS.name)}"`,
      },
    ]),
  );
  const cache = CacheService.getScriptCache();
  if (cache.get(QUARANTINE_MAIL_KEY)) return;
  cache.put(QUARANTINE_MAIL_KEY, '1', 3600);
  const ctx = mailContext(
    config,
    () => tracking.readSignatures().requests.map((s) => s.request),
    () => tracking.readRoster(config.staffTypes).staff,
  );
  for (const bm of config.businessManagers) {
    send(quarantineNotice(ctx, bm, { typedName: f.typedName, respondent: f.respondent, reason }), {
      schoolName: config.schoolName,
      replyTo: config.businessManagers[0],
    });
  }
}
