import type { Channel } from '../core/columns';
import { sign, type SignatureRequest } from '../core/request';
import { send } from '../gas/mail';
import type { ServerResponse } from './api';
import { ukDate, type ServerContext } from './context';
import { signedNotice } from './emails';
import { fillSignatureBlock } from './personal-doc';
import { findOwn, mutate } from './store';
import { homeState } from './state';

/** What a card sends to sign. Who signs is the verified caller, never a field here. */
export interface SignArgs {
  requestId: string;
  consent: boolean;
  typedName: string;
  via: Channel;
}

/**
 * Records the caller's signature on their own request: fills the user block of their document
 * (signature, name, role, date), marks the row Signed, audits it and emails the approvers.
 * A second attempt (double click, retry) finds it already signed and changes nothing.
 */
export function signRequest(ctx: ServerContext, args: SignArgs): ServerResponse {
  const config = ctx.config;
  if (!config) return { ok: false, message: 'AUP Signer is not set up yet.' };
  const outcome = mutate<{ ok: boolean; message: string; request?: SignatureRequest }>(config, (snap) => {
    const stored = findOwn(snap, args.requestId, ctx.caller);
    if (!stored) return { result: { ok: false, message: 'There is no such request of yours to sign.' } };
    const t = sign(stored.request, {
      consent: args.consent,
      typedName: args.typedName,
      via: args.via,
      at: new Date(),
    });
    if (!t.ok) return { result: { ok: t.code === 'already-signed', message: t.message } };
    const r = t.request;
    fillSignatureBlock(r.document, 'user', {
      signature: `${r.typedSignature} (signed electronically via ${r.signedVia})`,
      name: r.name,
      role: r.role,
      date: ukDate(r.signedAt),
    });
    return {
      changed: [{ row: stored.row, request: r }],
      audit: [
        {
          at: r.signedAt as Date,
          actor: ctx.caller,
          action: 'Signed',
          requestId: r.requestId,
          details: `Via ${r.signedVia}; typed signature "${r.typedSignature}"`,
        },
      ],
      result: { ok: true, message: 'Signed. Your approver has been told.', request: r },
    };
  });
  if (outcome.request) {
    for (const approver of config.approvers.filter((a) => a !== ctx.caller)) {
      send(signedNotice(config, outcome.request, approver), config.schoolName);
    }
  }
  return { ok: outcome.ok, message: outcome.message, state: homeState(ctx) };
}
