import { withScriptLock } from '../gas/lock';
import { Tracking } from '../gas/tracking';
import type { ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';
import { evidencePack, verifyRequest } from './verify';

/** Verify from the card (business managers): the findings as the message. */
export function verifyOp(ctx: ServerContext, query: string): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller))
    return { ok: false, message: 'Only a business manager can verify.' };
  const v = verifyRequest(config, ctx.caller, query);
  if (!v) return { ok: false, message: `No request for "${query}": give a request ID or an email.` };
  return {
    ok: v.ok,
    message: `${v.ok ? 'Verified' : 'Verification FAILED'} for ${v.request.name}: ${v.findings.join(' ')}`,
  };
}

/** Evidence pack from the card (business managers): the PDF's URL in `data.url`. */
export function evidenceOp(ctx: ServerContext, query: string): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller)) {
    return { ok: false, message: 'Only a business manager can make an evidence pack.' };
  }
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
