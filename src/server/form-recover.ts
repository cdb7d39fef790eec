import type { Config } from '../core/config';
import { OPEN_TO_SIGN } from '../core/request';
import { tokenHash } from '../gas/forms';
import { Tracking } from '../gas/tracking';
import { signFromForm, type FormSignature } from './form-sign';

/** Script Properties key: responses before this instant (ms) have been looked at by a recovery run. */
const CURSOR_KEY = 'AUP_SIGNER_FORM_CURSOR';

/**
 * How old (ms) a response must be before a recovery run looks at it: its own form-submit trigger
 * may still be running until then (a run lasts at most 6 minutes), and two runs must never record
 * the same response at once.
 */
const OVERLAP_MS = 10 * 60_000;

/** What one Form response says, read by its items' IDs. */
export function formSignatureOf(
  config: Config,
  response: GoogleAppsScript.Forms.FormResponse,
): FormSignature {
  let token = '';
  let typedName = '';
  let consent = false;
  for (const answer of response.getItemResponses()) {
    const id = answer.getItem().getId();
    const value = answer.getResponse();
    if (id === config.form.referenceItemId) token = String(value);
    else if (id === config.form.nameItemId) typedName = String(value);
    else if (id === config.form.consentItemId) consent = Array.isArray(value) && value.length > 0;
  }
  return {
    token,
    typedName,
    consent,
    respondent: response.getRespondentEmail(),
    responseId: response.getId(),
  };
}

/**
 * Records the Form signatures whose form-submit trigger never finished (Apps Script does not run
 * a failed trigger again): the current Form's responses since the last recovery run and at least
 * {@link OVERLAP_MS} old (Form.getResponses(timestamp)), signed at the moment they were submitted,
 * whose reference is still unused and whose request is still open
 * to sign go through the same path as the trigger; a response already recorded (its request
 * signed, even if the run stopped before marking the reference used), or refused and quarantined
 * by its trigger, is left alone, so nothing is signed or quarantined twice.
 * @returns how many signatures it recorded
 */
export function recoverFormResponses(config: Config, owner: string): number {
  const props = PropertiesService.getScriptProperties();
  const started = Date.now();
  const since = Number(props.getProperty(CURSOR_KEY)) || 0;
  const responses = FormApp.openById(config.form.id).getResponses(new Date(since));
  let recorded = 0;
  if (responses.length) {
    const tracking = Tracking.open(config);
    const open = new Set(
      tracking
        .readSignatures()
        .requests.filter((s) => OPEN_TO_SIGN.includes(s.request.status))
        .map((s) => s.request.requestId),
    );
    const unused = new Set(
      tracking
        .readTokens()
        .filter((t) => !t.usedAt && open.has(t.requestId))
        .map((t) => t.hash),
    );
    const quarantined = tracking.auditMentions(/form response (\S+);/g);
    for (const response of responses) {
      if (response.getTimestamp().getTime() >= started - OVERLAP_MS) continue;
      const f = formSignatureOf(config, response);
      if (!f.token.trim() || !unused.has(tokenHash(f.token.trim())) || quarantined.has(f.responseId))
        continue;
      const submittedAt = new Date(response.getTimestamp().getTime());
      if (signFromForm(config, owner, { ...f, submittedAt }).ok) recorded += 1;
    }
  }
  props.setProperty(CURSOR_KEY, String(started - OVERLAP_MS));
  return recorded;
}
