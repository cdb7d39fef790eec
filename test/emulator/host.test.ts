import { latencyOf } from '../../emulator/core/latency';
import { Host } from '../../emulator/host/host';
import { probeBundle, probeManifest, PROBE_SCOPES } from './support';

/** A bundle of probe functions, standing in for build/Code.js. */
function probeHost(): Host {
  const dir = probeBundle(
    `
function nodeGlobals() { return [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof module]; }
function whoAmI() { return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail(); }
function now() { return new Date().getTime() + '|' + Date.now(); }
function slow() { Utilities.sleep(31000); return 'done'; }
function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function tick() { PropertiesService.getScriptProperties().setProperty('ran-as', Session.getEffectiveUser().getEmail()); }
function doPost(e) { return ContentService.createTextOutput(Session.getActiveUser().getEmail() + ' via ' + Session.getEffectiveUser().getEmail() + ': ' + e.postData.contents); }
function callWebApp(url) {
  return UrlFetchApp.fetch(url, { method: 'post', payload: 'hello', headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } }).getContentText();
}
function onHomepage(e) { return CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('hi from ' + e.commonEventObject.hostApp))).build(); }
function serviceError() { try { SpreadsheetApp.openById('nope'); } catch (e) { return [e instanceof Error, e.message]; } }
`,
  );
  const host = new Host({ bundleDir: dir });
  host.ws.addUser({ email: 'bm@school.example', name: 'Bea Manager', admin: true });
  host.ws.addUser({ email: 'teacher@school.example', name: 'Tom Teacher' });
  host.ws.addUser({ email: 'new@school.example', name: 'New Starter', suspended: true });
  return host;
}

/** The deployer shares the script project with the domain to view, in Drive. */
function shareProjectWithDomain(host: Host): void {
  const project = host.ws.drive.get(host.ws.project?.scriptId ?? '');
  if (!project) throw new Error('No script project: deploy first');
  project.access = 'DOMAIN_WITH_LINK';
  project.permission = 'VIEW';
}

describe('host simulator', () => {
  it('runs the bundle with no Node globals', () => {
    const host = probeHost();
    expect(host.run('nodeGlobals', [], { user: 'bm@school.example', kind: 'editor' })).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it('gives the add-on the host-controlled clock as Date', () => {
    const host = probeHost();
    const [a, b] = String(host.run('now', [], { user: 'bm@school.example', kind: 'editor' })).split('|');
    expect(Number(a)).toBe(new Date('2026-09-01T08:00:00Z').getTime() + latencyOf('Execution.start'));
    expect(a).toBe(b);
  });

  it('throws service errors as the add-on realm’s own Error', () => {
    const host = probeHost();
    const [isError, message] = host.run('serviceError', [], {
      user: 'bm@school.example',
      kind: 'editor',
    }) as [boolean, string];
    expect(isError).toBe(true);
    expect(message).toMatch(/missing|permission/);
  });

  it('ends a card callback past 30 seconds of modelled time', () => {
    const host = probeHost();
    expect(() => host.run('slow', [], { user: 'bm@school.example', kind: 'card' })).toThrow(
      'Exceeded maximum execution time',
    );
    expect(host.run('slow', [], { user: 'bm@school.example', kind: 'trigger' })).toBe('done');
  });

  it('refuses Gmail and Drive to a suspended user and to someone outside the domain', () => {
    const host = probeHost();
    expect(() => host.as('new@school.example')).toThrow(/suspended/);
    expect(() => host.as('someone@gmail.com')).toThrow(/no account/);
  });

  it('fires due time-driven triggers as the user who created them', () => {
    const host = probeHost();
    host.run('install', [], { user: 'bm@school.example', kind: 'editor' });
    expect(host.advance(30 * 60_000)).toHaveLength(0);
    const ran = host.advance(31 * 60_000);
    expect(ran.map((r) => [r.fn, r.user, r.kind])).toEqual([['tick', 'bm@school.example', 'trigger']]);
    expect(host.ws.scriptProperties.get('ran-as')).toBe('bm@school.example');
  });

  it('serves the web app as its deployer, naming the caller from the OAuth token', () => {
    const host = probeHost();
    const url = host.deployWebApp('bm@school.example');
    shareProjectWithDomain(host);
    const out = host.run('callWebApp', [url], { user: 'teacher@school.example', kind: 'card' });
    expect(out).toBe('teacher@school.example via bm@school.example: hello');
    expect(host.executions.map((e) => [e.fn, e.user])).toEqual([
      ['callWebApp', 'teacher@school.example'],
      ['doPost', 'bm@school.example'],
    ]);
  });

  it('charges the web app’s time to the card that waited for it', () => {
    const host = probeHost();
    const url = host.deployWebApp('bm@school.example');
    shareProjectWithDomain(host);
    host.run('callWebApp', [url], { user: 'teacher@school.example', kind: 'card' });
    const [card, web] = host.executions;
    expect(card?.elapsedMs).toBeGreaterThan(web?.elapsedMs ?? Infinity);
  });

  it('opens a homepage with the documented event object and keeps the card', () => {
    const host = probeHost();
    const screen = host.as('teacher@school.example').openHomepage('DRIVE');
    expect(screen.error).toBeUndefined();
    expect(screen.card?.sections?.[0]?.widgets?.[0]?.textParagraph?.text).toBe('hi from DRIVE');
  });

  it('the add-on runs in Gmail and Drive only with their sections and scopes in the manifest', () => {
    const lacking = new Host({
      bundleDir: probeBundle(
        'function onHomepage(e) { return CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText("hi"))).build(); }',
        probeManifest({
          oauthScopes: PROBE_SCOPES.filter((s) => !s.endsWith('/gmail.addons.execute')),
          addOns: { common: { name: 'Probe', useLocaleFromApp: true }, gmail: {} },
        }),
      ),
    });
    lacking.ws.addUser({ email: 'teacher@school.example', name: 'Tom Teacher' });
    const who = lacking.as('teacher@school.example');
    expect(who.openHomepage('GMAIL').error).toBe(
      'Specified permissions are not sufficient to run the add-on in Gmail. Required permissions: https://www.googleapis.com/auth/gmail.addons.execute, https://www.googleapis.com/auth/script.locale',
    );
    expect(who.openHomepage('DRIVE').error).toBe(
      'The add-on does not extend Google Drive: appsscript.json has no addOns.drive.',
    );
    expect(lacking.executions).toEqual([]);
  });

  it('says "Script function not found" for a name the bundle does not declare', () => {
    const host = probeHost();
    expect(() => host.run('onSign', [], { user: 'bm@school.example', kind: 'card' })).toThrow(
      'Script function not found: onSign',
    );
  });
});
