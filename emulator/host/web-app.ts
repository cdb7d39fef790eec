import type { WebAppRequest, WebAppResponse } from '../core/workspace';
import { headDeploymentId } from '../services/script';
import type { Host } from './host';

/** Scopes of which a token needs one to call a web app (reported: "at least one Drive API scope"). */
const DRIVE_SCOPES = ['drive', 'drive.readonly', 'drive.file'].map(
  (s) => `https://www.googleapis.com/auth/${s}`,
);

const html = (code: number, title: string, text = ''): WebAppResponse => ({
  code,
  contentType: 'text/html; charset=utf-8',
  body: `<!DOCTYPE html><html><head><title>${title}</title></head><body>${text || title}</body></html>`,
});

/** Google's answers to a request that never reaches `doPost`, as reported (tanaikech's table). */
export const WEB_APP_PAGES = {
  signIn: () =>
    html(200, 'Meet Google Drive – One place for all your files', 'Sign in to continue to Google Drive'),
  unauthorized: () => html(401, 'Unauthorized'),
  accessDenied: () => html(403, 'Google Drive - Access Denied', 'You need access. Ask the owner for access.'),
  notFound: () => html(404, 'Google Drive -- Page Not Found', 'Sorry, unable to open the file at this time.'),
};

/**
 * Google's side of the add-on's web app, strict as reported for calls with an OAuth token (Google
 * documents none of it; DESIGN.md §9, emulator/FIDELITY.md):
 * - `…/s/<deploymentId>/exec` runs the versioned deployment, `…/s/<head ID>/dev` the latest code
 *   for users who can edit the script project (others: 404 "Page Not Found"); any other ID 404.
 * - No token: 200 with Google's sign-in page (HTML). A token without a Drive scope: 401
 *   "Unauthorized".
 * - Access MYSELF: only the deployer (404 otherwise); DOMAIN: users of the domain; ANYONE: anyone
 *   signed in; ANYONE_ANONYMOUS: anyone, no token needed. And, as reported, a caller with a token
 *   must be able to view the script project file: 403 "Google Drive - Access Denied" otherwise.
 * - `/exec` runs the version deployed (a snapshot taken at deploy), `/dev` the latest code.
 * - `doPost`/`doGet` runs as the deployer (USER_DEPLOYING) with the caller as active user; its
 *   output is kept and the answer is a 302 to `script.googleusercontent.com/macros/echo?…`, which
 *   gives it once to a GET (a POST there answers 405). A script error gives Apps Script's HTML error
 *   page (200) instead.
 */
export function serveWebApp(host: Host, req: WebAppRequest): WebAppResponse {
  const ws = host.ws;
  const url = new URL(req.url);
  if (url.hostname === 'script.googleusercontent.com') return echo(host, url, req);
  const app = ws.webApp;
  const m = /^\/(?:a\/macros\/[^/]+|macros)\/s\/([^/]+)\/(exec|dev)$/.exec(url.pathname);
  if (!app || !m) return WEB_APP_PAGES.notFound();
  const [, id, mode] = m;
  if (id !== (mode === 'exec' ? app.deploymentId : headDeploymentId(ws))) return WEB_APP_PAGES.notFound();
  const project = ws.drive.get(ws.project?.scriptId ?? '');
  if (!project) return WEB_APP_PAGES.notFound();
  if (app.access !== 'ANYONE_ANONYMOUS' || mode === 'dev') {
    if (!req.caller) return WEB_APP_PAGES.signIn();
    if (!DRIVE_SCOPES.some((s) => req.callerScopes.has(s))) return WEB_APP_PAGES.unauthorized();
    const member = ws.users.get(req.caller);
    if (app.access === 'MYSELF' && req.caller !== project.owner) return WEB_APP_PAGES.notFound();
    if (app.access === 'DOMAIN' && !(member && !member.suspended)) return WEB_APP_PAGES.accessDenied();
    if (!ws.canView(project, req.caller)) return WEB_APP_PAGES.accessDenied();
    if (mode === 'dev' && !ws.canEdit(project, req.caller)) return WEB_APP_PAGES.notFound();
  }
  const bundle = mode === 'exec' && host.deployed ? host.deployed : host.head;
  const exec = host.execution('webapp', app.executeAs || req.caller, req.caller, bundle);
  const query = Object.entries(req.parameters)
    .map(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'))
    .join('&');
  const e = {
    queryString: query,
    parameter: Object.fromEntries(Object.entries(req.parameters).map(([k, v]) => [k, v[0]])),
    parameters: req.parameters,
    contextPath: '',
    contentLength: req.body.length,
    postData: { contents: req.body, length: req.body.length, type: req.contentType, name: 'postData' },
  };
  try {
    const out = host.runIn(exec, req.method === 'post' ? 'doPost' : 'doGet', [e], bundle) as {
      getContent(): string;
      contentType(): string;
    };
    const key = ws.ids.next(60);
    ws.webAppEchoes.set(key, { code: 200, contentType: out.contentType(), body: out.getContent() });
    const lib = encodeURIComponent(ws.project?.scriptId ?? '');
    return {
      code: 302,
      contentType: 'text/html; charset=UTF-8',
      body: '<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved Temporarily</BODY></HTML>',
      location: `https://script.googleusercontent.com/macros/echo?user_content_key=${key}&lib=${lib}`,
    };
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown };
    return html(200, 'Error', `${String(e?.name ?? 'Error')}: ${String(e?.message ?? err)}`);
  } finally {
    req.from.absorb(exec.elapsedMs);
  }
}

/** The redirect target: the kept output, once, to a GET. */
function echo(host: Host, url: URL, req: WebAppRequest): WebAppResponse {
  if (url.pathname !== '/macros/echo') return WEB_APP_PAGES.notFound();
  if (req.method !== 'get')
    return html(405, 'Page Not Found', 'Sorry, the file you have requested does not exist.');
  const key = url.searchParams.get('user_content_key') ?? '';
  const kept = host.ws.webAppEchoes.get(key);
  if (!kept) return WEB_APP_PAGES.notFound();
  host.ws.webAppEchoes.delete(key);
  return kept;
}
