/**
 * The add-on's entry points: the only names Apps Script calls (manifest triggers, card actions,
 * installable triggers, the web app). scripts/build.ts gives each a top-level function in
 * build/Code.js.
 */
import {
  addPerson,
  approve,
  approverPage,
  checkDeploymentCard,
  review,
  done,
  evidence,
  installEnablement,
  syncDirectory,
  holdRecords,
  installDirectoryReader,
  prepare,
  publish,
  comparePublish,
  homepage,
  messageOpened,
  returnToSigner,
  remindOverdueNow,
  showPublish,
  showVerify,
  approveAll,
  confirmApproveAll,
  showReturn,
  saveSettings,
  sendInvitations,
  showAddPerson,
  verify,
  settings,
  sign,
} from './cards/actions';
import type { AddOnEvent } from './cards/event';
import { checkText } from './cards/check';
import { loadConfig } from './gas/config-store';
import { probeDeployment } from './gas/deployment-probe';
import { saveServerUrl } from './gas/server-client';
import { deploymentChecks } from './server/check';
import { handlePost } from './server/do-post';
import { verifyAsFunction } from './server/verify-function';
import { dailyWork } from './triggers/daily';
import { enableQueuedAccounts } from './triggers/enablement';
import { dailyDirectorySync } from './triggers/directory-sync';
import { formSubmitted } from './triggers/form-submit';
import { invitationJob } from './triggers/invitation-job';
import { resumeSteps } from './triggers/resume';

/** Homepage trigger in Gmail and Drive (manifest addOns.common.homepageTrigger). */
export function onHomepage(e: AddOnEvent): GoogleAppsScript.Card_Service.Card {
  return homepage(e);
}

/** Gmail contextual trigger: opening a message (the invitation) shows the same card, from a short per-user cache. */
export function onGmailMessageOpen(e: AddOnEvent): GoogleAppsScript.Card_Service.Card {
  return messageOpened(e);
}

/** Drive onItemsSelectedTrigger: selecting the AUP document shows the same card. */
export function onDriveItemsSelected(e: AddOnEvent): GoogleAppsScript.Card_Service.Card {
  return homepage(e);
}

/** Universal action "Settings". */
export function onSettingsAction(e: AddOnEvent): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return settings(e);
}

/** Card action: save the setup card. */
export function onSaveSettings(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return saveSettings(e);
}

/** Card action: send invitations. */
export function onSendInvitations(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return sendInvitations(e);
}

/** Card action: sign. */
export function onSign(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return sign(e);
}

/** Card action: approve. */
export function onApprove(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return approve(e);
}

/** Card action: another page of the approver's queue. */
export function onApproverPage(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return approverPage(e);
}

/** Card action: open the review card of one request in the approver's queue. */
export function onReview(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return review(e);
}

/** Card action: Check deployment (the deployer and business managers). */
export function onCheckDeployment(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return checkDeploymentCard(e);
}

/**
 * Check deployment as a function, for the editor (Run in the Apps Script editor, or `clasp
 * run-function checkDeployment`): the same lines as the card, a "✓ / ✗ / ℹ Label: detail" line
 * each. Where the web app does not answer, the deployment's own checks run here, as the editor.
 */
export function checkDeployment(): string {
  const probe = probeDeployment();
  if (probe.reached) return checkText(probe.lines);
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  let config = null;
  try {
    config = loadConfig();
  } catch (e) {
    probe.lines.push({ status: 'fix', label: 'Settings', detail: String((e as Error)?.message ?? e) });
  }
  const local = deploymentChecks(config, me).map((l) => ({ ...l, label: `${l.label} (as ${me})` }));
  return checkText([...probe.lines, ...local]);
}

/**
 * Stores the web app's `/exec` URL in Script Properties: `npm run deploy` runs it as the deployer
 * (`clasp run-function setServerUrl --params '["https://…/exec"]'`) after updating the pinned
 * deployment, so the cards never depend on `ScriptApp.getService().getUrl()`.
 */
export function setServerUrl(url: string): string {
  return saveServerUrl(url);
}

/** Card action: the card asking why a signed request is being returned. */
export function onShowReturn(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return showReturn(e);
}

/** Card action: the confirmation of Approve all on this page. */
export function onConfirmApproveAll(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return confirmApproveAll(e);
}

/** Card action: approve every request the confirmation listed. */
export function onApproveAll(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return approveAll(e);
}

/** Card action: the card that publishes a new version, saying what it will do. */
export function onShowPublish(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return showPublish(e);
}

/** Card action: the card to choose whom to verify. */
export function onShowVerify(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return showVerify(e);
}

/** Card action: remind every overdue person now (business managers). */
export function onRemindOverdue(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return remindOverdueNow(e);
}

/** Card action: return a signed request with a reason. */
export function onReturn(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return returnToSigner(e);
}

/** Card action: what a new version changes, before it is published (business managers). */
export function onComparePublish(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return comparePublish(e);
}

/** Card action: publish a new policy version (business managers). */
export function onPublishVersion(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return publish(e);
}

/** Card action: Verify one request (business managers). */
export function onVerify(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return verify(e);
}

/** Card action: an evidence pack for one person (business managers). */
export function onEvidencePack(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return evidence(e);
}

/**
 * Verify as a function, from the Apps Script editor or `clasp run` by the owner or a business
 * manager: `verifyRequest('R-1234abcd')` or an email. Returns the findings as text.
 */
export function verifyRequest(query: string): string {
  return verifyAsFunction(query);
}

/** Card action: back to the homepage from the template check. */
export function onDone(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return done(e);
}

/** Card action: write a prepared copy of the template (the original is never changed). */
export function onPrepareTemplate(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return prepare(e);
}

/** Card action: open the card to add a person to the Staff sheet. */
export function onShowAddPerson(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return showAddPerson(e);
}

/** Card action: add the person to the Staff sheet. */
export function onAddPerson(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return addPerson(e);
}

/** Card action: read the staff list from the directory now (an administrator). */
export function onSyncDirectory(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return syncDirectory(e);
}

/** Card action: a business manager holds a person's records, or releases the hold. */
export function onHoldRecords(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return holdRecords(e);
}

/** Card action: an administrator has the staff list read from the directory as them, daily. */
export function onInstallDirectorySync(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return installDirectoryReader(e);
}

/** Installable daily trigger of an administrator: reads the staff list from the directory as them. */
export function onDirectorySync(): void {
  dailyDirectorySync();
}

/** Card action: a directory admin installs the hourly account-enablement trigger. */
export function onInstallEnablement(e: AddOnEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return installEnablement(e);
}

/** Installable hourly trigger of a directory admin: enables queued accounts as them. */
export function onEnablementTrigger(): void {
  enableQueuedAccounts();
}

/** Installable daily trigger (set up at setup): cycle, overdue, reminders, digest, enablement retries. */
export function onDailyTrigger(): void {
  dailyWork();
}

/** Installable one-off trigger carrying on a daily run that ran out of time. */
export function onDailyContinuation(): void {
  dailyWork();
}

/** Installable one-off trigger taking over steps a stopped run left (evidence, notices, account). */
export function onResumeSteps(): void {
  resumeSteps();
}

/** Installable one-off trigger continuing an invitation run. */
export function onInvitationJob(): void {
  invitationJob();
}

/** Installable form-submit trigger of the policy Form: a new starter's signature. */
export function onFormSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  formSubmitted(e);
}

/** Web app POST: the server every card talks to. */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handlePost(e);
}
