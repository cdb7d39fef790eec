import type { Op, ServerResponse } from '../server/api';

/** Script Properties key that may hold the web app URL when `ScriptApp.getService()` has none. */
export const SERVER_URL_KEY = 'AUP_SIGNER_SERVER_URL';

/**
 * Calls the add-on's web app (doPost, executing as the user who deployed it) with the caller's
 * OAuth token, so the server learns who is asking from Google rather than from the card.
 * @throws Error when the web app is not deployed, answers with an HTTP error, or fails.
 */
export function callServer(op: Op, args: Record<string, unknown> = {}): ServerResponse {
  const url =
    ScriptApp.getService().getUrl() ||
    PropertiesService.getScriptProperties().getProperty(SERVER_URL_KEY) ||
    '';
  if (!url) throw new Error("AUP Signer's web app is not deployed: see the README, section Deploy.");
  const res = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ op, args }),
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
  const code = res.getResponseCode();
  const text = res.getContentText();
  if (code !== 200) throw new Error(`AUP Signer's web app answered HTTP ${code}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as ServerResponse;
  } catch {
    throw new Error(`AUP Signer's web app failed: ${text.replace(/<[^>]*>/g, ' ').slice(0, 300)}`);
  }
}
