import type { Execution } from '../core/execution';

/** Properties value size: 9 KB per value (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Properties total storage: 500 KB per property store (same page). */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;
/** Apps Script's message when a write would take a store past 500 KB. */
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = new TextEncoder();

function bytes(s: string): number {
  return utf8.encode(s).length;
}

type PropertiesMethods =
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties';

/**
 * One property store (developers.google.com/apps-script/reference/properties/properties).
 * Values are stored as strings (`String(value)`); `getProperty` gives null for a missing key.
 * A value over 9 KB (UTF-8) throws "Argument too large: value"; a write that would take the
 * store (keys plus values) past 500 KB throws {@link PROPERTY_QUOTA_MESSAGE} and changes nothing.
 */
export class FakeProperties implements Pick<GoogleAppsScript.Properties.Properties, PropertiesMethods> {
  constructor(
    private readonly exec: Execution,
    private readonly store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    return this.exec.call('Properties.getProperty', () => this.store.get(String(key)) ?? null);
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    return this.exec.call('Properties.setProperty', () => this.write({ [String(key)]: value }, false));
  }

  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers = false,
  ): GoogleAppsScript.Properties.Properties {
    return this.exec.call('Properties.setProperties', () => this.write(properties, deleteAllOthers));
  }

  getProperties(): { [key: string]: string } {
    return this.exec.call('Properties.getProperties', () => Object.fromEntries(this.store));
  }

  getKeys(): string[] {
    return this.exec.call('Properties.getKeys', () => [...this.store.keys()]);
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    return this.exec.call('Properties.deleteProperty', () => {
      this.store.delete(String(key));
      return this.self();
    });
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    return this.exec.call('Properties.deleteAllProperties', () => {
      this.store.clear();
      return this.self();
    });
  }

  /** Checks the limits on the store as it would be, then applies the writes all at once. */
  private write(
    values: { [key: string]: unknown },
    deleteAllOthers: boolean,
  ): GoogleAppsScript.Properties.Properties {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, raw] of Object.entries(values)) {
      const value = String(raw);
      if (bytes(value) > MAX_PROPERTY_VALUE_BYTES) throw this.exec.error('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > MAX_PROPERTY_STORE_BYTES) throw this.exec.error(PROPERTY_QUOTA_MESSAGE);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
    return this.self();
  }

  private self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
}

/** PropertiesService as the emulator offers it: the document store is null for a Workspace add-on. */
export type EmulatedPropertiesService = Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getUserProperties'
> & { getDocumentProperties(): GoogleAppsScript.Properties.Properties | null };

/**
 * The `PropertiesService` global (developers.google.com/apps-script/reference/properties/properties-service):
 * script properties are shared by every user; user properties belong to the active user (the
 * effective user where the active one is unknown); `getDocumentProperties()` is null because a
 * Workspace add-on is not bound to a document.
 */
export function createPropertiesService(exec: Execution): EmulatedPropertiesService {
  const ws = exec.ws;
  return {
    getScriptProperties: () =>
      exec.call('PropertiesService.getScriptProperties', () => {
        return new FakeProperties(
          exec,
          ws.scriptProperties,
        ) as unknown as GoogleAppsScript.Properties.Properties;
      }),
    getUserProperties: () =>
      exec.call('PropertiesService.getUserProperties', () => {
        const user = (exec.activeUser || exec.effectiveUser).toLowerCase();
        let store = ws.userProperties.get(user);
        if (!store) {
          store = new Map();
          ws.userProperties.set(user, store);
        }
        return new FakeProperties(exec, store) as unknown as GoogleAppsScript.Properties.Properties;
      }),
    getDocumentProperties: () => exec.call('PropertiesService.getDocumentProperties', () => null),
  };
}
