import { CRASH_MESSAGE } from '../../emulator/core/execution';
import type { Host } from '../../emulator/host/host';
import { remainingMailQuota } from '../../emulator/services/mail';
import { probeHost, probeManifest, PROBE_SCOPES } from './support';

const BM = 'bm@school.example';

const PROBES = `
function props(n) { const p = PropertiesService.getScriptProperties(); for (let i = 1; i <= n; i++) p.setProperty('k' + i, 'v'); }
function swallow() { const p = PropertiesService.getScriptProperties(); try { p.setProperty('a', '1'); } catch (e) {} p.setProperty('b', '2'); }
function lock() { const l = LockService.getScriptLock(); return [l.tryLock(100), l.tryLock(100)]; }
function waitTwice() { const l = LockService.getScriptLock(); l.waitLock(5000); l.releaseLock(); l.waitLock(5000); }
function mail() { MailApp.sendEmail('bm@school.example', 's', 'b'); }
function quota() { return MailApp.getRemainingDailyQuota(); }
function about() { return Drive.About.get({ fields: 'user' }).user.emailAddress; }
`;

const MANIFEST = probeManifest({
  oauthScopes: [...PROBE_SCOPES, 'https://www.googleapis.com/auth/script.send_mail'],
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] },
});
const faultHost = (): Host => probeHost(PROBES, MANIFEST);

const run = (host: Host, fn: string, ...args: unknown[]) => host.run(fn, args, { user: BM, kind: 'trigger' });

describe('the fault API (host.faults)', () => {
  it('a crash at the Nth call stops the execution there: nothing after it happens', () => {
    const host = faultHost();
    host.faults.inject({ method: 'Properties.setProperty', nth: 2 }, { kind: 'crash' });
    expect(() => run(host, 'props', 3)).toThrow(CRASH_MESSAGE);
    expect([...host.ws.scriptProperties.keys()]).toEqual(['k1']);
    expect(host.executions.at(-1)?.error).toBe(CRASH_MESSAGE);
  });

  it('a crash after the call lets it take effect first, and a catch in the script cannot carry on', () => {
    const host = faultHost();
    host.faults.inject({ method: 'Properties.setProperty' }, { kind: 'crash', when: 'after' });
    expect(() => run(host, 'swallow')).toThrow(CRASH_MESSAGE);
    expect([...host.ws.scriptProperties]).toEqual([['a', '1']]);
  });

  it('"*" strikes the Nth call of any method; rules count from when they are injected', () => {
    const host = faultHost();
    run(host, 'props', 2);
    const rule = host.faults.inject({ method: '*', nth: 3 }, { kind: 'crash' });
    expect(() => run(host, 'props', 5)).toThrow(CRASH_MESSAGE);
    expect(rule.fired).toBe(1);
    expect(host.faults.pending()).toEqual([]);
  });

  it('a lock timeout: another process holds the lock for the whole wait', () => {
    const host = faultHost();
    host.faults.inject({ method: 'Lock.tryLock' }, { kind: 'lockTimeout' });
    expect(run(host, 'lock')).toEqual([false, true]);
    host.faults.inject({ method: 'Lock.waitLock', nth: 2 }, { kind: 'lockTimeout' });
    expect(() => run(host, 'waitTwice')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  it('a spent quota: the send throws Apps Script’s message and the quota stays spent for the day', () => {
    const host = faultHost();
    host.faults.inject({ method: 'MailApp.sendEmail' }, { kind: 'quota' });
    expect(() => run(host, 'mail')).toThrow('Service invoked too many times for one day: email.');
    expect(run(host, 'quota')).toBe(0);
    expect(remainingMailQuota(host.ws, BM)).toBe(0);
    expect(host.ws.sentMail).toEqual([]);
  });

  it('an HTTP error from an advanced service, with its code', () => {
    const host = faultHost();
    host.faults.inject({ method: 'Drive.*', times: 2 }, { kind: 'http', code: 503 });
    expect(() => run(host, 'about')).toThrow(
      'API call to drive.about.get failed with error: Service Unavailable',
    );
    expect(() => run(host, 'about')).toThrow(/Service Unavailable/);
    expect(run(host, 'about')).toBe(BM);
  });

  it('refuses a rule that could never fire', () => {
    const host = faultHost();
    expect(() => host.faults.inject({ method: 'Range.getValues' }, { kind: 'lockTimeout' })).toThrow(
      'A lockTimeout fault cannot strike Range.getValues',
    );
    expect(() =>
      host.faults.inject({ method: 'SpreadsheetApp.openById' }, { kind: 'http', code: 500 }),
    ).toThrow(/cannot strike/);
    expect(() => host.faults.inject({ method: 'Drive.*', nth: 0 }, { kind: 'crash' })).toThrow(/nth >= 1/);
  });
});
