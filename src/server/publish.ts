import { tooLong } from '../core/limits';
import { docIdFrom } from '../core/config';
import { oneLine } from '../core/safe';
import type { ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';
import { publishVersion } from './cycle';
import { canRead } from '../gas/sharing';
import { homeState } from './state';

/** Budget for the invitations a card's publish starts, in ms (the rest goes to a trigger). */
const CARD_BUDGET_MS = 10_000;

/**
 * Publish a new version (business managers): a new label, and a new template or the same one.
 * Every open request of the old version is superseded and everyone is invited again, as one
 * recorded operation that a second click of the same label joins (see `publishVersion`).
 */
export function publishOp(
  ctx: ServerContext,
  args: { version: string; template: string },
  started: number,
): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller))
    return { ok: false, message: 'Only a business manager can publish a version.' };
  const version = oneLine(args.version);
  if (!version) return { ok: false, message: 'Give the new version a label (for example 2026-27 v2).' };
  const long = tooLong('policyVersion', version);
  if (long) return { ok: false, message: long };
  const templateDocId = args.template.trim() ? docIdFrom(args.template.trim()) : config.templateDocId;
  if (!templateDocId)
    return {
      ok: false,
      message: 'Template: paste the new AUP Google Doc link, or leave it empty to keep the current one.',
    };
  if (!canRead(templateDocId, ctx.caller)) {
    return {
      ok: false,
      message: 'You cannot open that template yourself: share it with your account first.',
    };
  }
  const res = publishVersion(
    config.policyVersion,
    { version, templateDocId },
    ctx.caller,
    started,
    CARD_BUDGET_MS,
  );
  if (!res.ok) return { ok: false, message: res.message };
  if ('background' in res) {
    return {
      ok: true,
      message: `Publishing ${version} is under way: it carries on in the background within minutes.`,
      state: homeState({ ...ctx, config: res.config }),
    };
  }
  const done = `${res.superseded} open request(s) superseded; invited ${res.run.invited}${res.run.remaining ? `, ${res.run.remaining} more in the background` : ''}.`;
  return {
    ok: true,
    message: res.joined
      ? `Publishing ${version} was already under way: carried on. ${done}`
      : `Published ${version}: ${done}`,
    state: homeState({ ...ctx, config: res.config }),
  };
}
