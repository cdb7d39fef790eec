import { tooLong } from '../core/limits';
import { changeCounts, describeChange } from '../core/changes';
import { DEFAULT_AGREEMENT, docIdFrom, type Config } from '../core/config';
import { templateTooLong } from '../core/limits';
import { templateReport } from '../core/template-report';
import { count } from '../core/words';
import { readDocLines } from '../gas/documents';
import { changesToTemplate } from './version-record';
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
  args: { version: string; template: string; kind: string },
  started: number,
): ServerResponse {
  const checked = checkPublish(ctx, args);
  if (!checked.ok) return checked;
  const { config, version, templateDocId } = checked;
  const kind = args.kind === 'Editorial' ? 'Editorial' : 'Substantive';
  const res = publishVersion(
    config.policyVersion,
    { version, templateDocId, kind },
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
  const done =
    kind === 'Editorial'
      ? `nobody signs again; ${count(res.run.remaining, 'person')} more ${res.run.remaining === 1 ? 'is' : 'are'} told of the changes by the daily run.`
      : `${res.superseded} open request(s) superseded; invited ${res.run.invited}${res.run.remaining ? `, ${res.run.remaining} more in the background` : ''}.`;
  return {
    ok: true,
    message: res.joined
      ? `Publishing ${version} was already under way: carried on. ${done}`
      : `Published ${version}: ${done}`,
    state: homeState({ ...ctx, config: res.config }),
  };
}

/** What a publication is given, checked: the caller manages, a label that fits, a template they can open. */
function checkPublish(
  ctx: ServerContext,
  args: { version: string; template: string },
): { ok: true; config: Config; version: string; templateDocId: string } | { ok: false; message: string } {
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
  if (!canRead(templateDocId, ctx.caller))
    return {
      ok: false,
      message: 'You cannot open that template yourself: share it with your account first.',
    };
  return { ok: true, config, version, templateDocId };
}

/** Changes the confirmation card lists at most (a card section holds 100 widgets). */
const SHOWN_CHANGES = 40;

/**
 * Compare (business managers), before publishing: what changed from the wording in force to the
 * template about to be published, paragraph by paragraph, whoever reads each (see
 * `changesToTemplate`), and whether the agreement's wording changed (then only a substantive
 * publication may carry it). Nothing is written.
 * @returns data: `from`, `counts`, `changes` (JSON list of lines, at most {@link SHOWN_CHANGES}),
 *   `more`, `agreementChanged` ('yes' or ''), and the checked `version` and `template`
 */
export function compareOp(ctx: ServerContext, args: { version: string; template: string }): ServerResponse {
  const checked = checkPublish(ctx, args);
  if (!checked.ok) return checked;
  const { config, version, templateDocId } = checked;
  const lines = readDocLines(templateDocId);
  const large = templateTooLong(lines);
  if (large) return { ok: false, message: large };
  const { from, changes } = changesToTemplate(config, lines);
  const agreement = templateReport(lines, config.staffTypes).agreement ?? DEFAULT_AGREEMENT;
  return {
    ok: true,
    message: `${version} compared with ${from}: ${changeCounts(changes)}.`,
    data: {
      version,
      template: templateDocId,
      from,
      counts: changeCounts(changes),
      changes: JSON.stringify(changes.slice(0, SHOWN_CHANGES).map(describeChange)),
      more: String(Math.max(0, changes.length - SHOWN_CHANGES)),
      agreementChanged: agreement !== config.agreementText ? 'yes' : '',
    },
  };
}
