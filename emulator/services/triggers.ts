import { DateTime } from 'luxon';
import type { Execution } from '../core/execution';
import { MIME, type TriggerRecord, type Workspace } from '../core/workspace';

/** Installable triggers per user per script (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;

/** Apps Script's message when a user already has {@link MAX_TRIGGERS_PER_USER} triggers in the script. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/**
 * The message when an add-on asks for a time-driven trigger more often than hourly
 * (developers.google.com/apps-script/guides/triggers/installable: "add-ons can only use time-driven
 * triggers once an hour at most"). The text is the one developers report; Google's pages do not quote it.
 */
export const ADD_ON_SUB_HOURLY =
  'Add-ons may not create time-based triggers to run more frequently than once per hour.';

/** The message FormApp/ScriptApp give for a form that does not exist or the user cannot edit. */
export const NO_SUCH_ITEM =
  'No item with the given ID could be found, or you do not have permission to access it.';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * An Apps Script enum as the add-on sees it: each value prints as its name and compares by identity.
 * Values are their names, so `String(ScriptApp.EventType.CLOCK) === 'CLOCK'` as in Apps Script.
 */
export function gasEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

/** ScriptApp.AuthMode (developers.google.com/apps-script/reference/script/auth-mode). */
export const AuthMode = gasEnum<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);
/** ScriptApp.EventType (developers.google.com/apps-script/reference/script/event-type). */
export const EventType = gasEnum<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
/** ScriptApp.TriggerSource (developers.google.com/apps-script/reference/script/trigger-source). */
export const TriggerSource = gasEnum<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);

/** A clock trigger's record, with the time zone its `atHour` is read in. */
interface ClockTriggerRecord extends TriggerRecord {
  timeZone: string;
}

/**
 * A trigger handle (developers.google.com/apps-script/reference/script/trigger).
 * `getTriggerSourceId()` is the form ID for form triggers and null for clock triggers.
 */
export class FakeTrigger implements Pick<
  GoogleAppsScript.Script.Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  constructor(
    private readonly exec: Execution,
    /** The stored record (read by `ScriptApp.deleteTrigger`). */
    readonly record: TriggerRecord,
  ) {}

  getUniqueId(): string {
    return this.exec.call('Trigger.getUniqueId', () => this.record.uid);
  }

  getHandlerFunction(): string {
    return this.exec.call('Trigger.getHandlerFunction', () => this.record.handler);
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.exec.call('Trigger.getEventType', () => EventType[this.record.eventType]);
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.exec.call('Trigger.getTriggerSource', () =>
      this.record.eventType === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.FORMS,
    );
  }

  getTriggerSourceId(): string {
    return this.exec.call('Trigger.getTriggerSourceId', () =>
      this.record.eventType === 'CLOCK' ? (null as unknown as string) : this.record.sourceId,
    );
  }
}

/** Stores a new trigger for the effective user, enforcing the per-user limit. */
function install(exec: Execution, fields: Omit<TriggerRecord, 'uid' | 'owner' | 'addOn'>, timeZone: string) {
  const owner = exec.effectiveUser;
  if (exec.ws.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
    throw exec.error(TOO_MANY_TRIGGERS);
  }
  const uid = Array.from(exec.ws.ids.next(19), (c) => String(c.charCodeAt(0) % 10)).join('');
  const record: ClockTriggerRecord = { ...fields, uid, owner, addOn: true, timeZone };
  exec.ws.triggers.push(record);
  return new FakeTrigger(exec, record) as unknown as GoogleAppsScript.Script.Trigger;
}

/** The next instant after `afterMs` that is `hour:minute` in `timeZone`. */
function nextLocalTime(afterMs: number, hour: number, minute: number, timeZone: string): number {
  const base = DateTime.fromMillis(afterMs, { zone: timeZone });
  let at = base.set({ hour, minute, second: 0, millisecond: 0 });
  if (at.toMillis() <= afterMs) at = at.plus({ days: 1 }).set({ hour, minute });
  return at.toMillis();
}

type ClockMethods =
  | 'everyMinutes'
  | 'everyHours'
  | 'everyDays'
  | 'atHour'
  | 'nearMinute'
  | 'inTimezone'
  | 'after'
  | 'at'
  | 'create';

/**
 * Builds a time-driven trigger (developers.google.com/apps-script/reference/script/clock-trigger-builder).
 * Times are deterministic: `everyDays(n).atHour(h)` fires at h:00 (or h:`nearMinute`) in the trigger's
 * time zone (the script's, Europe/London, unless `inTimezone`), `everyHours`/`everyMinutes` one
 * interval after creation. From an add-on (ours always is) intervals under an hour throw
 * {@link ADD_ON_SUB_HOURLY} at `create()`; a 21st trigger throws {@link TOO_MANY_TRIGGERS}.
 */
export class FakeClockTriggerBuilder implements Pick<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  ClockMethods
> {
  private everyMs = 0;
  private days = 0;
  private hour = -1;
  private minute = 0;
  private timeZone: string;
  private onceAt: number | undefined;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {
    this.timeZone = exec.ws.timeZone;
  }

  private set(method: string, change: () => void): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.exec.call(`ClockTriggerBuilder.${method}`, () => {
      change();
      return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
    });
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyMinutes', () => (this.everyMs = n * 60_000));
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyHours', () => (this.everyMs = n * HOUR_MS));
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyDays', () => {
      this.days = n;
      this.everyMs = n * DAY_MS;
    });
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw this.exec.error(`Invalid argument: hour`);
    return this.set('atHour', () => (this.hour = hour));
  }

  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(minute) && minute >= 0 && minute <= 59))
      throw this.exec.error('Invalid argument: minute');
    return this.set('nearMinute', () => (this.minute = minute));
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!DateTime.now().setZone(timezone).isValid) throw this.exec.error(`Invalid argument: timezone`);
    return this.set('inTimezone', () => (this.timeZone = timezone));
  }

  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('after', () => (this.onceAt = this.exec.ws.clock.now() + durationMilliseconds));
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (Object.prototype.toString.call(date) !== '[object Date]')
      throw this.exec.error('Invalid argument: date');
    return this.set('at', () => (this.onceAt = (date as Date).getTime()));
  }

  create(): GoogleAppsScript.Script.Trigger {
    return this.exec.call('ClockTriggerBuilder.create', () => {
      const now = this.exec.ws.clock.now();
      if (this.onceAt !== undefined) {
        return install(this.exec, this.fields(0, this.onceAt, -1), this.timeZone);
      }
      if (this.everyMs < HOUR_MS) throw this.exec.error(ADD_ON_SUB_HOURLY);
      if (this.hour >= 0 && this.days === 0) {
        throw this.exec.error('atHour can only be used together with everyDays or everyWeeks.');
      }
      const nextAt =
        this.hour >= 0 ? nextLocalTime(now, this.hour, this.minute, this.timeZone) : now + this.everyMs;
      return install(this.exec, this.fields(this.everyMs, nextAt, this.hour), this.timeZone);
    });
  }

  private fields(
    everyMs: number,
    nextAt: number,
    atHour: number,
  ): Omit<TriggerRecord, 'uid' | 'owner' | 'addOn'> {
    return { handler: this.handler, eventType: 'CLOCK', everyMs, nextAt, atHour, sourceId: '' };
  }
}

/**
 * Builds a form trigger (developers.google.com/apps-script/reference/script/form-trigger-builder).
 * Only `onFormSubmit` is modelled. `create()` needs a form the effective user can edit.
 */
export class FakeFormTriggerBuilder implements Pick<
  GoogleAppsScript.Script.FormTriggerBuilder,
  'onFormSubmit' | 'create'
> {
  private submit = false;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly formId: string,
  ) {}

  onFormSubmit(): GoogleAppsScript.Script.FormTriggerBuilder {
    return this.exec.call('FormTriggerBuilder.onFormSubmit', () => {
      this.submit = true;
      return this as unknown as GoogleAppsScript.Script.FormTriggerBuilder;
    });
  }

  create(): GoogleAppsScript.Script.Trigger {
    return this.exec.call('FormTriggerBuilder.create', () => {
      if (!this.submit)
        throw this.exec.error('Missing event type: call onFormSubmit() or onOpen() before create().');
      const form = this.exec.ws.drive.get(this.formId);
      if (
        !form ||
        form.trashed ||
        form.mimeType !== MIME.form ||
        !this.exec.ws.canEdit(form, this.exec.effectiveUser)
      ) {
        throw this.exec.error(NO_SUCH_ITEM);
      }
      const fields = {
        handler: this.handler,
        eventType: 'ON_FORM_SUBMIT' as const,
        everyMs: 0,
        nextAt: 0,
        atHour: -1,
      };
      return install(this.exec, { ...fields, sourceId: this.formId }, this.exec.ws.timeZone);
    });
  }
}

/** The first step of `ScriptApp.newTrigger` (developers.google.com/apps-script/reference/script/trigger-builder). */
export class FakeTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'timeBased' | 'forForm'
> {
  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.exec.call(
      'TriggerBuilder.timeBased',
      () =>
        new FakeClockTriggerBuilder(
          this.exec,
          this.handler,
        ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder,
    );
  }

  /** Accepts a Form or a form ID. */
  forForm(form: GoogleAppsScript.Forms.Form | string): GoogleAppsScript.Script.FormTriggerBuilder {
    return this.exec.call('TriggerBuilder.forForm', () => {
      const id = typeof form === 'string' ? form : form.getId();
      return new FakeFormTriggerBuilder(
        this.exec,
        this.handler,
        id,
      ) as unknown as GoogleAppsScript.Script.FormTriggerBuilder;
    });
  }
}

/** Host side: clock triggers due at or before `untilMs`, earliest first (creation order on ties). */
export function dueTriggers(ws: Workspace, untilMs: number): TriggerRecord[] {
  return ws.triggers
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.eventType === 'CLOCK' && t.nextAt <= untilMs)
    .sort((a, b) => a.t.nextAt - b.t.nextAt || a.i - b.i)
    .map(({ t }) => t);
}

/**
 * Host side: records that a clock trigger fired. A one-off (`at`/`after`) is removed; a repeating one
 * moves to its next run (same local hour for `everyDays(n).atHour(h)`, across summer-time changes).
 * Runs missed while the clock jumped are skipped, as Apps Script does not queue them.
 */
export function markFired(ws: Workspace, trigger: TriggerRecord): void {
  if (trigger.everyMs === 0) {
    const at = ws.triggers.indexOf(trigger);
    if (at >= 0) ws.triggers.splice(at, 1);
    return;
  }
  const zone = (trigger as Partial<ClockTriggerRecord>).timeZone ?? ws.timeZone;
  const step = (ms: number): number => {
    if (trigger.atHour < 0) return ms + trigger.everyMs;
    const local = DateTime.fromMillis(ms, { zone });
    const days = Math.round(trigger.everyMs / DAY_MS);
    return local.plus({ days }).set({ hour: trigger.atHour, minute: local.minute }).toMillis();
  };
  let next = step(trigger.nextAt);
  while (next <= ws.clock.now()) next = step(next);
  trigger.nextAt = next;
}

/** Host side: the form-submit triggers installed on `formId`, in creation order. */
export function formSubmitTriggers(ws: Workspace, formId: string): TriggerRecord[] {
  return ws.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === formId);
}
