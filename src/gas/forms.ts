import type { PolicyForm } from '../core/config';

/** Titles of the policy form's items (what a new starter sees). */
export const FORM_ITEMS = {
  name: 'Full name (typed signature)',
  consent: 'Agreement',
  reference: 'Reference',
} as const;

/**
 * Creates the policy version's Google Form (FormApp, developers.google.com/apps-script/reference/forms):
 * the agreement wording, a link to the policy, "Full name (typed signature)" and the consent
 * checkbox (both required), and a reference field each invitation pre-fills with the request's
 * single-use token. Respondent emails are collected; sign-in is not required, since new
 * starters answer from their personal address.
 */
export function createPolicyForm(
  title: string,
  agreement: string,
  policyUrl: string,
  folderId: string,
): PolicyForm {
  const form = FormApp.create(title)
    .setDescription(`Please read the policy before you sign: ${policyUrl}\n\n${agreement}`)
    .setCollectEmail(true)
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
    url: form.getPublishedUrl(),
    nameItemId: name.getId(),
    consentItemId: consent.getId(),
    referenceItemId: reference.getId(),
  };
}

/** The form link for one request: the reference item pre-filled with its token. */
export function prefilledLink(policyForm: PolicyForm, token: string): string {
  const form = FormApp.openById(policyForm.id);
  const item = form.getItemById(policyForm.referenceItemId);
  if (!item)
    throw new Error('The policy form lost its Reference question: run Settings again to make a new form.');
  return form.createResponse().withItemResponse(item.asTextItem().createResponse(token)).toPrefilledUrl();
}

/** Installs the form-submit trigger that records signatures (runs as the user installing it). */
export function installFormTrigger(formId: string): void {
  ScriptApp.newTrigger('onFormSubmit').forForm(formId).onFormSubmit().create();
}

/** The SHA-256 of a token as hex: what the Form Tokens sheet stores. */
export function tokenHash(token: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
