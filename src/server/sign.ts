import type { Channel } from '../core/columns';
import type { Config } from '../core/config';
import { tooLong } from '../core/limits';
import { sign, type Refusal, type SignatureRequest } from '../core/request';
import { sha256Hex } from '../gas/evidence';
import { clearPending, recordPending } from '../gas/pending';
import { Tracking, type StoredRequest } from '../gas/tracking';
import type { ServerResponse } from './api';
import type { ServerContext } from './context';
import { finishPending, handOver } from './pending-steps';
import { changeRow } from './store';
import { homeState } from './state';
import { forgetViewed } from './viewed';

/** What a card sends to sign. Who signs is the verified caller, never a field here. */
export interface SignArgs {
  requestId: string;
  consent: boolean;
  typedName: string;
  via: Channel;
}

/** A signature as given: the agreement, the typed name, the channel and who gave it. */
export interface Signature {
  consent: boolean;
  typedName: string;
  via: Channel;
  actor: string;
  /** When it was given, if not now: a Form response recorded later by the daily run. */
  givenAt?: Date;
  /**
   * A card waits for the answer: the block is filled at once and the rest (the snapshot, the
   * notices) handed to the resume trigger, within minutes (see `handOver`).
   */
  handOver?: boolean;
}

/**
 * Which request a signature is for, found outside the lock; `check` says again under the lock
 * why it may not be signed (a form reference used meanwhile), and `after` makes the writes that
 * go with the claim (the reference marked used).
 */
export interface Located {
  stored: StoredRequest;
  check?: (tracking: Tracking) => string | undefined;
  after?: (tracking: Tracking, at: Date) => void;
}

/** Finds the request a signature is for; or says why there is none. */
export type Locate = (
  requests: readonly StoredRequest[],
  tracking: Tracking,
) => Located | { reason: string; requestId: string };

/** How recording a signature ended. */
export type SignOutcome =
  | { ok: true; request: SignatureRequest }
  | { ok: false; code: Refusal['code'] | 'not-found' | 'too-long'; message: string; requestId: string };

/**
 * The one path every signature takes, from a card or the Form. Recorded first: the steps it will
 * owe are written down, then under the script lock the request's row alone is read again and the
 * transition applied (consent, the name check, signs once), writing only the cells it changes,
 * so a double click or a retry signs once and the lock is held for a row's read and write. The
 * signature counts from that moment. Then the owed steps run (`finishPending`: the document's
 * block, the hash and PDF, the Audit, the approvers' notices), or from a card the block at once
 * and the rest within minutes (`handOver`); whatever of them fails or is cut short is taken over
 * later and never turns the signature into an error. A refusal changes nothing.
 */
export function recordSignature(config: Config, locate: Locate, sig: Signature): SignOutcome {
  const long = tooLong('name', sig.typedName.trim());
  if (long) return { ok: false, code: 'too-long', message: long, requestId: '' };
  const tracking = Tracking.open(config);
  const found = locate(tracking.readSignatures().requests, tracking);
  if ('reason' in found)
    return { ok: false, code: 'not-found', message: found.reason, requestId: found.requestId };
  const at = sig.givenAt ?? new Date();
  const input = { consent: sig.consent, typedName: sig.typedName, via: sig.via, at };
  const requestId = found.stored.request.requestId;
  const early = sign(found.stored.request, input);
  if (!early.ok) return { ...early, requestId };
  const pending = recordPending({
    requestId,
    stage: 'signed',
    at: at.getTime(),
    actor: sig.actor,
    details: `Via ${sig.via}${sig.givenAt ? ' (recorded later from the Form response)' : ''}; typed signature "${sig.typedName.replace(/\s+/g, ' ').trim()}"; agreement SHA-256 ${sha256Hex(config.agreementText)}`,
  });
  const outcome = changeRow<SignOutcome>(tracking, requestId, (current) => {
    if (!current)
      return {
        result: { ok: false, code: 'not-found', message: 'There is no such request to sign.', requestId: '' },
      };
    const reason = found.check?.(tracking);
    if (reason) return { result: { ok: false, code: 'not-found', message: reason, requestId } };
    const t = sign(current.request, input);
    if (!t.ok) return { result: { ...t, requestId } };
    return {
      request: t.request,
      also: (t2) => found.after?.(t2, at),
      result: { ok: true, request: t.request },
    };
  });
  if (!outcome.ok) {
    clearPending(pending);
    return outcome;
  }
  try {
    forgetViewed(requestId);
  } catch {
    // Only the first-view flag is left behind (a few bytes of Script Properties); the signature stands.
  }
  if (sig.handOver) handOver(config, tracking, pending, outcome.request);
  else finishPending(config, pending, tracking);
  return outcome;
}

/** Signing from a card: the caller's own request only; a repeat is reported, not an error. */
export function signRequest(ctx: ServerContext, args: SignArgs): ServerResponse {
  const config = ctx.config;
  if (!config) return { ok: false, message: 'AUP Signer is not set up yet.' };
  const locate: Locate = (requests) => {
    const own = requests.find(
      (s) => s.request.requestId === args.requestId && s.request.email === ctx.caller,
    );
    return own ? { stored: own } : { reason: 'There is no such request of yours to sign.', requestId: '' };
  };
  const outcome = recordSignature(config, locate, {
    consent: args.consent,
    typedName: args.typedName,
    via: args.via,
    actor: ctx.caller,
    handOver: true,
  });
  const message = outcome.ok ? 'Signed. Your approver will be told within a few minutes.' : outcome.message;
  return { ok: outcome.ok || outcome.code === 'already-signed', message, state: homeState(ctx) };
}
