import { loadConfig } from '../gas/config-store';
import { formSignatureOf } from '../server/form-recover';
import { signFromForm } from '../server/form-sign';

/**
 * The installable form-submit trigger of the policy Form (runs as the user who set up the
 * add-on; developers.google.com/apps-script/guides/triggers/events#form-submit_4): reads the
 * response's items by ID and records the signature through the same path as the cards. A run
 * that stops is made good by the daily trigger (see `recoverFormResponses`).
 */
export function formSubmitted(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  const config = loadConfig();
  if (!config) return;
  signFromForm(config, Session.getEffectiveUser().getEmail(), formSignatureOf(config, e.response));
}
