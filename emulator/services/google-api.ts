import type { Execution } from '../core/execution';
import { restName } from '../core/scopes';
import type { DriveItem } from '../core/workspace';
import { apiDisabledMessage } from './admin-directory';

/** A Google REST API behind an advanced service: its Cloud switch, its name and host, and its 429 text. */
export interface GoogleApi {
  cloudApi: 'docs' | 'sheets';
  /** As the "has not been used in project" message names it, e.g. "Google Docs API". */
  title: string;
  host: string;
  /** The quota metric a 429 names, e.g. "Read requests". */
  quotaMetric: string;
}

/** The status text and status for the codes an injected fault may carry. */
function faultText(api: GoogleApi, code: number): [string, string] {
  const texts: Record<number, [string, string]> = {
    400: ['Invalid requests', 'INVALID_ARGUMENT'],
    403: ['The caller does not have permission', 'PERMISSION_DENIED'],
    404: ['Requested entity was not found.', 'NOT_FOUND'],
    429: [`Quota exceeded for quota metric '${api.quotaMetric}'`, 'RESOURCE_EXHAUSTED'],
    500: ['Internal error encountered.', 'INTERNAL'],
    503: ['The service is currently unavailable.', 'UNAVAILABLE'],
  };
  return texts[code] ?? ['Unknown Error', 'UNKNOWN'];
}

/**
 * Apps Script's error for a failed advanced-service call: a GoogleJsonResponseException "API call
 * to docs.documents.get failed with error: <message>", with the REST error in `details`.
 */
export function apiError(
  exec: Execution,
  method: string,
  message: string,
  code: number,
  status: string,
  reason = status.toLowerCase(),
): Error {
  const e = exec.error(`API call to ${restName(method)} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  Object.assign(e, { details: { code, message, status, errors: [{ domain: 'global', reason, message }] } });
  return e;
}

/**
 * Runs one call of `api`: an injected fault, or the Cloud project's API switch, answers first
 * ("<API> has not been used in project … or it is disabled", 403 accessNotConfigured).
 */
export function googleApiCall<T>(
  exec: Execution,
  api: GoogleApi,
  method: string,
  body: () => T,
  extraMs = 0,
): T {
  return exec.call(
    method,
    () => {
      const fault = exec.takeFault('http');
      if (fault) {
        const [text, status] = faultText(api, fault.code);
        throw apiError(exec, method, text, fault.code, status);
      }
      if (!exec.ws.tenant.cloudApis.has(api.cloudApi)) {
        throw apiError(
          exec,
          method,
          apiDisabledMessage(api.title, api.host),
          403,
          'PERMISSION_DENIED',
          'accessNotConfigured',
        );
      }
      return body();
    },
    extraMs,
  );
}

/**
 * The Drive file a call names, if it is of `mimeType`, not in the bin, and the caller may
 * `access` it: 404 "Requested entity was not found." else, or 403 "The caller does not have
 * permission" where they may not.
 */
export function fileFor(
  exec: Execution,
  method: string,
  id: string,
  mimeType: string,
  access: 'view' | 'edit',
): DriveItem {
  const ws = exec.ws;
  const item = ws.drive.get(id);
  if (!item || item.trashed || item.mimeType !== mimeType)
    throw apiError(exec, method, 'Requested entity was not found.', 404, 'NOT_FOUND');
  const allowed =
    access === 'view' ? ws.canView(item, exec.effectiveUser) : ws.canEdit(item, exec.effectiveUser);
  if (!allowed) throw apiError(exec, method, 'The caller does not have permission', 403, 'PERMISSION_DENIED');
  return item;
}
