import type { Channel } from '../core/columns';
import type { Config } from '../core/config';
import { sign, type Refusal, type SignatureRequest } from '../core/request';
import { send } from '../gas/mail';
import type { AuditEntry, SignaturesSnapshot, StoredRequest, Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { ukDate, type ServerContext } from './context';
import { signedNotice } from './emails';
import { fillSignatureBlock } from './personal-doc';
import { sha256Hex } from '../gas/evidence';
import { attachEvidence } from './snapshot';
import { forgetViewed } from './viewed';
import { findOwn, mutate } from './store';
import { homeState } from './state';

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
}

/** Finds the request a signature is for, under the lock; or says why there is none. */
export type Locate = (
  snap: SignaturesSnapshot,
  tracking: Tracking,
) =>
  | { stored: StoredRequest; after?: (tracking: Tracking, at: Date) => void }
  | { reason: string; requestId: string };

/** How recording a signature ended. */
export type SignOutcome =
  | { ok: true; request: SignatureRequest }
  | { ok: false; code: Refusal['code'] | 'not-found'; message: string; requestId: string };

/**
 * The one path every signature takes, from a card or the Form: under the script lock, finds the
 * request, applies the transition (consent, name check, signs once) and writes the row and an
 * Audit entry, so a double click or a retry signs once; then, outside the lock, fills the user
 * block of the document (signature, name, role, date), takes the evidence and emails the
 * approvers. A refusal changes nothing.
 */
export function recordSignature(config: Config, locate: Locate, sig: Signature): SignOutcome {
  const claimed = mutate<SignOutcome>(config, (snap, tracking) => {
    const found = locate(snap, tracking);
    if ('reason' in found) {
      return { result: { ok: false, code: 'not-found', message: found.reason, requestId: found.requestId } };
    }
    const at = new Date();
    const t = sign(found.stored.request, {
      consent: sig.consent,
      typedName: sig.typedName,
      via: sig.via,
      at,
    });
    if (!t.ok) return { result: { ...t, requestId: found.stored.request.requestId } };
    const r = t.request;
    found.after?.(tracking, at);
    const audit: AuditEntry = {
      at,
      actor: sig.actor,
      action: 'Signed',
      requestId: r.requestId,
      details: `Via ${r.signedVia}; typed signature "${r.typedSignature}"; agreement SHA-256 ${sha256Hex(config.agreementText)}`,
    };
    return {
      changed: [{ row: found.stored.row, request: r }],
      audit: [audit],
      result: { ok: true, request: r },
    };
  });
  if (!claimed.ok) return claimed;
  const r = claimed.request;
  fillSignatureBlock(
    r.document,
    'user',
    {
      signature: `${r.typedSignature} (signed electronically via ${r.signedVia})`,
      name: r.name,
      role: r.role,
      date: ukDate(r.signedAt),
    },
    {
      name: r.typedSignature,
      email: r.email,
      role: r.role,
      at: ukDate(r.signedAt, true),
      channel: r.signedVia,
      policyVersion: r.policyVersion,
    },
  );
  const outcome: SignOutcome = {
    ok: true,
    request: attachEvidence(config, r, 'signed', r.signedAt as Date, sig.actor),
  };
  if (outcome.ok) {
    forgetViewed(outcome.request.requestId);
    for (const approver of config.approvers.filter((a) => a !== outcome.request.email)) {
      send(signedNotice(config, outcome.request, approver), config.schoolName);
    }
  }
  return outcome;
}

/** Signing from a card: the caller's own request only; a repeat is reported, not an error. */
export function signRequest(ctx: ServerContext, args: SignArgs): ServerResponse {
  const config = ctx.config;
  if (!config) return { ok: false, message: 'AUP Signer is not set up yet.' };
  const locate: Locate = (snap) => {
    const stored = findOwn(snap, args.requestId, ctx.caller);
    return stored ? { stored } : { reason: 'There is no such request of yours to sign.', requestId: '' };
  };
  const outcome = recordSignature(config, locate, {
    consent: args.consent,
    typedName: args.typedName,
    via: args.via,
    actor: ctx.caller,
  });
  const message = outcome.ok ? 'Signed. Your approver has been told.' : outcome.message;
  return { ok: outcome.ok || outcome.code === 'already-signed', message, state: homeState(ctx) };
}
