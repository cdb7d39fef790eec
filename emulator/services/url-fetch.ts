import type { Execution } from '../core/execution';
import { notAllowlistedMessage, urlAllowed } from '../core/manifest';
import type { OAuthToken, WebAppResponse } from '../core/workspace';
import { FakeBlob, toBytes } from './blob';

/** How much of the body a "Request failed" message shows. */
const TRUNCATE_AT = 200;

/**
 * An HTTP response (developers.google.com/apps-script/reference/url-fetch/http-response).
 * Header names are as the server sent them (`Content-Type`).
 */
export class FakeHTTPResponse implements Pick<
  GoogleAppsScript.URL_Fetch.HTTPResponse,
  'getResponseCode' | 'getContentText' | 'getHeaders' | 'getAllHeaders' | 'getBlob' | 'getContent'
> {
  constructor(
    private readonly exec: Execution,
    private readonly response: WebAppResponse,
  ) {}

  getResponseCode(): number {
    return this.exec.call('HTTPResponse.getResponseCode', () => this.response.code);
  }

  getContentText(charset?: string): string {
    return this.exec.call('HTTPResponse.getContentText', () => {
      if (charset && !/^utf-?8$/i.test(charset)) throw this.exec.error(`Unsupported charset: ${charset}`);
      return this.response.body;
    });
  }

  getHeaders(): object {
    return this.exec.call('HTTPResponse.getHeaders', () => this.headers());
  }

  getAllHeaders(): object {
    return this.exec.call('HTTPResponse.getAllHeaders', () => this.headers());
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { 'Content-Type': this.response.contentType };
    if (this.response.location) h.Location = this.response.location;
    return h;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this.exec.call(
      'HTTPResponse.getBlob',
      () =>
        new FakeBlob(
          this.exec,
          toBytes(this.response.body),
          this.response.contentType,
        ) as unknown as GoogleAppsScript.Base.Blob,
    );
  }

  getContent(): GoogleAppsScript.Byte[] {
    return this.exec.call('HTTPResponse.getContent', () =>
      Array.from(toBytes(this.response.body), (b) => (b > 127 ? b - 256 : b)),
    );
  }
}

/** The request body and its content type, as UrlFetchApp encodes `payload`. */
function encodePayload(
  payload: GoogleAppsScript.URL_Fetch.Payload | undefined,
  contentType: string | undefined,
): { body: string; contentType: string } {
  const formType = 'application/x-www-form-urlencoded';
  if (payload === undefined || payload === null) return { body: '', contentType: contentType ?? '' };
  if (typeof payload === 'string') return { body: payload, contentType: contentType ?? formType };
  if (payload instanceof FakeBlob) {
    return {
      body: payload.getDataAsString(),
      contentType: contentType ?? payload.getContentType() ?? formType,
    };
  }
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(payload)) form.append(k, String(v));
  return { body: form.toString(), contentType: formType };
}

/** The token an `Authorization: Bearer <token>` header carries, if `ScriptApp.getOAuthToken()` made it. */
function tokenOf(
  exec: Execution,
  headers: GoogleAppsScript.URL_Fetch.HttpHeaders | undefined,
): OAuthToken | undefined {
  const name = Object.keys(headers ?? {}).find((h) => h.toLowerCase() === 'authorization');
  const value = name && headers ? String(headers[name]) : '';
  const token = /^Bearer\s+(\S+)$/i.exec(value)?.[1];
  return token ? exec.ws.oauthTokens.get(token) : undefined;
}

/** Google's hosts that serve Apps Script web apps: the only ones this machine's emulator can reach. */
const WEB_APP_HOSTS = ['script.google.com', 'script.googleusercontent.com'];

/** Redirect codes UrlFetchApp follows; 301, 302 and 303 are followed with GET, as browsers and curl do. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * The `UrlFetchApp` global (developers.google.com/apps-script/reference/url-fetch/url-fetch-app).
 * - The manifest's `urlFetchWhitelist` rules every URL, and every redirect target followed: one it
 *   does not cover throws "Request to <url> failed because the URL has not been whitelisted in the
 *   script manifest." (the text as reported).
 * - Only Google's web-app hosts are reachable (script.google.com and the
 *   script.googleusercontent.com redirect): each request is handed to the host's
 *   `ws.webAppHandler` with the caller and scopes named by an `Authorization: Bearer <token>`
 *   header. Any other host throws "DNS error: <url>" ("Address unavailable: <url>" for an IP
 *   address); a malformed URL "Invalid argument: <url>".
 * - Redirects are followed unless `followRedirects: false` (the documented default is true):
 *   301/302/303 with GET and no body, 307/308 as they were.
 * - A response code of 400 or more throws "Request failed for <origin> returned code N. Truncated
 *   server response: ... (use muteHttpExceptions option to examine full response)" unless
 *   `muteHttpExceptions` is true. Methods other than GET and POST get 405, as a web app only has
 *   doGet/doPost.
 */
export function createUrlFetchApp(exec: Execution): Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch'> {
  return {
    fetch: (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) =>
      exec.call('UrlFetchApp.fetch', () => {
        let method = String(params.method ?? 'get').toLowerCase();
        let { body, contentType } = encodePayload(params.payload, params.contentType);
        const token = tokenOf(exec, params.headers);
        let current = String(url);
        let response = reach(exec, current, method, body, contentType, token);
        for (let hops = 0; params.followRedirects !== false && REDIRECTS.has(response.code); hops++) {
          if (!response.location || hops >= MAX_REDIRECTS) break;
          if (response.code <= 303) {
            method = 'get';
            body = '';
            contentType = '';
          }
          current = new URL(response.location, current).toString();
          response = reach(exec, current, method, body, contentType, token);
        }
        if (response.code >= 400 && !params.muteHttpExceptions) {
          const shown =
            response.body.length > TRUNCATE_AT ? `${response.body.slice(0, TRUNCATE_AT)}...` : response.body;
          throw exec.error(
            `Request failed for ${new URL(current).origin} returned code ${response.code}. Truncated server response: ${shown} ` +
              '(use muteHttpExceptions option to examine full response)',
          );
        }
        return new FakeHTTPResponse(exec, response) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
      }),
  };
}

/** One request on the wire: the allowlist first, then Google's web-app hosts. */
function reach(
  exec: Execution,
  url: string,
  method: string,
  body: string,
  contentType: string,
  token: OAuthToken | undefined,
): WebAppResponse {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw exec.error(`Invalid argument: ${url}`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw exec.error(`Invalid argument: ${url}`);
  const ws = exec.ws;
  const manifest = exec.grant?.manifest;
  if (manifest && !urlAllowed(manifest, url)) throw exec.error(notAllowlistedMessage(url));
  if (!WEB_APP_HOSTS.includes(target.hostname) || target.protocol !== 'https:') {
    const ipLiteral = /^[\d.]+$|^\[.*\]$/.test(target.hostname);
    throw exec.error(`${ipLiteral ? 'Address unavailable' : 'DNS error'}: ${url}`);
  }
  if (!ws.webAppHandler) throw new Error('The host has not set ws.webAppHandler for the web app');
  if (method !== 'get' && method !== 'post')
    return { code: 405, contentType: 'text/html; charset=utf-8', body: 'Method Not Allowed' };
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of target.searchParams) (parameters[k] ??= []).push(v);
  return ws.webAppHandler({
    url,
    method,
    caller: token?.user ?? '',
    callerScopes: token?.scopes ?? new Set(),
    parameters,
    contentType,
    body,
    from: exec,
  });
}
