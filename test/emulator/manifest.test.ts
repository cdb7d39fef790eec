import { advancedServices, urlAllowed, type Manifest } from '../../emulator/core/manifest';
import { missingScope, scopesFor } from '../../emulator/core/scopes';
import type { Host } from '../../emulator/host/host';
import { probeHost, probeManifest, PROBE_SCOPES } from './support';

const AUTH = 'https://www.googleapis.com/auth/';
const BM = 'bm@school.example';

const PROBES = `
function openSheet() { return SpreadsheetApp.create('x').getId(); }
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function driveDefined() { return typeof Drive; }
function useDrive() { return Drive.About.get({ fields: 'user' }).user.emailAddress; }
function directoryUser() { return AdminDirectory.Users.get('bm@school.example').primaryEmail; }
function mail() { MailApp.sendEmail('bm@school.example', 's', 'b'); }
function fetchIt(url) { return UrlFetchApp.fetch(url).getResponseCode(); }
function caught() { try { SpreadsheetApp.create('x'); } catch (e) { return e.message; } }
`;

const hostWith = (manifest: Manifest): Host => probeHost(PROBES, manifest);

const run = (host: Host, fn: string, ...args: unknown[]) => host.run(fn, args, { user: BM, kind: 'editor' });

describe('the manifest rules each execution', () => {
  it('a call outside oauthScopes throws Apps Script’s message naming the method and the scope', () => {
    const host = hostWith(
      probeManifest({ oauthScopes: PROBE_SCOPES.filter((s) => !s.endsWith('/spreadsheets')) }),
    );
    expect(() => run(host, 'openSheet')).toThrow(
      `Specified permissions are not sufficient to call SpreadsheetApp.create. Required permissions: ${AUTH}spreadsheets`,
    );
    expect(run(host, 'caught')).toMatch(/^Specified permissions are not sufficient/);
    expect(run(hostWith(probeManifest()), 'openSheet')).toMatch(/^1/);
  });

  it('several accepted scopes are shown as Apps Script shows them; any one of them is enough', () => {
    expect(missingScope('Range.getValues', new Set())?.message).toBe(
      `Specified permissions are not sufficient to call Range.getValues. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
    expect(missingScope('Range.getValues', new Set([`${AUTH}spreadsheets.currentonly`]))).toBeUndefined();
    expect(scopesFor('Spreadsheet.getId')).toEqual([]);
    expect(scopesFor('File.makeCopy')).toEqual([`${AUTH}drive`]);
    expect(scopesFor('File.getUrl')).toEqual([`${AUTH}drive.readonly`, `${AUTH}drive`]);
    expect(scopesFor('CardService.CardBuilder.build')).toEqual([]);
    expect(scopesFor('PropertiesService.getScriptProperties')).toEqual([]);
  });

  it('Session, MailApp and the advanced services need their scopes too (an advanced service answers 403)', () => {
    const manifest = probeManifest({
      oauthScopes: [],
      dependencies: {
        enabledAdvancedServices: [
          { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
          { userSymbol: 'AdminDirectory', serviceId: 'admin', version: 'directory_v1' },
        ],
      },
    });
    const host = hostWith(manifest);
    expect(() => run(host, 'whoAmI')).toThrow(`Required permissions: ${AUTH}userinfo.email`);
    expect(() => run(host, 'mail')).toThrow(`Required permissions: ${AUTH}script.send_mail`);
    expect(() => run(host, 'useDrive')).toThrow(
      'API call to drive.about.get failed with error: Request had insufficient authentication scopes.',
    );
    expect(() => run(host, 'directoryUser')).toThrow(
      'API call to directory.users.get failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('an advanced service the manifest does not enable is not defined: V8’s ReferenceError', () => {
    const without = hostWith(probeManifest());
    expect(run(without, 'driveDefined')).toBe('undefined');
    expect(() => run(without, 'useDrive')).toThrow('Drive is not defined');
    expect(() => run(without, 'directoryUser')).toThrow('AdminDirectory is not defined');
    const withDrive = hostWith(
      probeManifest({
        dependencies: {
          enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }],
        },
      }),
    );
    expect(run(withDrive, 'useDrive')).toBe(BM);
  });

  it('an advanced service the emulator does not model is refused when the host starts', () => {
    expect(() =>
      advancedServices({
        dependencies: {
          enabledAdvancedServices: [{ userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' }],
        },
      }),
    ).toThrow(
      'appsscript.json enables the advanced service Gmail (gmail/v1), which the emulator does not model.',
    );
  });

  it('UrlFetchApp refuses a URL the allowlist does not cover, with the reported message', () => {
    const host = hostWith(probeManifest({ urlFetchWhitelist: ['https://script.google.com/macros/'] }));
    const url = 'https://script.google.com/a/macros/school.example/s/X/exec';
    expect(() => run(host, 'fetchIt', url)).toThrow(
      `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
    );
    const none = hostWith(probeManifest({ urlFetchWhitelist: undefined }));
    expect(() => run(none, 'fetchIt', url)).toThrow(/has not been whitelisted/);
  });
});

describe('urlFetchWhitelist matching (developers.google.com/apps-script/manifest/allowlist-url)', () => {
  const m = (prefixes: string[]): Manifest => ({ urlFetchWhitelist: prefixes });
  it.each([
    ['https://example.com/foo', 'https://example.com/foo', true],
    ['https://example.com/foo', 'https://example.com/foo/bar', true],
    ['https://example.com/foo', 'https://example.com/foo?bar', true],
    ['https://example.com/foo', 'https://example.com/foo#bar', true],
    ['https://example.com/foo', 'https://example.com/foobar', false],
    ['https://example.com/foo', 'https://example.com/Foo', false],
    ['https://example.com/', 'https://example.com', true],
    ['https://example.com/', 'http://example.com/', false],
    ['https://*.example.com/foo', 'https://a.b.example.com/foo', true],
    ['https://*.example.com/foo', 'https://example.com/foo', false],
    ['https://*.example.com/foo', 'https://sub.example.com/bar', false],
    ['https://example.com', 'https://example.com/', false],
  ])('prefix %s covers %s: %s', (prefix, url, expected) => {
    expect(urlAllowed(m([prefix]), url)).toBe(expected);
  });
});
