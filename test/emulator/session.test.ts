import { Execution } from '../../emulator/core/execution';
import { createSession } from '../../emulator/services/session';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

describe('Session', () => {
  it('getActiveUser and getEffectiveUser give the users of the execution', () => {
    const ws = newWorkspace();
    const session = createSession(new Execution(ws, 'trigger', BM, TEACHER));
    expect(session.getActiveUser().getEmail()).toBe(TEACHER);
    expect(session.getEffectiveUser().getEmail()).toBe(BM);
  });

  it("getActiveUser().getEmail() is '' where Google does not reveal the active user", () => {
    const session = createSession(new Execution(newWorkspace(), 'trigger', BM, ''));
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe(BM);
  });

  it('getScriptTimeZone is the Workspace time zone and getActiveUserLocale en_GB', () => {
    const session = createSession(newExec(newWorkspace()));
    expect(session.getScriptTimeZone()).toBe('Europe/London');
    expect(session.getActiveUserLocale()).toBe('en_GB');
  });

  it('getTemporaryActiveUserKey is stable for a user, differs between users and hides the email', () => {
    const ws = newWorkspace();
    const bm1 = createSession(newExec(ws)).getTemporaryActiveUserKey();
    const bm2 = createSession(newExec(ws)).getTemporaryActiveUserKey();
    const teacher = createSession(newExec(ws, TEACHER)).getTemporaryActiveUserKey();
    expect(bm1).toBe(bm2);
    expect(teacher).not.toBe(bm1);
    expect(bm1).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bm1).not.toContain(DOMAIN);
  });

  it('calls are counted as Session.*', () => {
    const ws = newWorkspace();
    createSession(newExec(ws)).getActiveUser();
    expect(ws.accounting.total('Session.getActiveUser')).toBe(1);
  });
});
