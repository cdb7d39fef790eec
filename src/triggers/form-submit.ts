import { loadConfig } from '../gas/config-store';
import { signFromForm } from '../server/form-sign';

/**
 * The installable form-submit trigger of the policy Form (runs as the user who set up the
 * add-on; developers.google.com/apps-script/guides/triggers/events#form-submit_4): reads the
 * response's items by ID and records the signature through the same path as the cards.
 */
export function formSubmitted(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  const config = loadConfig();
  if (!config) return;
  let token = '';
  let typedName = '';
  let consent = false;
  for (const answer of e.response.getItemResponses()) {
    const id = answer.getItem().getId();
    const value = answer.getResponse();
    if (id === config.form.referenceItemId) token = String(value);
    else if (id === config.form.nameItemId) typedName = String(value);
    else if (id === config.form.consentItemId) consent = Array.isArray(value) && value.length > 0;
  }
  signFromForm(config, Session.getEffectiveUser().getEmail(), {
    token,
    typedName,
    consent,
    respondent: e.response.getRespondentEmail(),
    responseId: e.response.getId(),
  });
}
