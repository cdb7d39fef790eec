/**
 * What a person is told when the add-on's web app does not answer with JSON. Google answers such
 * requests with its own HTML pages, not an error (DESIGN.md §9, emulator/FIDELITY.md): the
 * sign-in page (200) without a token, 401 for a token without a Drive scope, 403 "Access Denied"
 * when the caller cannot view the script project, 404 for a deleted deployment or a `/dev` URL
 * opened by someone who cannot edit the script, and Apps Script's error page (200) when the
 * script failed.
 * @param code the HTTP status
 * @param text the body
 * @param url the URL called
 * @returns a sentence saying what happened and what to do, or undefined when `text` is JSON
 */
export function accessProblem(code: number, text: string, url: string): string | undefined {
  if (code === 200 && /^\s*[{[]/.test(text)) return undefined;
  const ask = 'Ask whoever deployed AUP Signer to open Check deployment.';
  const dev = /\/dev(\?|$)/.test(url);
  if (dev && code !== 200) {
    return `AUP Signer is calling its test (/dev) web-app URL, which only the script's editors can open. ${ask}`;
  }
  if (code === 401) return `AUP Signer's web app did not accept your sign-in (HTTP 401). ${ask}`;
  if (code === 403) {
    return `AUP Signer's web app refused you (HTTP 403): its script project must be shared with your school to view. ${ask}`;
  }
  if (code === 404)
    return `AUP Signer's web app was not found (HTTP 404): its deployment may have been removed. ${ask}`;
  if (code !== 200) return `AUP Signer's web app answered HTTP ${code}. ${ask}`;
  if (/<title>[^<]*(Sign in|One place for all your files)/i.test(text)) {
    return `AUP Signer's web app asked you to sign in: Google did not pass your sign-in on. ${ask}`;
  }
  const plain = text
    .replace(/<title>[^<]*<\/title>/i, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `AUP Signer's web app failed: ${plain.slice(0, 300)}`;
}

/** Whether a web-app URL is a versioned deployment's `/exec` URL. */
export function isExecUrl(url: string): boolean {
  return /^https:\/\/script\.google\.com\/(a\/macros\/[^/]+|macros)\/s\/[A-Za-z0-9_-]+\/exec$/.test(url);
}
