import type { Workspace } from '../core/workspace';

/** The host apps a Workspace add-on card opens in here. */
export type HostApp = 'GMAIL' | 'DRIVE';

/** Values typed or chosen in a card's inputs, by field name. */
export type FormInputs = Record<string, string | string[]>;

/**
 * A Workspace add-on event object as Google builds it
 * (developers.google.com/workspace/add-ons/concepts/event-objects): `commonEventObject` with
 * hostApp, platform, userLocale, timeZone, formInputs and parameters, the host-specific object
 * (`gmail` or `drive`), and the legacy top-level fields Apps Script still fills.
 */
export function addOnEvent(
  ws: Workspace,
  hostApp: HostApp,
  extra: {
    formInputs?: FormInputs;
    parameters?: Record<string, string>;
    gmail?: { messageId: string; threadId: string; accessToken: string };
    drive?: { items: { id: string; title: string; mimeType: string }[] };
  } = {},
): Record<string, unknown> {
  const offset = londonOffsetMs(ws.clock.now());
  const inputs = Object.fromEntries(
    Object.entries(extra.formInputs ?? {}).map(([k, v]) => [
      k,
      { stringInputs: { value: Array.isArray(v) ? v : [v] } },
    ]),
  );
  const common: Record<string, unknown> = {
    hostApp,
    platform: 'WEB',
    userLocale: 'en-GB',
    timeZone: { id: ws.timeZone, offset },
  };
  if (extra.formInputs) common.formInputs = inputs;
  if (extra.parameters) common.parameters = extra.parameters;
  const e: Record<string, unknown> = {
    commonEventObject: common,
    hostApp: hostApp.toLowerCase(),
    clientPlatform: 'web',
    userLocale: 'en',
    userCountry: 'GB',
    userTimezone: { id: ws.timeZone, offSet: String(offset) },
  };
  if (extra.formInputs) {
    e.formInput = Object.fromEntries(
      Object.entries(extra.formInputs).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
    );
    e.formInputs = Object.fromEntries(
      Object.entries(extra.formInputs).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]),
    );
  }
  if (extra.parameters) e.parameters = extra.parameters;
  if (extra.gmail) e.gmail = { ...extra.gmail };
  if (extra.drive) {
    const items = extra.drive.items.map((i) => ({
      id: i.id,
      title: i.title,
      mimeType: i.mimeType,
      iconUrl: 'https://drive-thirdparty.googleusercontent.com/16/type/' + i.mimeType,
    }));
    e.drive = { activeCursorItem: items[0], selectedItems: items };
  }
  return e;
}

/**
 * The event object of a time-driven trigger
 * (developers.google.com/apps-script/guides/triggers/events#time-driven-events).
 */
export function clockEvent(ws: Workspace, triggerUid: string): Record<string, unknown> {
  const d = new Date(ws.clock.now());
  return {
    authMode: 'FULL',
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': 0,
    year: d.getUTCFullYear(),
  };
}

/** One formatter for every event (making an Intl.DateTimeFormat costs far more than using one). */
const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'shortOffset',
});

/** Europe/London's offset from UTC at an instant, in ms. */
function londonOffsetMs(ms: number): number {
  const parts = LONDON_OFFSET.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d+)?/.exec(parts ?? '');
  return (m && m[1] ? Number(m[1]) : 0) * 3_600_000;
}
