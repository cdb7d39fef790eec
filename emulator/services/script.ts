import { createHash } from 'node:crypto';
import type { Execution } from '../core/execution';
import type { TriggerRecord, Workspace } from '../core/workspace';
import { AuthMode, EventType, FakeTrigger, FakeTriggerBuilder, TriggerSource } from './triggers';

export {
  ADD_ON_SUB_HOURLY,
  AuthMode,
  dueTriggers,
  EventType,
  formSubmitTriggers,
  gasEnum,
  markFired,
  MAX_TRIGGERS_PER_USER,
  NO_SUCH_ITEM,
  TOO_MANY_TRIGGERS,
  TriggerSource,
} from './triggers';

/** The web app's `/exec` URL for the versioned deployment, or null when the script has none. */
export function webAppUrl(ws: Workspace): string | null {
  return ws.webApp
    ? `https://script.google.com/a/macros/${ws.domain}/s/${ws.webApp.deploymentId}/exec`
    : null;
}

/** The head deployment's ID: stable for the project, the one Test deployments and `/dev` use. */
export function headDeploymentId(ws: Workspace): string {
  const hash = createHash('sha256')
    .update(`head:${scriptId(ws)}`)
    .digest('base64url');
  return `AKfycb${hash}`.slice(0, 40);
}

/**
 * The web app's `/dev` URL (the head deployment: the latest code, for users who can edit the
 * script), or null when the script is not deployed as a web app.
 */
export function devUrl(ws: Workspace): string | null {
  return ws.webApp ? `https://script.google.com/a/macros/${ws.domain}/s/${headDeploymentId(ws)}/dev` : null;
}

/**
 * The script's web-app service (developers.google.com/apps-script/reference/script/service).
 * `getUrl()` answers the `/dev` URL: documented for the development-mode web app and reported
 * for other executions too, so (modelled strictly) always; null when there is no web-app
 * deployment. Code must not rely on it for the `/exec` URL.
 */
export class FakeService implements Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  constructor(private readonly exec: Execution) {}

  getUrl(): string {
    return this.exec.call('Service.getUrl', () => devUrl(this.exec.ws) as string);
  }

  isEnabled(): boolean {
    return this.exec.call('Service.isEnabled', () => this.exec.ws.webApp !== undefined);
  }
}

type ScriptAppMethods =
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getOAuthToken'
  | 'getService'
  | 'getScriptId';

/**
 * The `ScriptApp` global (developers.google.com/apps-script/reference/script/script-app).
 * Triggers belong to the effective user who created them: `getProjectTriggers()` lists only theirs,
 * `deleteTrigger` removes only theirs. `getOAuthToken()` returns an opaque token that
 * `UrlFetchApp` maps back to the active user (or effective user when the active one is unknown),
 * carrying the scopes the execution was granted.
 */
export function createScriptApp(exec: Execution): Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods> {
  const ws = exec.ws;
  const own = () => ws.triggers.filter((t) => t.owner === exec.effectiveUser);
  const handles = (records: TriggerRecord[]) =>
    records.map((r) => new FakeTrigger(exec, r) as unknown as GoogleAppsScript.Script.Trigger);
  return {
    AuthMode,
    EventType,
    TriggerSource,
    newTrigger: (functionName: string) =>
      exec.call(
        'ScriptApp.newTrigger',
        () => new FakeTriggerBuilder(exec, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder,
      ),
    getProjectTriggers: () => exec.call('ScriptApp.getProjectTriggers', () => handles(own())),
    getUserTriggers: (file: { getId(): string }) =>
      exec.call('ScriptApp.getUserTriggers', () => handles(own().filter((t) => t.sourceId === file.getId()))),
    deleteTrigger: (trigger: GoogleAppsScript.Script.Trigger) =>
      exec.call('ScriptApp.deleteTrigger', () => {
        if (!(trigger instanceof FakeTrigger)) throw exec.error('Invalid argument: trigger');
        const uid = trigger.record.uid;
        const at = ws.triggers.findIndex((t) => t.uid === uid && t.owner === exec.effectiveUser);
        if (at >= 0) ws.triggers.splice(at, 1);
      }),
    getOAuthToken: () =>
      exec.call('ScriptApp.getOAuthToken', () => {
        const user = exec.activeUser || exec.effectiveUser;
        const scopes = exec.scopes ?? new Set<string>();
        const same = (a: ReadonlySet<string>) => a.size === scopes.size && [...a].every((s) => scopes.has(s));
        for (const [token, t] of ws.oauthTokens) if (t.user === user && same(t.scopes)) return token;
        const token = `ya29.${ws.ids.next(120)}`;
        ws.oauthTokens.set(token, { user, scopes });
        return token;
      }),
    getService: () =>
      exec.call(
        'ScriptApp.getService',
        () => new FakeService(exec) as unknown as GoogleAppsScript.Script.Service,
      ),
    getScriptId: () => exec.call('ScriptApp.getScriptId', () => scriptId(ws)),
  };
}

/** The script's ID: 57 characters, stable for a domain. */
export function scriptId(ws: Workspace): string {
  const hash = createHash('sha256').update(`script:${ws.domain}`).digest('base64url');
  return `1${hash}${hash}`.slice(0, 57);
}
