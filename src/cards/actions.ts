import type { SettingsInput } from '../core/config';
import { ensureActive } from '../gas/directory';
import { callServer } from '../gas/server-client';
import { enableOwedOnOpen, installEnablementTrigger, noteApproverRights } from '../triggers/enablement';
import { installDirectorySync, syncDirectoryNow } from '../triggers/directory-sync';
import type { HomeState, ServerResponse } from '../server/api';
import { channelOf, formValue, formValues, param, type AddOnEvent } from './event';
import { addPersonCard } from './add-person';
import { confirmApproveAllCard, type PagePerson } from './approver';
import { homeCard } from './homepage';
import {
  confirmPublishCard,
  matchesCard,
  publishCard,
  verifiedCard,
  verifyCard,
  type Match,
} from './manager';
import { templateCheckCard, type Report } from './template-check';
import { setupCard } from './setup';
import { checkCard } from './check';
import { returnCard, reviewCard } from './review';
import { probeDeployment } from '../gas/deployment-probe';
import type { RequestView } from '../server/api';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/**
 * Homepage trigger (Gmail and Drive), Gmail contextual trigger and Drive selection: one card. For
 * an approver with accounts still owed, those are enabled first (see `enableOwedOnOpen`).
 */
export function homepage(e: AddOnEvent): GoogleAppsScript.Card_Service.Card {
  const res = callServer('state', { host: channelOf(e) });
  if (!res.state) throw new Error(res.message || 'AUP Signer could not load your status.');
  if (res.state.ownAccounts > 0 && enableOwedOnOpen(res.state.me) > 0) {
    return homeCard(callServer('state', { host: channelOf(e) }).state ?? res.state);
  }
  return homeCard(res.state);
}

/** The user-cache key of the caller's last homepage state, and how long it serves (s). */
const STATE_CACHE_KEY = 'aup-signer-home-state';
const STATE_CACHE_SECONDS = 120;
/** CacheService's limit on a value is 100 KB (in UTF-8 bytes): a larger state is not cached. */
const STATE_CACHE_MAX_BYTES = 90_000;

/**
 * Keeps `state` as the caller's cached homepage state, or forgets the cached one when it is too
 * large or the cache refuses: caching never fails a card.
 */
function cacheState(cache: GoogleAppsScript.Cache.Cache, state: HomeState): void {
  try {
    const json = JSON.stringify(state);
    if (Utilities.newBlob(json).getBytes().length <= STATE_CACHE_MAX_BYTES)
      cache.put(STATE_CACHE_KEY, json, STATE_CACHE_SECONDS);
    else cache.remove(STATE_CACHE_KEY);
  } catch {
    // A cache that refuses leaves the next message to be served by the web app.
  }
}

/** Replaces the cached state with a newer one, when one is cached (an action changed it). */
function refreshCachedState(state: HomeState): void {
  const cache = CacheService.getUserCache();
  if (cache?.get(STATE_CACHE_KEY)) cacheState(cache, state);
}

/**
 * Gmail contextual trigger, which fires on every message opened: served from the caller's own
 * state of the last two minutes (CacheService user cache) without calling the web app; when
 * there is none, as the homepage, and the state kept for the next messages. A fresh homepage
 * (the homepage trigger, any card action) is always read from the web app.
 */
export function messageOpened(e: AddOnEvent): GoogleAppsScript.Card_Service.Card {
  const cache = CacheService.getUserCache();
  const hit = cache?.get(STATE_CACHE_KEY);
  if (hit) return homeCard(JSON.parse(hit) as HomeState);
  const res = callServer('state', { host: channelOf(e) });
  if (!res.state) throw new Error(res.message || 'AUP Signer could not load your status.');
  if (res.state.ownAccounts > 0 && enableOwedOnOpen(res.state.me) > 0) return homepage(e);
  if (cache) cacheState(cache, res.state);
  return homeCard(res.state);
}

/** Settings universal action: the setup card with the current settings (business managers). */
export function settings(_e: AddOnEvent): GoogleAppsScript.Card_Service.UniversalActionResponse {
  const state = callServer('state').state;
  const settings = state?.manager?.settings ?? null;
  const card =
    state?.manager || state?.canSetUp
      ? setupCard(settings, state.me, settings ? templateTitle(settings.templateDocId) : '')
      : homeCard(state ?? fail('AUP Signer could not load your status.'));
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();
}

/** The template's title as Drive has it, for the settings card; '' where this user cannot open it. */
function templateTitle(id: string): string {
  try {
    return DriveApp.getFileById(id).getName();
  } catch {
    return '';
  }
}

/** Save settings (setup card). */
export function saveSettings(e: AddOnEvent): ActionResponse {
  const fields = [
    'schoolName',
    'templateDocId',
    'policyVersion',
    'approvers',
    'businessManagers',
    'staffTypes',
    'systems',
    'defaultSystems',
    'signingWindowDays',
    'resignOn',
    'reminderDays',
    'reminderEveryDays',
    'escalationEveryDays',
    'sendHour',
    'approverEmails',
    'weekendEmails',
    'staffSource',
    'directorySources',
    'keepYears',
    'keepNeverJoinedYears',
  ] as const;
  const input: SettingsInput = {};
  for (const f of fields) input[f] = formValue(e, f);
  const res = callServer('setup', input as Record<string, unknown>);
  if (!res.ok && res.data?.fields) {
    const errors = JSON.parse(res.data.fields) as Record<string, string>;
    const me = Session.getEffectiveUser().getEmail().toLowerCase();
    return CardService.newActionResponseBuilder()
      .setNotification(CardService.newNotification().setText(res.message))
      .setNavigation(
        CardService.newNavigation().updateCard(setupCard(null, me, '', { typed: input, errors })),
      )
      .build();
  }
  if (!res.ok || !res.data?.report) return respond(res);
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(res.message))
    .setNavigation(
      CardService.newNavigation().pushCard(templateCheckCard(JSON.parse(res.data.report) as Report)),
    )
    .build();
}

/** Prepare template (business manager): a prepared copy, linked from the template check card. */
export function prepare(_e: AddOnEvent): ActionResponse {
  const res = callServer('prepare');
  const url = res.data?.url;
  if (!res.ok || !url) return respond(res);
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(res.message))
    .setNavigation(
      CardService.newNavigation().updateCard(
        templateCheckCard({ found: [`Prepared copy: ${url}`], problems: [] }, url),
      ),
    )
    .build();
}

/** Done: back to the homepage, redrawn. */
export function done(_e: AddOnEvent): ActionResponse {
  return respond({ ...callServer('state'), message: 'Done.' }, true);
}

/** Send invitations (business manager). */
export function sendInvitations(_e: AddOnEvent): ActionResponse {
  return respond(callServer('invite'));
}

/**
 * Sign (signer). The server signs for the verified caller only. Where the web app fails after the
 * signature was recorded (its later steps are finished in the background), the card says it is
 * signed, as it is, rather than show the failure.
 */
export function sign(e: AddOnEvent): ActionResponse {
  const requestId = param(e, 'requestId');
  try {
    return respond(
      callServer('sign', {
        requestId,
        consent: formValues(e, 'consent').includes('agree'),
        typedName: formValue(e, 'typedName'),
        via: channelOf(e),
      }),
    );
  } catch (err) {
    const now = callServer('state').state;
    const mine = now?.mine ?? now?.history.find((h) => h.requestId === requestId);
    if (!now || mine?.requestId !== requestId || mine.status !== 'Signed') throw err;
    return respond({ ok: true, message: 'Signed. Your approver will be told shortly.', state: now });
  }
}

/** A page of the approver's queue (Previous / Next page): the homepage redrawn at that page. */
export function approverPage(e: AddOnEvent): ActionResponse {
  const res = callServer('state', { page: Number(param(e, 'page')) || 0 });
  if (!res.state) return respond(res);
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().updateCard(homeCard(res.state)))
    .build();
}

/**
 * Approve all on this page (approver): pushes the confirmation listing who and with what
 * systems, from the page the homepage showed (its button's parameters), without a round trip.
 */
export function confirmApproveAll(e: AddOnEvent): ActionResponse {
  const people = JSON.parse(param(e, 'people') || '[]') as PagePerson[];
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(confirmApproveAllCard(param(e, 'page'), people)))
    .build();
}

/**
 * Until when, from the card action's start, Approve all goes on enabling accounts (ms): an
 * account's Admin SDK call may retry for up to 7 s, and the card must answer inside its 30 s.
 */
const APPROVE_ALL_ENABLE_MS = 18_000;

/**
 * Approve all (approver, on the confirmation): the server counter-signs the listed requests in
 * one round trip; then, as the approver, this execution enables their accounts where they may,
 * until {@link APPROVE_ALL_ENABLE_MS} after it started (the rest are the enablement retries').
 * Back to the homepage, redrawn.
 */
export function approveAll(e: AddOnEvent): ActionResponse {
  const started = Date.now();
  const res = callServer('approveMany', {
    requestIds: param(e, 'requestIds').split(',').filter(Boolean),
    page: Number(param(e, 'page')) || 0,
  });
  const emails = JSON.parse(res.data?.emails ?? '[]') as string[];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  for (const email of emails) {
    if (Date.now() - started > APPROVE_ALL_ENABLE_MS) break;
    const result = ensureActive(email);
    if (result.account === 'Active' || result.account === 'Pending admin') noteApproverRights(me, result);
    if (result.account === 'Pending admin') break;
  }
  return respond(res, true);
}

/** Review (approver): opens the review card of one person in the queue. */
export function review(e: AddOnEvent): ActionResponse {
  const res = callServer('review', { requestId: param(e, 'requestId') });
  if (!res.ok || !res.data?.request) return respond(res);
  const r = JSON.parse(res.data.request) as RequestView;
  const systems = JSON.parse(res.data.systems ?? '[]') as string[];
  const ticked = JSON.parse(res.data.ticked ?? '[]') as string[];
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(reviewCard(r, systems, ticked, param(e, 'page'))))
    .build();
}

/** Return… (approver, on the review card): pushes the card that asks for the reason. */
export function showReturn(e: AddOnEvent): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(
      CardService.newNavigation().pushCard(
        returnCard(param(e, 'requestId'), param(e, 'name'), param(e, 'page')),
      ),
    )
    .build();
}

/**
 * Approve (approver, on the review card), in one web-app round trip: the server records the
 * counter-signature, fills the block and hands the evidence, the notices and the account check to
 * the resume trigger (within minutes; the server records what the Admin SDK says, never what this
 * card reports); then this execution, running as the approver, enables the account through the
 * Admin SDK where they may. Back to the homepage, redrawn, saying what the attempt met.
 */
export function approve(e: AddOnEvent): ActionResponse {
  const approved = callServer('approve', {
    requestId: param(e, 'requestId'),
    systems: formValues(e, 'systems'),
    permissions: formValue(e, 'permissions'),
    page: param(e, 'page'),
  });
  const email = approved.data?.email;
  if (!approved.ok || !email) return respond(approved);
  const result = ensureActive(email);
  if (result.account === 'Active' || result.account === 'Pending admin')
    noteApproverRights(Session.getEffectiveUser().getEmail().toLowerCase(), result);
  return respond({ ...approved, message: `${approved.message} ${result.note}` }, true);
}

/** Return (approver, on the review card): sends the signed request back with the reason typed; back to the homepage. */
export function returnToSigner(e: AddOnEvent): ActionResponse {
  const res = callServer('return', {
    requestId: param(e, 'requestId'),
    reason: formValue(e, 'reason'),
    page: param(e, 'page'),
  });
  return res.ok ? respond(res, true) : respond({ ok: false, message: res.message });
}

/**
 * Check deployment (the deployer and business managers): the card of what was found, line by
 * line, pushed (or, for Check again, redrawn in place).
 */
export function checkDeploymentCard(e: AddOnEvent): ActionResponse {
  const card = checkCard(probeDeployment().lines);
  const nav = CardService.newNavigation();
  return CardService.newActionResponseBuilder()
    .setNavigation(param(e, 'again') ? nav.updateCard(card) : nav.pushCard(card))
    .build();
}

/** Add a person (business manager): pushes the card to add one person to the Staff sheet. */
export function showAddPerson(_e: AddOnEvent): ActionResponse {
  const state = callServer('state').state;
  if (!state?.manager) return respond({ ok: false, message: 'Only a business manager can add people.' });
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(addPersonCard(state.manager.settings.staffTypes)))
    .build();
}

/** Add to Staff sheet: on success, back to the homepage, redrawn. */
export function addPerson(e: AddOnEvent): ActionResponse {
  const fields = ['email', 'name', 'role', 'staffType', 'personalEmail'] as const;
  const res = callServer('staff', Object.fromEntries(fields.map((f) => [f, formValue(e, f)])));
  return respond(res, res.ok);
}

/**
 * Publish (business manager), from the confirmation card: the label and template Compare checked
 * (its parameters) and the kind chosen; substantive supersedes open requests and invites everyone
 * again, editorial records the version and tells everyone. The server checks it all again.
 */
export function publish(e: AddOnEvent): ActionResponse {
  const res = callServer('publish', {
    version: param(e, 'version'),
    template: param(e, 'template'),
    kind: formValue(e, 'kind'),
  });
  return res.ok ? respond(res, true) : respond({ ok: false, message: res.message });
}

/** Compare (business manager): what changed, on the confirmation card where the kind is chosen. */
export function comparePublish(e: AddOnEvent): ActionResponse {
  const res = callServer('compare', {
    version: formValue(e, 'newVersion'),
    template: formValue(e, 'newTemplate'),
  });
  const d = res.data;
  if (!res.ok || !d) return respond({ ok: false, message: res.message });
  const card = confirmPublishCard({
    version: d.version ?? '',
    template: d.template ?? '',
    from: d.from ?? '',
    counts: d.counts ?? '',
    changes: JSON.parse(d.changes ?? '[]') as string[],
    more: Number(d.more) || 0,
    agreementChanged: d.agreementChanged === 'yes',
    everyone: Number(param(e, 'everyone')) || 0,
  });
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(res.message))
    .setNavigation(CardService.newNavigation().pushCard(card))
    .build();
}

/**
 * Publish a new version… (business manager): pushes the card that says what it will do, from the
 * figures the homepage showed (its button's parameters), without a round trip; publishing itself
 * is the server's to allow.
 */
export function showPublish(e: AddOnEvent): ActionResponse {
  const figures = {
    version: param(e, 'version'),
    open: Number(param(e, 'open')) || 0,
    everyone: Number(param(e, 'everyone')) || 0,
  };
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(publishCard(figures)))
    .build();
}

/** Verify someone… (business manager): pushes the card to choose whom. */
export function showVerify(_e: AddOnEvent): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(verifyCard()))
    .build();
}

/**
 * Verify (business manager): recomputes the chosen person's hashes and shows what was found on
 * a card; a name several people match lists them to choose from.
 */
export function verify(e: AddOnEvent): ActionResponse {
  const res = callServer('verify', { query: param(e, 'query') || formValue(e, 'evidenceQuery') });
  const b = CardService.newActionResponseBuilder().setNotification(
    CardService.newNotification().setText(res.message),
  );
  const d = res.data;
  if (d?.matches)
    b.setNavigation(CardService.newNavigation().pushCard(matchesCard(JSON.parse(d.matches) as Match[])));
  else if (d?.findings) b.setNavigation(CardService.newNavigation().pushCard(verifiedFrom(d)));
  return b.build();
}

/**
 * Hold their records / Release the hold (business manager), from the verified card: the server
 * records it; the card is shown again, verified afresh, with the hold as it now is.
 */
export function holdRecords(e: AddOnEvent): ActionResponse {
  const query = param(e, 'query');
  const res = callServer('hold', {
    query,
    release: param(e, 'release') === 'yes',
    reason: formValue(e, 'holdReason'),
  });
  const again = callServer('verify', { query });
  const d = again.data;
  const b = CardService.newActionResponseBuilder().setNotification(
    CardService.newNotification().setText(res.message),
  );
  if (d?.findings) b.setNavigation(CardService.newNavigation().updateCard(verifiedFrom(d)));
  return b.build();
}

/** The verified card drawn from what the server's verify answered (`data`: name, email, verified, findings, hold). */
function verifiedFrom(d: Record<string, string>): GoogleAppsScript.Card_Service.Card {
  return verifiedCard(
    d.name ?? '',
    d.email ?? '',
    d.verified === 'yes',
    JSON.parse(d.findings ?? '[]') as string[],
    d.hold ?? '',
  );
}

/** Remind the overdue now (business manager): their reminders at once; the homepage redrawn. */
export function remindOverdueNow(_e: AddOnEvent): ActionResponse {
  return respond(callServer('remindOverdue'));
}

/** Evidence pack (business manager): saves the PDF and opens it. */
export function evidence(e: AddOnEvent): ActionResponse {
  const res = callServer('evidence', { query: param(e, 'query') || formValue(e, 'evidenceQuery') });
  const b = CardService.newActionResponseBuilder().setNotification(
    CardService.newNotification().setText(res.message),
  );
  if (res.data?.url) b.setOpenLink(CardService.newOpenLink().setUrl(res.data.url));
  return b.build();
}

/**
 * Sync the staff list now (a business manager who is an administrator): reads the directory as
 * them and has the web app apply it; anyone else is told who can.
 */
export function syncDirectory(_e: AddOnEvent): ActionResponse {
  const message = syncDirectoryNow();
  return respond({ ok: true, message, state: callServer('state').state });
}

/** Read the staff list daily (an administrator): reads it now and installs the daily trigger running as them. */
export function installDirectoryReader(_e: AddOnEvent): ActionResponse {
  const message = installDirectorySync();
  return respond({ ok: true, message, state: callServer('state').state });
}

/** Install account enablement (a directory admin): the hourly trigger running as them. */
export function installEnablement(_e: AddOnEvent): ActionResponse {
  return respond({ ok: true, message: installEnablementTrigger() });
}

/** A notification with the server's message, and the homepage redrawn from its new state (after going back to it). */
function respond(res: ServerResponse, backHome = false): ActionResponse {
  const b = CardService.newActionResponseBuilder().setNotification(
    CardService.newNotification().setText(res.message || (res.ok ? 'Done.' : 'Something went wrong.')),
  );
  if (res.state) {
    refreshCachedState(res.state);
    const nav = backHome ? CardService.newNavigation().popToRoot() : CardService.newNavigation();
    b.setNavigation(nav.updateCard(homeCard(res.state)));
  }
  return b.build();
}

function fail(message: string): never {
  throw new Error(message);
}
