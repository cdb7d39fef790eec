import { accessProblem, isExecUrl } from '../core/server-answer';
import type { Op, ServerResponse } from '../server/api';

/** Script Properties key holding the web app's `/exec` URL, written at deploy (`setServerUrl`). */
export const SERVER_URL_KEY = 'AUP_SIGNER_SERVER_URL';

/**
 * The web app's URL: the Script Property written at deploy wins; `ScriptApp.getService().getUrl()`
 * is the fallback, though it may give the `/dev` URL only the script's editors can open.
 * @returns the URL, or '' when the web app was never deployed
 */
export function serverUrl(): string {
  return (
    PropertiesService.getScriptProperties().getProperty(SERVER_URL_KEY) ||
    ScriptApp.getService().getUrl() ||
    ''
  );
}

/**
 * Calls the add-on's web app (doPost, executing as the user who deployed it) with the caller's
 * OAuth token, so the server learns who is asking from Google rather than from the card. POST
 * answers with a redirect that UrlFetchApp follows (urlFetchWhitelist covers both hosts).
 * @throws Error with a sentence for the card when the web app is not deployed, Google answers
 *   with one of its HTML pages (sign-in, access denied, not found) or the web app fails
 */
export function callServer(op: Op, args: Record<string, unknown> = {}): ServerResponse {
  const url = serverUrl();
  if (!url) throw new Error("AUP Signer's web app is not deployed yet: see the README, Deploying.");
  const res = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ op, args }),
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
  const text = res.getContentText();
  const problem = accessProblem(res.getResponseCode(), text, url);
  if (problem) throw new Error(problem);
  return JSON.parse(text) as ServerResponse;
}

/**
 * Stores the web app's `/exec` URL in Script Properties. `npm run deploy` runs it as the deployer
 * (`clasp run-function setServerUrl`) after updating the pinned deployment; the editor can run it by
 * hand. @returns a sentence saying what was stored. @throws Error for anything but an `/exec` URL
 */
export function saveServerUrl(url: string): string {
  const clean = String(url ?? '').trim();
  if (!isExecUrl(clean))
    throw new Error(`Not a web app /exec URL: "${clean}". Copy it from Deploy → Manage deployments.`);
  PropertiesService.getScriptProperties().setProperty(SERVER_URL_KEY, clean);
  return `AUP Signer's cards will call ${clean}.`;
}
