import { Execution } from '../../emulator/core/execution';
import type { WebAppRequest, WebAppResponse, Workspace } from '../../emulator/core/workspace';
import { createScriptApp } from '../../emulator/services/script';
import { createUrlFetchApp } from '../../emulator/services/url-fetch';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

/** Deploys the web app with a handler that records requests and answers with `reply`. */
function deploy(ws: Workspace, reply: (r: WebAppRequest) => WebAppResponse): WebAppRequest[] {
  const seen: WebAppRequest[] = [];
  ws.webApp = { deploymentId: 'AKfycbTEST', executeAs: BM, access: 'DOMAIN', versionNumber: 1 };
  ws.webAppHandler = (r) => {
    seen.push(r);
    return reply(r);
  };
  return seen;
}

const ok = (body: string): WebAppResponse => ({ code: 200, contentType: 'application/json', body });

describe('UrlFetchApp', () => {
  it('a POST to the web app reaches the host handler with the bearer token caller, query and body', () => {
    const ws = newWorkspace();
    const seen = deploy(ws, () => ok('{"ok":true}'));
    const exec = new Execution(ws, 'card', BM, TEACHER);
    const script = createScriptApp(exec);
    const url = `${script.getService().getUrl()}?action=sign&id=1&id=2`;
    const res = createUrlFetchApp(exec).fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: '{"x":1}',
      headers: { Authorization: `Bearer ${script.getOAuthToken()}` },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'post',
      caller: TEACHER,
      parameters: { action: ['sign'], id: ['1', '2'] },
      contentType: 'application/json',
      body: '{"x":1}',
    });
    expect(seen[0]!.from).toBe(exec);
    expect(res.getResponseCode()).toBe(200);
    expect(JSON.parse(res.getContentText())).toEqual({ ok: true });
    expect(res.getHeaders()).toEqual({ 'Content-Type': 'application/json' });
    expect(res.getBlob().getDataAsString()).toBe('{"ok":true}');
  });

  it('without an Authorization header (or with an unknown token) the caller is empty', () => {
    const ws = newWorkspace();
    const seen = deploy(ws, () => ok('{}'));
    const exec = newExec(ws);
    const url = createScriptApp(exec).getService().getUrl();
    createUrlFetchApp(exec).fetch(url);
    createUrlFetchApp(exec).fetch(url, { headers: { authorization: 'Bearer forged' } });
    expect(seen.map((r) => [r.method, r.caller])).toEqual([
      ['get', ''],
      ['get', ''],
    ]);
  });

  it('an object payload is sent form-encoded', () => {
    const ws = newWorkspace();
    const seen = deploy(ws, () => ok('{}'));
    const exec = newExec(ws);
    createUrlFetchApp(exec).fetch(createScriptApp(exec).getService().getUrl(), {
      method: 'post',
      payload: { name: 'Ann Example', agree: true },
    });
    expect(seen[0]).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      body: 'name=Ann+Example&agree=true',
    });
  });

  it('any host but Google’s web-app hosts fails with a DNS error (an IP address with Address unavailable)', () => {
    const ws = newWorkspace();
    const seen = deploy(ws, () => ok('{}'));
    const fetch = createUrlFetchApp(newExec(ws)).fetch;
    expect(() => fetch('https://example.com/api')).toThrow('DNS error: https://example.com/api');
    expect(() => fetch('http://10.0.0.1/x')).toThrow('Address unavailable: http://10.0.0.1/x');
    expect(() => fetch('http://script.google.com/x')).toThrow('DNS error:');
    expect(() => fetch('not a url')).toThrow('Invalid argument: not a url');
    fetch(`https://script.google.com/a/macros/${DOMAIN}/s/OTHER/exec`);
    expect(seen.map((r) => r.url)).toEqual([`https://script.google.com/a/macros/${DOMAIN}/s/OTHER/exec`]);
  });

  it('a code of 400 or more throws "Request failed ..." unless muteHttpExceptions is set', () => {
    const ws = newWorkspace();
    const long = 'x'.repeat(300);
    deploy(ws, () => ({ code: 403, contentType: 'text/plain', body: long }));
    const exec = newExec(ws);
    const url = createScriptApp(exec).getService().getUrl();
    expect(() => createUrlFetchApp(exec).fetch(url)).toThrow(
      `Request failed for https://script.google.com returned code 403. Truncated server response: ${'x'.repeat(200)}... ` +
        '(use muteHttpExceptions option to examine full response)',
    );
    const res = createUrlFetchApp(exec).fetch(url, { muteHttpExceptions: true });
    expect([res.getResponseCode(), res.getContentText()]).toEqual([403, long]);
  });

  it('the fetch is counted and charged its latency to the calling execution', () => {
    const ws = newWorkspace();
    deploy(ws, () => ok('{}'));
    const exec = newExec(ws);
    const url = createScriptApp(exec).getService().getUrl();
    const before = exec.elapsedMs;
    createUrlFetchApp(exec).fetch(url);
    expect(exec.elapsedMs - before).toBe(250);
    expect(ws.accounting.total('UrlFetchApp.fetch')).toBe(1);
  });
});
