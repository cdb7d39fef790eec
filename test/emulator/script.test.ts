import { Execution } from '../../emulator/core/execution';
import { createFormApp } from '../../emulator/services/forms';
import {
  ADD_ON_SUB_HOURLY,
  createScriptApp,
  dueTriggers,
  formSubmitTriggers,
  headDeploymentId,
  markFired,
  NO_SUCH_ITEM,
  TOO_MANY_TRIGGERS,
  webAppUrl,
} from '../../emulator/services/script';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

describe('ScriptApp triggers', () => {
  it('everyDays(1).atHour(9) fires at 09:00 London time, keeping the local hour across the end of BST', () => {
    const ws = newWorkspace();
    ws.clock.advanceTo(Date.parse('2026-10-23T09:00:00Z')); // 10:00 BST on Friday
    const app = createScriptApp(newExec(ws));
    app.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    const [t] = ws.triggers;
    expect(new Date(t!.nextAt).toISOString()).toBe('2026-10-24T08:00:00.000Z'); // Sat 09:00 BST
    ws.clock.advanceTo(t!.nextAt);
    markFired(ws, t!);
    expect(new Date(t!.nextAt).toISOString()).toBe('2026-10-25T09:00:00.000Z'); // Sun 09:00 GMT
    ws.clock.advanceTo(t!.nextAt);
    markFired(ws, t!);
    expect(new Date(t!.nextAt).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('atHour later today fires today; an hour already past fires tomorrow', () => {
    const ws = newWorkspace(); // 09:00 BST on 1 September 2026
    const app = createScriptApp(newExec(ws));
    app.newTrigger('later').timeBased().everyDays(1).atHour(17).nearMinute(30).create();
    app.newTrigger('past').timeBased().everyDays(1).atHour(8).create();
    expect(ws.triggers.map((t) => new Date(t.nextAt).toISOString())).toEqual([
      '2026-09-01T16:30:00.000Z',
      '2026-09-02T07:00:00.000Z',
    ]);
  });

  it('a 21st trigger for the same user throws Apps Script message, while another user can still add one', () => {
    const ws = newWorkspace();
    const app = createScriptApp(newExec(ws));
    for (let i = 0; i < 20; i++) app.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => app.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    expect(TOO_MANY_TRIGGERS).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    createScriptApp(newExec(ws, TEACHER)).newTrigger('mine').timeBased().everyHours(1).create();
    expect(ws.triggers).toHaveLength(21);
  });

  it('an add-on cannot create time-driven triggers more often than hourly (everyMinutes, everyHours(0))', () => {
    const ws = newWorkspace();
    const app = createScriptApp(newExec(ws));
    expect(() => app.newTrigger('f').timeBased().everyMinutes(5).create()).toThrow(ADD_ON_SUB_HOURLY);
    expect(() => app.newTrigger('f').timeBased().everyHours(0).create()).toThrow(ADD_ON_SUB_HOURLY);
    const hourly = app.newTrigger('f').timeBased().everyHours(1).create();
    expect(hourly.getHandlerFunction()).toBe('f');
    expect(ws.triggers).toHaveLength(1);
    expect(ws.triggers[0]).toMatchObject({ owner: BM, addOn: true, everyMs: 3_600_000, atHour: -1 });
  });

  it('getProjectTriggers lists only the effective user triggers and deleteTrigger removes them', () => {
    const ws = newWorkspace();
    const mine = createScriptApp(newExec(ws));
    const theirs = createScriptApp(newExec(ws, TEACHER));
    mine.newTrigger('a').timeBased().everyHours(2).create();
    theirs.newTrigger('b').timeBased().everyHours(2).create();
    expect(mine.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['a']);
    expect(theirs.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
    const [a] = mine.getProjectTriggers();
    mine.deleteTrigger(a!);
    expect(mine.getProjectTriggers()).toHaveLength(0);
    expect(ws.triggers.map((t) => t.handler)).toEqual(['b']);
  });

  it('Trigger getters describe clock and form-submit triggers (source ID null for clock)', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const app = createScriptApp(exec);
    const form = createFormApp(exec).create('AUP');
    const clock = app.newTrigger('tick').timeBased().everyDays(1).atHour(7).create();
    const submit = app.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
    expect([
      String(clock.getEventType()),
      String(clock.getTriggerSource()),
      clock.getTriggerSourceId(),
    ]).toEqual(['CLOCK', 'CLOCK', null]);
    expect(submit.getEventType()).toBe(app.EventType.ON_FORM_SUBMIT);
    expect(submit.getTriggerSource()).toBe(app.TriggerSource.FORMS);
    expect(submit.getTriggerSourceId()).toBe(form.getId());
    expect(clock.getUniqueId()).toMatch(/^\d{19}$/);
    expect(formSubmitTriggers(ws, form.getId()).map((t) => t.handler)).toEqual(['onSubmit']);
    expect(app.getUserTriggers(form).map((t) => t.getHandlerFunction())).toEqual(['onSubmit']);
  });

  it('a form-submit trigger needs a form the user can edit', () => {
    const ws = newWorkspace();
    const form = createFormApp(newExec(ws)).create('AUP');
    const teacherApp = createScriptApp(newExec(ws, TEACHER));
    expect(() => teacherApp.newTrigger('s').forForm(form.getId()).onFormSubmit().create()).toThrow(
      NO_SUCH_ITEM,
    );
    form.addEditor(TEACHER);
    teacherApp.newTrigger('s').forForm(form.getId()).onFormSubmit().create();
    expect(formSubmitTriggers(ws, form.getId())).toHaveLength(1);
  });

  it('dueTriggers lists clock triggers by nextAt and markFired removes a one-off', () => {
    const ws = newWorkspace();
    const app = createScriptApp(newExec(ws));
    app.newTrigger('hourly').timeBased().everyHours(1).create();
    app
      .newTrigger('soon')
      .timeBased()
      .after(10 * 60_000)
      .create();
    app
      .newTrigger('exact')
      .timeBased()
      .at(ws.clock.date(ws.clock.now() + 5 * 60_000))
      .create();
    const now = ws.clock.now();
    expect(dueTriggers(ws, now + 15 * 60_000).map((t) => t.handler)).toEqual(['exact', 'soon']);
    expect(dueTriggers(ws, now + 2 * 3_600_000).map((t) => t.handler)).toEqual(['exact', 'soon', 'hourly']);
    const [exact] = dueTriggers(ws, now + 15 * 60_000);
    markFired(ws, exact!);
    expect(ws.triggers.map((t) => t.handler)).toEqual(['hourly', 'soon']);
    const hourly = ws.triggers[0]!;
    const before = hourly.nextAt;
    ws.clock.advanceTo(before);
    markFired(ws, hourly);
    expect(hourly.nextAt - before).toBe(3_600_000);
  });

  it('getOAuthToken maps a token to the active user and its scopes; getService().getUrl() is the /dev URL', () => {
    const ws = newWorkspace();
    const scopes = new Set(['https://www.googleapis.com/auth/drive']);
    const exec = new Execution(ws, 'card', BM, TEACHER, { manifest: {}, scopes });
    const app = createScriptApp(exec);
    const token = app.getOAuthToken();
    expect(ws.oauthTokens.get(token)).toEqual({ user: TEACHER, scopes });
    expect(app.getOAuthToken()).toBe(token);
    expect(app.getService().getUrl()).toBeNull();
    expect(app.getService().isEnabled()).toBe(false);
    ws.webApp = { deploymentId: 'AKfycbDEPLOY', executeAs: BM, access: 'DOMAIN', versionNumber: 1 };
    expect(app.getService().getUrl()).toBe(
      `https://script.google.com/a/macros/${DOMAIN}/s/${headDeploymentId(ws)}/dev`,
    );
    expect(webAppUrl(ws)).toBe(`https://script.google.com/a/macros/${DOMAIN}/s/AKfycbDEPLOY/exec`);
    expect(app.getScriptId()).toMatch(/^[A-Za-z0-9_-]{57}$/);
  });

  it('every ScriptApp call is counted and charged to the execution', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    createScriptApp(exec).newTrigger('x').timeBased().everyHours(1).create();
    const methods = ws.accounting.tally().map((r) => r.method);
    expect(methods).toEqual(
      expect.arrayContaining([
        'ScriptApp.newTrigger',
        'TriggerBuilder.timeBased',
        'ClockTriggerBuilder.everyHours',
        'ClockTriggerBuilder.create',
      ]),
    );
    expect(exec.elapsedMs).toBeGreaterThanOrEqual(300);
  });
});
