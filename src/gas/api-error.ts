/**
 * What an advanced service's failure says (a GoogleJsonResponseException: "API call to
 * directory.users.get failed with error: …", `details: {code, message, errors: [{reason}]}`;
 * developers.google.com/apps-script/guides/services/advanced).
 */
export interface ApiFailure {
  /** The HTTP status, where the error carries one. */
  code: number | undefined;
  /** The first error's reason (forbidden, notFound, rateLimitExceeded, accessNotConfigured, …), or ''. */
  reason: string;
  message: string;
}

/** Reads an advanced-service error, falling back to the status words in its message. */
export function apiFailure(e: unknown): ApiFailure {
  const message = String((e as { message?: unknown } | null)?.message ?? e);
  const details = (e as { details?: { code?: unknown; errors?: { reason?: unknown }[] } } | null)?.details;
  const reason = String(details?.errors?.[0]?.reason ?? '');
  if (details && typeof details.code === 'number') return { code: details.code, reason, message };
  const m =
    /failed with error: (Not Authorized|Resource Not Found|Rate Limit|Backend Error|Service unavailable)/i.exec(
      message,
    );
  const word = (m?.[1] ?? '').toLowerCase();
  const code = !m
    ? undefined
    : word.startsWith('not authorized')
      ? 403
      : word.startsWith('resource')
        ? 404
        : word.startsWith('rate')
          ? 429
          : 503;
  return { code, reason, message };
}

/**
 * Whether a 403 means the deployment is wrong rather than the user: the API switched off in the
 * script's Cloud project (accessNotConfigured) or the scope missing from the manifest
 * (insufficientPermissions). A directory's "Not Authorized" (forbidden) is about the user.
 */
export function isDeploymentFault(f: ApiFailure): boolean {
  return f.code === 403 && (f.reason === 'accessNotConfigured' || f.reason === 'insufficientPermissions');
}

/** Whether the call may succeed if tried again later: 429 and 5xx. */
export function isTransient(f: ApiFailure): boolean {
  return f.code === 429 || (f.code !== undefined && f.code >= 500);
}
