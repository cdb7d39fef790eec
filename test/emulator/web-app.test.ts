import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../../emulator/core/manifest';
import { Host } from '../../emulator/host/host';
import { probeBundle, probeManifest, PROBE_SCOPES } from './support';

const BM = 'bm@school.example';
const TEACHER = 'teacher@school.example';

const PROBES = `
function doPost(e) { return ContentService.createTextOutput(JSON.stringify({ caller: Session.getActiveUser().getEmail(), as: Session.getEffectiveUser().getEmail(), body: e.postData.contents })).setMimeType(ContentService.MimeType.JSON); }
function call(url, opts) {
  const o = opts || {};
  const headers = o.noToken ? {} : { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() };
  const res = UrlFetchApp.fetch(url, { method: o.method || 'post', payload: 'hi', headers: headers, muteHttpExceptions: true, followRedirects: o.follow !== false });
  return { code: res.getResponseCode(), text: res.getContentText(), headers: res.getHeaders() };
}
function devUrl() { return ScriptApp.getService().getUrl(); }
`;

interface Answer {
  code: number;
  text: string;
  headers: Record<string, string>;
}

/** A deployed probe web app (manifest webapp: DOMAIN, USER_DEPLOYING), its project shared with the domain unless said otherwise. */
function deployed(opts: { manifest?: Manifest; shareProject?: boolean } = {}): { host: Host; url: string } {
  const host = new Host({ bundleDir: probeBundle(PROBES, opts.manifest ?? probeManifest()) });
  host.ws.addUser({ email: BM, name: 'Bea Manager', admin: true });
  host.ws.addUser({ email: TEACHER, name: 'Tom Teacher' });
  const url = host.deployWebApp(BM);
  if (opts.shareProject !== false) {
    const project = host.ws.drive.get(host.ws.project!.scriptId)!;
    project.access = 'DOMAIN_WITH_LINK';
    project.permission = 'VIEW';
  }
  return { host, url };
}

const call = (host: Host, user: string, url: string, opts: Record<string, unknown> = {}): Answer =>
  host.run('call', [url, opts], { user, kind: 'card' }) as Answer;

describe('the web app, as strict as reported for calls with an OAuth token', () => {
  it('a domain user who can view the project reaches doPost (run as the deployer) through the 302 redirect', () => {
    const { host, url } = deployed();
    const res = call(host, TEACHER, url);
    expect(res.code).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ caller: TEACHER, as: BM, body: 'hi' });
    const raw = call(host, TEACHER, url, { follow: false });
    expect(raw.code).toBe(302);
    expect(raw.headers.Location).toMatch(
      /^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=/,
    );
    expect(call(host, TEACHER, raw.headers.Location!, { method: 'post' }).code).toBe(405);
    expect(call(host, TEACHER, raw.headers.Location!, { method: 'get' }).code).toBe(200);
    expect(call(host, TEACHER, raw.headers.Location!, { method: 'get' }).code).toBe(404);
  });

  it('without a token Google answers its sign-in page (200, HTML); with a token lacking a Drive scope 401', () => {
    const { host, url } = deployed();
    const signIn = call(host, TEACHER, url, { noToken: true });
    expect(signIn.code).toBe(200);
    expect(signIn.text).toMatch(/<title>Meet Google Drive/);
    const noDrive = deployed({
      manifest: probeManifest({ oauthScopes: PROBE_SCOPES.filter((s) => !s.endsWith('/drive')) }),
    });
    expect(call(noDrive.host, TEACHER, noDrive.url).code).toBe(401);
  });

  it('a caller who cannot view the script project gets 403 "Google Drive - Access Denied"; its owner does not', () => {
    const { host, url } = deployed({ shareProject: false });
    const res = call(host, TEACHER, url);
    expect([res.code, /Google Drive - Access Denied/.test(res.text)]).toEqual([403, true]);
    expect(call(host, BM, url).code).toBe(200);
  });

  it('getService().getUrl() is the /dev URL, which only the script’s editors can use', () => {
    const { host, url } = deployed();
    const dev = host.run('devUrl', [], { user: TEACHER, kind: 'card' }) as string;
    expect(dev).toMatch(/\/dev$/);
    expect(dev).not.toBe(url);
    expect(call(host, TEACHER, dev).code).toBe(404);
    expect(call(host, BM, dev).code).toBe(200);
  });

  it('/exec serves the version deployed while /dev runs the latest push; updating keeps the ID and URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aup-head-'));
    try {
      writeFileSync(join(dir, 'Code.js'), PROBES);
      writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(probeManifest()));
      const host = new Host({ bundleDir: dir });
      host.ws.addUser({ email: BM, name: 'Bea Manager', admin: true });
      const url = host.deployWebApp(BM);
      const dev = host.run('devUrl', [], { user: BM, kind: 'card' }) as string;
      writeFileSync(
        join(dir, 'Code.js'),
        PROBES.replace('body: e.postData.contents', "body: 'v2 ' + e.postData.contents"),
      );
      expect(JSON.parse(call(host, BM, url).text).body).toBe('hi');
      expect(JSON.parse(call(host, BM, dev).text).body).toBe('v2 hi');
      expect(host.deployWebApp(BM)).toBe(url);
      expect(host.ws.webApp?.versionNumber).toBe(2);
      expect(JSON.parse(call(host, BM, url).text).body).toBe('v2 hi');
      expect(call(host, BM, url.replace(host.ws.webApp!.deploymentId, 'AKfycbGONE')).code).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('access MYSELF admits only the deployer; a redirect the allowlist does not cover is refused', () => {
    const mine = deployed({
      manifest: probeManifest({ webapp: { executeAs: 'USER_DEPLOYING', access: 'MYSELF' } }),
    });
    expect(call(mine.host, TEACHER, mine.url).code).toBe(404);
    expect(call(mine.host, BM, mine.url).code).toBe(200);
    const narrow = deployed({
      manifest: probeManifest({ urlFetchWhitelist: ['https://script.google.com/'] }),
    });
    expect(() => call(narrow.host, TEACHER, narrow.url)).toThrow(
      /^Request to https:\/\/script\.googleusercontent\.com\/macros\/echo\?.* failed because the URL has not been whitelisted/,
    );
  });
});
