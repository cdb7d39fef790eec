import type { Execution } from '../core/execution';
import type { DirectoryUser } from '../core/workspace';

type Schema = GoogleAppsScript.AdminDirectory.Schema.User;
type UsersMethods = 'get' | 'list' | 'update' | 'patch';

/** The Directory API's error text for each HTTP code the emulator produces. */
const ERROR_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Not Authorized to access this resource/api',
  404: 'Resource Not Found: userKey',
  429: 'Rate Limit Exceeded',
  500: 'Backend Error',
  503: 'Backend Error',
};

const REASON: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** What users.list accepts (developers.google.com/admin-sdk/directory/reference/rest/v1/users/list). */
interface ListArgs {
  domain?: string;
  customer?: string;
  maxResults?: number;
  pageToken?: string;
  orderBy?: 'email' | 'givenName' | 'familyName';
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  query?: string;
}

/**
 * The `Users` collection of the AdminDirectory advanced service
 * (developers.google.com/apps-script/advanced/admin-sdk-directory;
 * developers.google.com/admin-sdk/directory/reference/rest/v1/users).
 *
 * A super administrator (the effective user) may call it all, a delegated administrator who reads
 * users only `get` and `list`; anyone else gets HTTP 403. Errors are
 * `GoogleJsonResponseException`s printed as "API call to directory.users.<method> failed with error:
 * <message>", carrying `details: {code, message, errors}` as Apps Script's do. An injected `http`
 * fault fails that call with its code (429 "Rate Limit Exceeded", 500/503 "Backend Error"); with
 * the Admin SDK API disabled in the script's Cloud project every call answers 403
 * accessNotConfigured. Results are fresh copies. `update` and `patch` both apply
 * only the given fields (`suspended`, `name.givenName`/`familyName`, `orgUnitPath`), as the API's
 * update documents patch semantics.
 */
export class FakeUsersCollection implements Pick<
  GoogleAppsScript.AdminDirectory.Collection.UsersCollection,
  UsersMethods
> {
  constructor(private readonly exec: Execution) {}

  /**
   * Runs `users.<method>` with injected faults, the Cloud project's API switch and the admin check:
   * a super administrator may do anything; a delegated administrator who reads users may `get`
   * and `list`; anyone else gets 403.
   */
  private api<T>(method: string, body: () => T): T {
    return this.exec.call(`AdminDirectory.Users.${method}`, () => {
      const fault = this.exec.takeFault('http');
      if (fault) throw this.fail(method, fault.code);
      if (!this.exec.ws.tenant.cloudApis.has('admin')) {
        throw this.fail(
          method,
          403,
          apiDisabledMessage('Admin SDK API', 'admin.googleapis.com'),
          'accessNotConfigured',
        );
      }
      const caller = this.exec.ws.users.get(this.exec.effectiveUser.toLowerCase());
      const reads = method === 'get' || method === 'list';
      const allowed = caller && !caller.suspended && (caller.isAdmin || (reads && caller.readsUsers));
      if (!allowed) throw this.fail(method, 403);
      return body();
    });
  }

  /** A GoogleJsonResponseException for HTTP `code` (optionally with the API's own `message` and reason). */
  private fail(method: string, code: number, message?: string, reason?: string): Error {
    return directoryError(this.exec, `users.${method}`, code, message, reason);
  }

  private find(method: string, userKey: string): DirectoryUser {
    const key = String(userKey ?? '').toLowerCase();
    const users = this.exec.ws.users;
    const user = users.get(key) ?? [...users.values()].find((u) => u.id === key);
    if (!user) throw this.fail(method, 404);
    return user;
  }

  /** Users.get(userKey): by primary email (any case) or unique ID; 404 for an unknown user. */
  get(userKey: string, _optionalArgs?: object): Schema {
    return this.api('get', () => toResource(this.find('get', userKey)));
  }

  /**
   * Users.list({domain | customer, maxResults (1..500, default 100), pageToken, orderBy, sortOrder,
   * query}) → `{kind, users?, nextPageToken?}`; `users` is absent when nothing matches, as in the API.
   * `query` supports `email:`, `givenName:`, `familyName:` (prefix), `isSuspended=`, `isAdmin=` and
   * `orgUnitPath=`, space-separated.
   */
  list(optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Users {
    return this.api('list', () => {
      const args = (optionalArgs ?? {}) as ListArgs;
      const ws = this.exec.ws;
      if (args.domain === undefined && args.customer === undefined) throw this.fail('list', 400);
      if (args.domain !== undefined && String(args.domain).toLowerCase() !== ws.domain)
        throw this.fail('list', 403);
      if (
        args.customer !== undefined &&
        args.customer !== 'my_customer' &&
        args.customer !== customerId(ws.domain)
      ) {
        throw this.fail('list', 403);
      }
      const max = args.maxResults === undefined ? 100 : Number(args.maxResults);
      if (!(Number.isInteger(max) && max >= 1 && max <= 500)) {
        throw this.fail(
          'list',
          400,
          `Invalid value '${args.maxResults}'. Values must be within the range: [1, 500]`,
        );
      }
      const offset = args.pageToken ? decodeToken(args.pageToken) : 0;
      if (offset === undefined) throw this.fail('list', 400, 'Invalid Input: pageToken');
      const matches = this.select([...ws.users.values()], args);
      const page = matches.slice(offset, offset + max).map(toResource);
      const result: GoogleAppsScript.AdminDirectory.Schema.Users = { kind: 'admin#directory#users' };
      if (page.length > 0) result.users = page;
      if (offset + max < matches.length) result.nextPageToken = encodeToken(offset + max);
      return result;
    });
  }

  private select(users: DirectoryUser[], args: ListArgs): DirectoryUser[] {
    const tests =
      (args.query ?? '').trim() === ''
        ? []
        : String(args.query)
            .trim()
            .split(/\s+/)
            .map((c) => this.clause(c));
    const key = (u: DirectoryUser): string =>
      args.orderBy === 'givenName'
        ? u.name.givenName
        : args.orderBy === 'familyName'
          ? u.name.familyName
          : u.primaryEmail;
    const sign = args.sortOrder === 'DESCENDING' ? -1 : 1;
    return users
      .filter((u) => tests.every((t) => t(u)))
      .sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.primaryEmail.localeCompare(b.primaryEmail)));
  }

  private clause(text: string): (u: DirectoryUser) => boolean {
    const m = /^(email|givenName|familyName|isSuspended|isAdmin|orgUnitPath)([:=])'?(.*?)'?$/.exec(text);
    if (!m) throw this.fail('list', 400, 'Invalid Input');
    const [, field, , raw = ''] = m;
    const value = raw.toLowerCase();
    switch (field) {
      case 'email':
        return (u) => u.primaryEmail.startsWith(value);
      case 'givenName':
        return (u) => u.name.givenName.toLowerCase().startsWith(value);
      case 'familyName':
        return (u) => u.name.familyName.toLowerCase().startsWith(value);
      case 'isSuspended':
        return (u) => String(u.suspended) === value;
      case 'isAdmin':
        return (u) => String(u.isAdmin) === value;
      default:
        return (u) => u.orgUnitPath.toLowerCase() === value;
    }
  }

  /** Users.update(resource, userKey): applies the given fields (the API documents patch semantics). */
  update(resource: Schema, userKey: string): Schema {
    return this.api('update', () => this.apply('update', resource, userKey));
  }

  /** Users.patch(resource, userKey): applies the given fields. */
  patch(resource: Schema, userKey: string): Schema {
    return this.api('patch', () => this.apply('patch', resource, userKey));
  }

  private apply(method: string, resource: Schema, userKey: string): Schema {
    const user = this.find(method, userKey);
    const r = resource ?? {};
    if (r.orgUnitPath !== undefined && !String(r.orgUnitPath).startsWith('/')) {
      throw this.fail(method, 400, 'Invalid Input: INVALID_OU_ID');
    }
    if (r.suspended !== undefined) user.suspended = Boolean(r.suspended);
    if (r.orgUnitPath !== undefined) user.orgUnitPath = String(r.orgUnitPath);
    if (r.name?.givenName !== undefined) user.name.givenName = String(r.name.givenName);
    if (r.name?.familyName !== undefined) user.name.familyName = String(r.name.familyName);
    user.name.fullName = `${user.name.givenName} ${user.name.familyName}`.trim();
    return toResource(user);
  }
}

/**
 * Google's text when an API is disabled in the calling Cloud project (HTTP 403, reason
 * accessNotConfigured), e.g. "Admin SDK API has not been used in project 1234 before or it is
 * disabled. Enable it by visiting … then retry."
 */
export function apiDisabledMessage(title: string, host: string, project = '800000000001'): string {
  return (
    `${title} has not been used in project ${project} before or it is disabled. Enable it by visiting ` +
    `https://console.developers.google.com/apis/api/${host}/overview?project=${project} then retry.`
  );
}

/** The Workspace's customer ID (stable per domain). */
function customerId(domain: string): string {
  let n = 0;
  for (const c of domain) n = (n * 31 + c.charCodeAt(0)) % 0xfffffff;
  return `C0${n.toString(36)}`;
}

function encodeToken(offset: number, what = 'users'): string {
  return Buffer.from(`${what}:${offset}`).toString('base64url');
}

function decodeToken(token: string, what = 'users'): number | undefined {
  const m = new RegExp(`^${what}:(\\d+)$`).exec(Buffer.from(String(token), 'base64url').toString());
  return m ? Number(m[1]) : undefined;
}

/** A users resource (developers.google.com/admin-sdk/directory/reference/rest/v1/users) for `u`. */
function toResource(u: DirectoryUser): Schema {
  const resource: Schema = {
    kind: 'admin#directory#user',
    id: u.id,
    primaryEmail: u.primaryEmail,
    name: { ...u.name },
    isAdmin: u.isAdmin,
    isDelegatedAdmin: u.readsUsers,
    suspended: u.suspended,
    orgUnitPath: u.orgUnitPath,
    creationTime: u.creationTime,
    customerId: customerId(u.primaryEmail.split('@')[1] ?? ''),
    isMailboxSetup: true,
  };
  if (u.suspended) resource.suspensionReason = 'ADMIN';
  if (u.title) resource.organizations = [{ title: u.title, primary: true, customType: '' }];
  if (u.recoveryEmail) (resource as { recoveryEmail?: string }).recoveryEmail = u.recoveryEmail;
  return resource;
}

/** What members.list accepts (developers.google.com/admin-sdk/directory/reference/rest/v1/members/list). */
interface MembersListArgs {
  maxResults?: number;
  pageToken?: string;
  includeDerivedMembership?: boolean;
  roles?: string;
}

/**
 * The `Members` collection of the AdminDirectory advanced service: `list(groupKey, args)` only
 * (developers.google.com/admin-sdk/directory/reference/rest/v1/members/list). Reading a group's
 * members needs an administrator whose role reads groups: a super administrator here (a
 * delegated administrator who only reads users gets 403, the stricter reading of the roles
 * page); an unknown group is 404 "Resource Not Found: groupKey". `maxResults` is 1..200 (default
 * 200); with `includeDerivedMembership` the members of nested groups are listed too, each once.
 * Members are `{kind, email, role: MEMBER, type: USER | GROUP | CUSTOMER... , status: ACTIVE}`.
 */
export class FakeMembersCollection implements Pick<
  GoogleAppsScript.AdminDirectory.Collection.MembersCollection,
  'list'
> {
  constructor(private readonly exec: Execution) {}

  list(groupKey: string, optionalArgs?: object): GoogleAppsScript.AdminDirectory.Schema.Members {
    return this.exec.call('AdminDirectory.Members.list', () => {
      const fault = this.exec.takeFault('http');
      if (fault) throw directoryError(this.exec, 'members.list', fault.code);
      if (!this.exec.ws.tenant.cloudApis.has('admin'))
        throw directoryError(
          this.exec,
          'members.list',
          403,
          apiDisabledMessage('Admin SDK API', 'admin.googleapis.com'),
          'accessNotConfigured',
        );
      const caller = this.exec.ws.users.get(this.exec.effectiveUser.toLowerCase());
      if (!caller || caller.suspended || !caller.isAdmin)
        throw directoryError(this.exec, 'members.list', 403);
      const ws = this.exec.ws;
      const group = ws.groups.get(String(groupKey ?? '').toLowerCase());
      if (!group) throw directoryError(this.exec, 'members.list', 404, 'Resource Not Found: groupKey');
      const args = (optionalArgs ?? {}) as MembersListArgs;
      const max = args.maxResults === undefined ? 200 : Number(args.maxResults);
      if (!(Number.isInteger(max) && max >= 1 && max <= 200))
        throw directoryError(
          this.exec,
          'members.list',
          400,
          `Invalid value '${args.maxResults}'. Values must be within the range: [1, 200]`,
        );
      const offset = args.pageToken ? decodeToken(args.pageToken, 'members') : 0;
      if (offset === undefined)
        throw directoryError(this.exec, 'members.list', 400, 'Invalid Input: pageToken');
      const all = args.includeDerivedMembership ? derived(ws, group.email) : group.members;
      const members = all.slice(offset, offset + max).map((email) => ({
        kind: 'admin#directory#member',
        email,
        role: 'MEMBER',
        status: 'ACTIVE',
        type: ws.groups.has(email) ? 'GROUP' : 'USER',
      }));
      const result: GoogleAppsScript.AdminDirectory.Schema.Members = { kind: 'admin#directory#members' };
      if (members.length) result.members = members;
      if (offset + max < all.length) result.nextPageToken = encodeToken(offset + max, 'members');
      return result;
    });
  }
}

/** A group's members with those of its nested groups (each once; a nested group listed as itself too). */
function derived(ws: Execution['ws'], group: string, seen = new Set<string>()): string[] {
  if (seen.has(group)) return [];
  seen.add(group);
  const out: string[] = [];
  for (const m of ws.groups.get(group)?.members ?? []) {
    if (!out.includes(m)) out.push(m);
    if (ws.groups.has(m)) for (const n of derived(ws, m, seen)) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** A Directory API GoogleJsonResponseException for HTTP `code`, as {@link FakeUsersCollection} makes them. */
function directoryError(
  exec: Execution,
  method: string,
  code: number,
  message = ERROR_TEXT[code] ?? 'Unknown Error',
  reason = REASON[code] ?? 'unknown',
): Error {
  const error = exec.error(`API call to directory.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  Object.assign(error, { details: { code, message, errors: [{ domain: 'global', reason, message }] } });
  return error;
}

/**
 * The `AdminDirectory` advanced-service global (developers.google.com/apps-script/advanced/admin-sdk-directory),
 * with its `Users` and `Members` collections.
 */
export function createAdminDirectory(exec: Execution): {
  Users: Pick<GoogleAppsScript.AdminDirectory.Collection.UsersCollection, UsersMethods>;
  Members: Pick<GoogleAppsScript.AdminDirectory.Collection.MembersCollection, 'list'>;
} {
  return { Users: new FakeUsersCollection(exec), Members: new FakeMembersCollection(exec) };
}
