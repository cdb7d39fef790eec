import type { Config } from '../core/config';
import { LIMITS } from '../core/limits';
import { oneLine } from '../core/safe';
import { withScriptLock } from '../gas/lock';
import { readRecords } from '../gas/records';
import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isBusinessManager, londonDay, ukDate, type ServerContext } from './context';
import { setHold } from './retention';
import { evidencePack, findRequests, peopleMatching, verifyRequest } from './verify';

/** People listed to choose from when a name matches several. */
const MAX_MATCHES = 10;

/**
 * Verify from the card (business managers), for a person chosen by name (or an email or request
 * ID): the findings as the message and, for the result card, in `data` (`name`, `verified`
 * "yes"/"no", `findings` JSON). A name several people match (two people of the same full name
 * too) gives them in `data.matches` (JSON, at most {@link MAX_MATCHES}) to choose from.
 */
export function verifyOp(ctx: ServerContext, query: string): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller))
    return { ok: false, message: 'Only a business manager can verify.' };
  const tracking = Tracking.open(config);
  let who = query;
  if (new Set(findRequests(tracking, query).map((r) => r.email)).size !== 1) {
    const people = peopleMatching(tracking, query, MAX_MATCHES);
    if (people.length > 1)
      return {
        ok: false,
        message: `${people.length >= MAX_MATCHES ? `${MAX_MATCHES} or more` : people.length} people match "${query}": choose one${people.length >= MAX_MATCHES ? ', or type more of the name' : ''}.`,
        data: { matches: JSON.stringify(people) },
      };
    who = people[0]?.email ?? query;
  }
  const gone = disposedOf(config, tracking, who);
  if (gone)
    return {
      ok: false,
      message: gone.message,
      data: {
        name: gone.name,
        email: gone.email,
        verified: 'no',
        findings: JSON.stringify([gone.message]),
        hold: '',
      },
    };
  const v = verifyRequest(config, ctx.caller, who);
  if (!v)
    return { ok: false, message: `Nobody matches "${query}": type part of their name, or their email.` };
  const verdict =
    v.request.status === 'Returned' ? 'Nothing to verify' : v.ok ? 'Verified' : 'Verification FAILED';
  return {
    ok: v.ok,
    message: `${verdict} for ${v.request.name}: ${v.findings.join(' ')}`,
    data: {
      name: v.request.name,
      email: v.request.email,
      verified: v.ok ? 'yes' : 'no',
      findings: JSON.stringify(v.findings),
      hold: readRecords(tracking).get(v.request.email)?.Hold ?? '',
    },
  };
}

/** For a person whose records were disposed of: who, and the sentence that says so. */
function disposedOf(
  config: Config,
  tracking: Tracking,
  query: string,
): { name: string; email: string; message: string } | undefined {
  const found = findRequests(tracking, query);
  const r = found[found.length - 1];
  if (!r) return undefined;
  const on = readRecords(tracking).get(r.email)?.['Disposed On'];
  if (!on || (r.invitedAt && londonDay(r.invitedAt) >= on)) return undefined;
  return {
    name: r.name,
    email: r.email,
    message: `${r.name}'s records were disposed of on ${ukDate(new Date(`${on}T12:00:00Z`))} under the retention settings: their documents and signed PDFs are gone, and the Audit keeps what they signed and when.`,
  };
}

/**
 * Hold their records / Release the hold (business managers), for the person Verify showed: see
 * `setHold`.
 */
export function holdOp(
  ctx: ServerContext,
  args: { query: string; release: boolean; reason: string },
): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller))
    return { ok: false, message: 'Only a business manager can hold records.' };
  const r = findRequests(Tracking.open(config), args.query)[0];
  if (!r) return { ok: false, message: `Nobody matches "${args.query}".` };
  const reason = oneLine(args.reason).slice(0, LIMITS.reason);
  return { ok: true, message: setHold(config, ctx.caller, r, { release: args.release, reason }) };
}

/** Evidence pack from the card (business managers): the PDF's URL in `data.url`. */
export function evidenceOp(ctx: ServerContext, query: string): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller)) {
    return { ok: false, message: 'Only a business manager can make an evidence pack.' };
  }
  const gone = disposedOf(config, Tracking.open(config), query);
  if (gone) return { ok: false, message: gone.message };
  const pack = evidencePack(config, ctx.caller, query);
  if (!pack) return { ok: false, message: `No request for "${query}": give a request ID or an email.` };
  withScriptLock(() =>
    Tracking.open(config).appendAudit([
      {
        at: new Date(),
        actor: ctx.caller,
        action: 'Evidence pack',
        requestId: pack.verification.request.requestId,
        details: pack.url,
      },
    ]),
  );
  return {
    ok: true,
    message: `Evidence pack for ${pack.verification.request.name} saved beside the signed PDF.`,
    data: { url: pack.url },
  };
}
