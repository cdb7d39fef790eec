import type { Execution } from '../core/execution';
import type { WebAppResponse } from '../core/workspace';
import { FakeBlob, toBytes } from './blob';
import { webAppUrl } from './script';

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
    return this.exec.call('HTTPResponse.getHeaders', () => ({ 'Content-Type': this.response.contentType }));
  }

  getAllHeaders(): object {
    return this.exec.call('HTTPResponse.getAllHeaders', () => ({
      'Content-Type': this.response.contentType,
    }));
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

/** The user a `Bearer` token from `ScriptApp.getOAuthToken()` stands for, or ''. */
function callerOf(exec: Execution, headers: GoogleAppsScript.URL_Fetch.HttpHeaders | undefined): string {
  const name = Object.keys(headers ?? {}).find((h) => h.toLowerCase() === 'authorization');
  const value = name && headers ? String(headers[name]) : '';
  const token = /^Bearer\s+(\S+)$/i.exec(value)?.[1];
  return token ? (exec.ws.oauthTokens.get(token) ?? '') : '';
}

/**
 * The `UrlFetchApp` global (developers.google.com/apps-script/reference/url-fetch/url-fetch-app).
 * Only the script's own web app (`ScriptApp.getService().getUrl()`) is reachable: the request is handed
 * to the host's `ws.webAppHandler` with the caller named by an `Authorization: Bearer <token>` header.
 * Any other host throws "DNS error: <url>" ("Address unavailable: <url>" for an IP address); a
 * malformed URL "Invalid argument: <url>". A response code of 400 or more throws "Request failed for
 * <origin> returned code N. Truncated server response: ... (use muteHttpExceptions option to examine
 * full response)" unless `muteHttpExceptions` is true. Methods other than GET and POST get 405, as
 * a web app only has doGet/doPost.
 */
export function createUrlFetchApp(exec: Execution): Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch'> {
  return {
    fetch: (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) =>
      exec.call('UrlFetchApp.fetch', () => {
        let target: URL;
        try {
          target = new URL(String(url));
        } catch {
          throw exec.error(`Invalid argument: ${url}`);
        }
        if (target.protocol !== 'https:' && target.protocol !== 'http:')
          throw exec.error(`Invalid argument: ${url}`);
        const ws = exec.ws;
        const app = webAppUrl(ws);
        if (!app || `${target.origin}${target.pathname}` !== app) {
          const ipLiteral = /^[\d.]+$|^\[.*\]$/.test(target.hostname);
          throw exec.error(`${ipLiteral ? 'Address unavailable' : 'DNS error'}: ${url}`);
        }
        if (!ws.webAppHandler) throw new Error('The host has not set ws.webAppHandler for the web app');
        const method = String(params.method ?? 'get').toLowerCase();
        const { body, contentType } = encodePayload(params.payload, params.contentType);
        const parameters: Record<string, string[]> = {};
        for (const [k, v] of target.searchParams) (parameters[k] ??= []).push(v);
        const response: WebAppResponse =
          method === 'get' || method === 'post'
            ? ws.webAppHandler({
                method,
                caller: callerOf(exec, params.headers),
                parameters,
                contentType,
                body,
                from: exec,
              })
            : { code: 405, contentType: 'text/html; charset=utf-8', body: 'Method Not Allowed' };
        if (response.code >= 400 && !params.muteHttpExceptions) {
          const shown =
            response.body.length > TRUNCATE_AT ? `${response.body.slice(0, TRUNCATE_AT)}...` : response.body;
          throw exec.error(
            `Request failed for ${target.origin} returned code ${response.code}. Truncated server response: ${shown} ` +
              '(use muteHttpExceptions option to examine full response)',
          );
        }
        return new FakeHTTPResponse(exec, response) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
      }),
  };
}
