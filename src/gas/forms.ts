import type { PolicyForm } from '../core/config';
import { driveApi } from './advanced';
import { apiFailure } from './api-error';

/** Titles of the policy form's items (what a new starter sees). */
export const FORM_ITEMS = {
  name: 'Full name (typed signature)',
  consent: 'Agreement',
  reference: 'Reference',
} as const;

/**
 * Creates the policy version's Google Form (FormApp, developers.google.com/apps-script/reference/forms):
 * the agreement wording, where to read the policy, "Full name (typed signature)" and the consent
 * checkbox (both required), and a reference field each invitation pre-fills with the request's
 * single-use token, in the add-on's folder. It is not open to anyone yet: {@link openForNewStarters}
 * does that, as a step of its own.
 * @param policyLink the read-only policy copy's URL when anyone with the link can open it; '' where
 *   the tenant blocks outside sharing (new starters then read the PDF attached to their invitation)
 * @returns the form, its `url` left '' until it is published
 */
export function createPolicyForm(
  title: string,
  agreement: string,
  policyLink: string,
  folderId: string,
): PolicyForm {
  const form = FormApp.create(title);
  form
    .setDescription(formDescription(policyLink, agreement))
    .setConfirmationMessage(
      'Thank you. Your signature has been received and will be counter-signed by the school.',
    );
  const name = form.addTextItem().setTitle(FORM_ITEMS.name).setRequired(true);
  const consent = form.addCheckboxItem().setTitle(FORM_ITEMS.consent);
  consent.setChoiceValues([agreement]).setRequired(true);
  const reference = form
    .addTextItem()
    .setTitle(FORM_ITEMS.reference)
    .setHelpText('Filled in from your invitation email: please leave it as it is.')
    .setRequired(true);
  DriveApp.getFileById(form.getId()).moveTo(DriveApp.getFolderById(folderId));
  return {
    id: form.getId(),
    url: '',
    nameItemId: name.getId(),
    consentItemId: consent.getId(),
    referenceItemId: reference.getId(),
  };
}

/** The Form's description: where to read the policy, and what signing agrees to. */
function formDescription(policyLink: string, agreement: string): string {
  const where = policyLink
    ? `Please read the policy before you sign: ${policyLink}`
    : 'Please read the policy before you sign: your copy is attached to your invitation email.';
  return `${where}\n\nBy signing you agree: ${agreement}`;
}

/** Points the Form's description at another policy copy (an editorial version's), FormApp Form.setDescription. */
export function relinkPolicyForm(formId: string, policyLink: string, agreement: string): void {
  FormApp.openById(formId).setDescription(formDescription(policyLink, agreement));
}

/**
 * Opens the policy Form to new starters, who have no school account yet and often no Google
 * account at all: published explicitly (forms made through the API from July 2026 start
 * unpublished), shared with anyone who has the link as a responder (publishing names nobody; a
 * Drive API permission of view "published"), accepting responses, no sign-in required, and the
 * email typed by the respondent (a VERIFIED email would need a Google sign-in). Who signs is
 * proved by the single-use reference that reached their personal mailbox, as e-signature
 * services rely on email possession. Idempotent: every save of the settings runs it again.
 * @returns the form's published URL, and whether people outside the school may respond (false
 *   where the administrator keeps forms to the school: Drive answers publishOutNotPermitted)
 */
export function openForNewStarters(form: GoogleAppsScript.Forms.Form): { url: string; outsideOpen: boolean } {
  form
    .setPublished(true)
    .setRequireLogin(false)
    .setEmailCollectionType(FormApp.EmailCollectionType.RESPONDER_INPUT)
    .setAcceptingResponses(true);
  let outsideOpen = true;
  try {
    driveApi().Permissions.create({ type: 'anyone', role: 'reader', view: 'published' }, form.getId());
  } catch (e) {
    if (apiFailure(e).reason !== 'publishOutNotPermitted') throw e;
    outsideOpen = false;
  }
  return { url: form.getPublishedUrl(), outsideOpen };
}

/** The form link for one request: the reference item pre-filled with its token. */
export function prefilledLink(policyForm: PolicyForm, token: string): string {
  const form = FormApp.openById(policyForm.id);
  const item = form.getItemById(policyForm.referenceItemId);
  if (!item)
    throw new Error('The policy form lost its Reference question: run Settings again to make a new form.');
  return form.createResponse().withItemResponse(item.asTextItem().createResponse(token)).toPrefilledUrl();
}

/**
 * Installs the form-submit trigger that records signatures (runs as the user installing it), unless
 * they already have it for this form.
 */
export function installFormTrigger(formId: string): void {
  const has = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() === formId,
  );
  if (!has) ScriptApp.newTrigger('onFormSubmit').forForm(formId).onFormSubmit().create();
}

/** The SHA-256 of a token as hex: what the Form Tokens sheet stores. */
export function tokenHash(token: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
