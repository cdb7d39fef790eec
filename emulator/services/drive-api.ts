import type { Execution } from '../core/execution';
import { restName } from '../core/scopes';
import type { DriveItem } from '../core/workspace';
import { apiDisabledMessage } from './admin-directory';
import { inherit, outsideShareRefused, shareWithNotice } from './drive/acl';
import { formModel } from './forms/model';

type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
type About = GoogleAppsScript.Drive_v3.Drive.V3.Schema.About;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
type AboutCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.AboutCollection;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

/** The Drive API's status text and reason for the codes an injected fault may carry. */
const FAULT_TEXT: Record<number, [string, string]> = {
  400: ['Bad Request', 'badRequest'],
  403: ['The user does not have sufficient permissions for this file.', 'insufficientFilePermissions'],
  404: ['File not found.', 'notFound'],
  429: ['User rate limit exceeded.', 'userRateLimitExceeded'],
  500: ['Internal Error', 'internalError'],
  503: ['Service Unavailable', 'backendError'],
};

/**
 * Apps Script's error for a failed advanced-service call to the Drive API: a
 * GoogleJsonResponseException "API call to drive.<resource>.<method> failed with error: <message>"
 * carrying `details: {code, message, errors: [{reason}]}`.
 */
function apiError(exec: Execution, method: string, message: string, code: number, reason: string): Error {
  const e = exec.error(`API call to ${restName(method)} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  Object.assign(e, { details: { code, message, errors: [{ domain: 'global', reason, message }] } });
  return e;
}

/** The API's 403 for a caller who may see a file but not change it (or add to a folder). */
function insufficient(exec: Execution, method: string): Error {
  return apiError(
    exec,
    method,
    'The user does not have sufficient permissions for this file.',
    403,
    'insufficientFilePermissions',
  );
}

/** Runs one Drive API call: an injected fault, or the Cloud project's API switch, answers first. */
function api<T>(exec: Execution, method: string, body: () => T): T {
  return exec.call(method, () => {
    const fault = exec.takeFault('http');
    if (fault) {
      const [text, reason] = FAULT_TEXT[fault.code] ?? ['Unknown Error', 'unknown'];
      throw apiError(exec, method, text, fault.code, reason);
    }
    if (!exec.ws.tenant.cloudApis.has('drive')) {
      throw apiError(
        exec,
        method,
        apiDisabledMessage('Google Drive API', 'drive.googleapis.com'),
        403,
        'accessNotConfigured',
      );
    }
    return body();
  });
}

const ROLES: Record<string, 'editor' | 'viewer'> = {
  writer: 'editor',
  commenter: 'viewer',
  reader: 'viewer',
};

/**
 * `permissions.create` (developers.google.com/drive/api/reference/rest/v3/permissions/create):
 * `type` user (with `emailAddress`), domain (with `domain`, this Workspace's) or anyone; role reader,
 * commenter (view access) or writer (edit access). The caller must be able to edit the file (403
 * "The user does not have sufficient permissions for this file." otherwise, 404 "File not found:
 * ID." for a file they cannot see). Where the tenant blocks sharing outside the domain, an outside
 * user answers 400 shareOutNotPermitted and `anyone` 400 publishOutNotPermitted ("Bad Request. User
 * message: …", as reported). Drive emails the person a share notification unless
 * `sendNotificationEmail: false`, which DriveApp cannot turn off.
 */
function createPermission(
  exec: Execution,
  resource: Permission,
  fileId: string,
  optionalArgs?: object,
): Permission {
  const method = 'Drive.Permissions.create';
  return api(exec, method, () => {
    const ws = exec.ws;
    const item = ws.drive.get(fileId);
    const me = exec.effectiveUser;
    if (!item || item.trashed || !ws.canView(item, me))
      throw apiError(exec, method, `File not found: ${fileId}.`, 404, 'notFound');
    if (!ws.canEdit(item, me)) {
      throw insufficient(exec, method);
    }
    const role = ROLES[String(resource.role)];
    if (!role) throw apiError(exec, method, `Invalid role: ${String(resource.role)}`, 400, 'invalid');
    if (resource.view !== undefined) return responderShare(exec, item, resource, method);
    const done = (extra: Permission): Permission => ({
      id: ws.ids.next(20),
      type: resource.type,
      role: resource.role,
      kind: 'drive#permission',
      ...extra,
    });
    if (resource.type === 'anyone' || resource.type === 'domain') {
      return done(linkShare(exec, item, resource, method));
    }
    const email = String(resource.emailAddress ?? '').toLowerCase();
    if (resource.type !== 'user' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw apiError(
        exec,
        method,
        'Invalid sharing request. Only user permissions with an email address are supported here.',
        400,
        'invalidSharingRequest',
      );
    }
    if (outsideShareRefused(ws, email)) throw shareOut(exec, method);
    const notify =
      (optionalArgs as { sendNotificationEmail?: boolean } | undefined)?.sendNotificationEmail !== false;
    shareWithNotice(exec, item, email, role, notify);
    return done({ emailAddress: email });
  });
}

/**
 * A form's responders (`view: "published"`, role reader; developers.google.com/workspace/forms/
 * api/guides/publish-form): anyone with the link, the domain, or a user. Only forms have the
 * published view. Where the tenant blocks outside sharing, anyone and outside users are refused
 * unless the admin lets forms take outside responses (the Forms override, on by default).
 */
function responderShare(exec: Execution, item: DriveItem, resource: Permission, method: string): Permission {
  const ws = exec.ws;
  const model = formModel(ws, item.id);
  if (resource.view !== 'published' || !model || resource.role !== 'reader') {
    throw apiError(
      exec,
      method,
      'The view "published" with role reader is only supported for forms.',
      400,
      'invalid',
    );
  }
  const outsideRefused = ws.tenant.outsideSharing === 'blocked' && !ws.tenant.formsOutsideResponses;
  const id = ws.ids.next(20);
  const base = { id, type: resource.type, role: 'reader', view: 'published', kind: 'drive#permission' };
  if (resource.type === 'anyone') {
    if (outsideRefused)
      throw apiError(exec, method, 'Bad Request. User message: ""', 400, 'publishOutNotPermitted');
    model.responders.anyone = true;
    return base;
  }
  if (resource.type === 'domain') {
    if (String(resource.domain ?? '').toLowerCase() !== ws.domain) throw shareOut(exec, method);
    model.responders.domain = true;
    return { ...base, domain: ws.domain };
  }
  const email = String(resource.emailAddress ?? '').toLowerCase();
  if (resource.type !== 'user' || !email) {
    throw apiError(exec, method, 'Invalid sharing request.', 400, 'invalidSharingRequest');
  }
  if (outsideRefused && !ws.inDomain(email)) throw shareOut(exec, method);
  model.responders.users.add(email);
  return { ...base, emailAddress: email };
}

/**
 * `permissions.list` (developers.google.com/drive/api/reference/rest/v3/permissions/list): the
 * owner, editors and viewers, the link sharing, and (with `includePermissionsForView: 'published'`)
 * a form's responders. The caller must be able to see the file.
 */
function listPermissions(
  exec: Execution,
  fileId: string,
  optionalArgs?: Record<string, unknown>,
): PermissionList {
  const method = 'Drive.Permissions.list';
  return api(exec, method, () => {
    const ws = exec.ws;
    const item = ws.drive.get(fileId);
    if (!item || item.trashed || !ws.canView(item, exec.effectiveUser))
      throw apiError(exec, method, `File not found: ${fileId}.`, 404, 'notFound');
    const user = (email: string, role: string): Permission => ({ type: 'user', role, emailAddress: email });
    const permissions: Permission[] = [
      user(item.owner, 'owner'),
      ...[...item.editors].map((e) => user(e, 'writer')),
      ...[...item.viewers].map((e) => user(e, 'reader')),
    ];
    if (item.permission !== 'NONE' && item.access !== 'PRIVATE') {
      const anyone = item.access === 'ANYONE' || item.access === 'ANYONE_WITH_LINK';
      permissions.push({
        type: anyone ? 'anyone' : 'domain',
        role: item.permission === 'EDIT' ? 'writer' : 'reader',
        ...(anyone ? {} : { domain: ws.domain }),
      });
    }
    const model = formModel(ws, fileId);
    if (model && optionalArgs?.includePermissionsForView === 'published') {
      const published = { role: 'reader', view: 'published' };
      if (model.responders.anyone) permissions.push({ type: 'anyone', ...published });
      if (model.responders.domain) permissions.push({ type: 'domain', domain: ws.domain, ...published });
      for (const e of model.responders.users)
        permissions.push({ type: 'user', emailAddress: e, ...published });
    }
    return {
      kind: 'drive#permissionList',
      permissions: permissions.map((p) => ({ kind: 'drive#permission', ...p })),
    };
  });
}

/** The Drive API's refusal to share outside the domain (400 shareOutNotPermitted, as reported). */
function shareOut(exec: Execution, method: string): Error {
  return apiError(
    exec,
    method,
    'Bad Request. User message: "shareOutNotPermitted"',
    400,
    'shareOutNotPermitted',
  );
}

/** Link sharing through the API: to the whole domain, or to anyone (refused where outside sharing is blocked). */
function linkShare(exec: Execution, item: DriveItem, resource: Permission, method: string): Permission {
  const ws = exec.ws;
  const edit = resource.role === 'writer';
  if (resource.type === 'anyone') {
    if (ws.tenant.outsideSharing === 'blocked')
      throw apiError(exec, method, 'Bad Request. User message: ""', 400, 'publishOutNotPermitted');
    item.access = resource.allowFileDiscovery ? 'ANYONE' : 'ANYONE_WITH_LINK';
    item.permission = edit ? 'EDIT' : 'VIEW';
    return {};
  }
  if (String(resource.domain ?? '').toLowerCase() !== ws.domain) throw shareOut(exec, method);
  item.access = resource.allowFileDiscovery ? 'DOMAIN' : 'DOMAIN_WITH_LINK';
  item.permission = edit ? 'EDIT' : 'VIEW';
  return { domain: ws.domain };
}

/**
 * `about.get` (developers.google.com/drive/api/reference/rest/v3/about/get): `fields` is required,
 * as the API answers 400 "The 'fields' parameter is required for this method." without it; gives
 * the caller as `user`, and only the fields `fields` names.
 */
function aboutGet(exec: Execution, optionalArgs: Record<string, unknown>): About {
  const method = 'Drive.About.get';
  return api(exec, method, () => {
    const fields = String(optionalArgs?.fields ?? '');
    if (!fields) {
      throw apiError(exec, method, "The 'fields' parameter is required for this method.", 400, 'required');
    }
    const me = exec.effectiveUser;
    const user = exec.ws.users.get(me);
    const all: About = {
      kind: 'drive#about',
      user: { kind: 'drive#user', emailAddress: me, displayName: user?.name.fullName ?? me, me: true },
    };
    if (fields === '*') return all;
    return Object.fromEntries(
      fields
        .split(',')
        .map((f) => f.trim().split('(')[0] as keyof About)
        .filter((f) => f in all)
        .map((f) => [f, all[f]]),
    ) as About;
  });
}

/** A file as the Drive API gives it, with the fields the add-on asks for. */
function fileResource(item: DriveItem): DriveFile {
  return {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    description: item.description,
    trashed: item.trashed,
    parents: [...item.parents],
  };
}

/** The file if the caller can see it, else the API's 404 "File not found: ID.". */
function visibleFile(exec: Execution, method: string, fileId: string): DriveItem {
  const item = exec.ws.drive.get(fileId);
  if (!item || !exec.ws.canView(item, exec.effectiveUser))
    throw apiError(exec, method, `File not found: ${fileId}.`, 404, 'notFound');
  return item;
}

/**
 * `files.copy` (developers.google.com/drive/api/reference/rest/v3/files/copy): a copy owned by the
 * caller, named `resource.name` ("Copy of NAME" without), in `resource.parents` (the caller must
 * be able to add to the folder: 403 otherwise) or beside the original, with `resource.description`
 * if given; it takes the folder's sharing, as Drive does. 404 for a file the caller cannot see.
 */
function copyFile(exec: Execution, resource: DriveFile, fileId: string): DriveFile {
  const method = 'Drive.Files.copy';
  return api(exec, method, () => {
    const ws = exec.ws;
    const me = exec.effectiveUser;
    const original = visibleFile(exec, method, fileId);
    const parentId = resource.parents?.[0] ?? [...original.parents][0] ?? '';
    const parent = ws.drive.get(parentId) ?? ws.rootFolder(me);
    if (!ws.canEdit(parent, me)) {
      throw insufficient(exec, method);
    }
    const copy = ws.createItem(me, resource.name ?? `Copy of ${original.name}`, original.mimeType, {
      parents: new Set([parent.id]),
      description: resource.description ?? original.description,
      ...(original.content ? { content: original.content.clone() } : {}),
      ...(original.bytes ? { bytes: original.bytes.slice() } : {}),
    });
    inherit(copy, parent);
    return fileResource(copy);
  });
}

/**
 * `files.list` (developers.google.com/drive/api/reference/rest/v3/files/list) for the query the
 * add-on sends: `'FOLDER' in parents and trashed = false`, optionally `and name = 'NAME'`. The
 * files the caller can see, up to `pageSize` (100 by default, at most 1,000) a page, with
 * `nextPageToken` while more remain. Any other query is refused (400), stricter than Google.
 */
function listFiles(exec: Execution, optionalArgs: Record<string, unknown> = {}): FileList {
  const method = 'Drive.Files.list';
  return api(exec, method, () => {
    const q = String(optionalArgs.q ?? '');
    const m = /^'([^']+)' in parents and trashed = false(?: and name = '((?:[^'\\]|\\.)*)')?$/.exec(q);
    if (!m)
      throw apiError(
        exec,
        method,
        `Invalid Value: the emulator models only "'FOLDER' in parents and trashed = false" queries, not ${q}`,
        400,
        'invalid',
      );
    const name = m[2]?.replace(/\\(.)/g, '$1');
    const size = Math.min(1000, Math.max(1, Number(optionalArgs.pageSize ?? 100)));
    const from = Number(optionalArgs.pageToken ?? 0);
    const all = [...exec.ws.drive.values()].filter(
      (f) =>
        f.parents.has(m[1] as string) &&
        !f.trashed &&
        (name === undefined || f.name === name) &&
        exec.ws.canView(f, exec.effectiveUser),
    );
    const page = all.slice(from, from + size);
    return {
      kind: 'drive#fileList',
      files: page.map(fileResource),
      ...(from + size < all.length ? { nextPageToken: String(from + size) } : {}),
    };
  });
}

/**
 * `files.update` (developers.google.com/drive/api/reference/rest/v3/files/update) of metadata:
 * `name`, `description`, `trashed` (binning needs the owner, or an editor where the owner allows;
 * here the owner: 403 otherwise). The caller must be able to edit (403), and see the file (404).
 */
function updateFile(exec: Execution, resource: DriveFile, fileId: string): DriveFile {
  const method = 'Drive.Files.update';
  return api(exec, method, () => {
    const ws = exec.ws;
    const me = exec.effectiveUser;
    const item = visibleFile(exec, method, fileId);
    if (!ws.canEdit(item, me)) throw insufficient(exec, method);
    if (resource.trashed !== undefined && item.owner !== me) throw insufficient(exec, method);
    if (resource.name !== undefined) item.name = resource.name;
    if (resource.description !== undefined) item.description = resource.description;
    if (resource.trashed !== undefined) item.trashed = resource.trashed;
    item.updated = ws.clock.now();
    return fileResource(item);
  });
}

/**
 * The Drive API v3 advanced service (`Drive`, serviceId `drive`, version v3;
 * developers.google.com/apps-script/advanced/drive), the subset the add-on uses:
 * `Permissions.create`, `Permissions.list` and `About.get`. Defined in an execution only where the
 * manifest enables it.
 */
export function createDriveApi(exec: Execution): {
  Permissions: Pick<PermissionsCollection, 'create' | 'list'>;
  About: Pick<AboutCollection, 'get'>;
  Files: Pick<FilesCollection, 'copy' | 'list' | 'update'>;
} {
  return {
    Files: {
      copy: (resource: DriveFile, fileId: string) => copyFile(exec, resource, fileId),
      list: (optionalArgs?: Record<string, unknown>) => listFiles(exec, optionalArgs),
      update: (resource: DriveFile, fileId: string) => updateFile(exec, resource, fileId),
    } as Pick<FilesCollection, 'copy' | 'list' | 'update'>,
    Permissions: {
      create: (resource: Permission, fileId: string, optionalArgs?: object) =>
        createPermission(exec, resource, fileId, optionalArgs),
      list: (fileId: string, optionalArgs?: Record<string, unknown>) =>
        listPermissions(exec, fileId, optionalArgs),
    } as Pick<PermissionsCollection, 'create' | 'list'>,
    About: { get: (optionalArgs: Record<string, unknown>) => aboutGet(exec, optionalArgs) },
  };
}
