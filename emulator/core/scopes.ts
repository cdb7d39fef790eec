/**
 * The OAuth scopes each emulated method needs, as its Apps Script reference page lists them under
 * "Authorization" ("Scripts that use this method require authorization with one or more of the
 * following scopes": any one of them is enough). A row matches a counted method name
 * (`Service.method`, as in the call ledger) by prefix; the longest matching row wins, and a method no
 * row matches needs no scope. Sources: each service's page under
 * developers.google.com/apps-script/reference/ (and, for advanced services, the REST method's
 * "Authorization scopes"), as read for this project in emulator/FIDELITY.md.
 */

const AUTH = 'https://www.googleapis.com/auth/';
const SHEETS = [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`];
const DOCS = [`${AUTH}documents.currentonly`, `${AUTH}documents`];
const DRIVE_READ = [`${AUTH}drive.readonly`, `${AUTH}drive`];
const DRIVE = [`${AUTH}drive`];
/** What the Drive API accepts for reading a file's metadata (permissions, about). */
const DRIVE_METADATA_READ = [
  `${AUTH}drive`,
  `${AUTH}drive.appdata`,
  `${AUTH}drive.file`,
  `${AUTH}drive.metadata`,
  `${AUTH}drive.metadata.readonly`,
  `${AUTH}drive.photos.readonly`,
  `${AUTH}drive.readonly`,
];
const FORMS = [`${AUTH}forms.currentonly`, `${AUTH}forms`];
const NONE: string[] = [];

/** Drive methods that change a file or folder: the reference lists only `drive` for them. */
const DRIVE_WRITES = [
  'makeCopy',
  'moveTo',
  'setSharing',
  'addEditor',
  'addEditors',
  'addViewer',
  'addViewers',
  'removeEditor',
  'removeViewer',
  'setName',
  'setTrashed',
  'setDescription',
  'setContent',
  'setOwner',
  'createFile',
  'createFolder',
];

const TABLE: ReadonlyArray<[prefix: string, scopes: readonly string[]]> = [
  ['SpreadsheetApp.openById', [`${AUTH}spreadsheets`]],
  ['SpreadsheetApp.openByUrl', [`${AUTH}spreadsheets`]],
  ['SpreadsheetApp.create', [`${AUTH}spreadsheets`]],
  ['Spreadsheet.', SHEETS],
  ['Spreadsheet.getId', NONE],
  ['Spreadsheet.getSheetByName', NONE],
  ['Spreadsheet.getSheets', NONE],
  ['Sheet.', SHEETS],
  ['Range.', SHEETS],
  ['Protection.', SHEETS],
  ['Filter.', SHEETS],
  ['DocumentApp.openById', [`${AUTH}documents`]],
  ['DocumentApp.openByUrl', [`${AUTH}documents`]],
  ['DocumentApp.create', [`${AUTH}documents`]],
  ['Document.', DOCS],
  ['Document.getAs', NONE],
  ['Document.getBlob', NONE],
  ['Body.', DOCS],
  ['Body.clear', NONE],
  ['Body.editAsText', NONE],
  ['Paragraph.', DOCS],
  ['ListItem.', DOCS],
  ['Text.', DOCS],
  ['Table.', DOCS],
  ['TableRow.', DOCS],
  ['TableCell.', DOCS],
  ['RangeElement.', DOCS],
  ['DriveApp.', DRIVE_READ],
  ['DriveApp.createFolder', DRIVE],
  ['DriveApp.createFile', DRIVE],
  ['File.', DRIVE_READ],
  ['Folder.', DRIVE_READ],
  ...DRIVE_WRITES.flatMap((m): [string, readonly string[]][] => [
    [`File.${m}`, DRIVE],
    [`Folder.${m}`, DRIVE],
  ]),
  ['File.getAs', NONE],
  ['File.getBlob', NONE],
  ['FileIterator.', DRIVE_READ],
  ['FolderIterator.', DRIVE_READ],
  ['FormApp.create', [`${AUTH}forms`]],
  ['FormApp.openById', [`${AUTH}forms`]],
  ['FormApp.openByUrl', [`${AUTH}forms`]],
  ['Form.', FORMS],
  ['FormResponse.', FORMS],
  ['FormResponse.getResponseForItem', NONE],
  ['Item.', FORMS],
  ['TextItem.', FORMS],
  ['ParagraphTextItem.', FORMS],
  ['CheckboxItem.', FORMS],
  ['SectionHeaderItem.', FORMS],
  ['ItemResponse.', FORMS],
  ['MailApp.', [`${AUTH}script.send_mail`]],
  [
    'GmailApp.',
    [
      'https://mail.google.com/',
      `${AUTH}gmail.addons.current.message.readonly`,
      `${AUTH}gmail.addons.current.message.metadata`,
      `${AUTH}gmail.addons.current.message.action`,
    ],
  ],
  ['GmailApp.setCurrentMessageAccessToken', NONE],
  [
    'GmailMessage.',
    [
      'https://mail.google.com/',
      `${AUTH}gmail.addons.current.message.readonly`,
      `${AUTH}gmail.addons.current.message.metadata`,
      `${AUTH}gmail.addons.current.message.action`,
    ],
  ],
  ['GmailMessage.getId', NONE],
  ['ScriptApp.newTrigger', [`${AUTH}script.scriptapp`]],
  ['ScriptApp.getProjectTriggers', [`${AUTH}script.scriptapp`]],
  ['ScriptApp.getUserTriggers', [`${AUTH}script.scriptapp`]],
  ['ScriptApp.deleteTrigger', [`${AUTH}script.scriptapp`]],
  ['TriggerBuilder.timeBased', [`${AUTH}script.scriptapp`]],
  ['TriggerBuilder.forForm', FORMS],
  ['Trigger.', [`${AUTH}script.scriptapp`]],
  ['UrlFetchApp.', [`${AUTH}script.external_request`]],
  ['Session.getActiveUser', [`${AUTH}userinfo.email`]],
  ['Session.getEffectiveUser', [`${AUTH}userinfo.email`]],
  ['AdminDirectory.Users.get', [`${AUTH}admin.directory.user`, `${AUTH}admin.directory.user.readonly`]],
  [
    'AdminDirectory.Users.list',
    [`${AUTH}admin.directory.user`, `${AUTH}admin.directory.user.readonly`, `${AUTH}cloud-platform`],
  ],
  ['AdminDirectory.Users.update', [`${AUTH}admin.directory.user`]],
  [
    'AdminDirectory.Members.list',
    [
      `${AUTH}admin.directory.group.member.readonly`,
      `${AUTH}admin.directory.group.member`,
      `${AUTH}admin.directory.group.readonly`,
      `${AUTH}admin.directory.group`,
    ],
  ],
  ['AdminDirectory.Users.patch', [`${AUTH}admin.directory.user`]],
  ['Docs.Documents.batchUpdate', [`${AUTH}documents`, `${AUTH}drive`, `${AUTH}drive.file`]],
  [
    'Docs.Documents.get',
    [
      `${AUTH}documents`,
      `${AUTH}documents.readonly`,
      `${AUTH}drive`,
      `${AUTH}drive.file`,
      `${AUTH}drive.readonly`,
    ],
  ],
  ['Sheets.Spreadsheets.batchUpdate', [`${AUTH}spreadsheets`, `${AUTH}drive`, `${AUTH}drive.file`]],
  [
    'Sheets.Spreadsheets.get',
    [
      `${AUTH}spreadsheets`,
      `${AUTH}spreadsheets.readonly`,
      `${AUTH}drive`,
      `${AUTH}drive.file`,
      `${AUTH}drive.readonly`,
    ],
  ],
  ['Drive.Permissions.create', [`${AUTH}drive`, `${AUTH}drive.file`]],
  ['Drive.Files.copy', [`${AUTH}drive`, `${AUTH}drive.file`, `${AUTH}drive.appdata`]],
  ['Drive.Files.update', [`${AUTH}drive`, `${AUTH}drive.file`, `${AUTH}drive.appdata`]],
  [
    'Drive.Files.list',
    [
      `${AUTH}drive`,
      `${AUTH}drive.file`,
      `${AUTH}drive.readonly`,
      `${AUTH}drive.metadata`,
      `${AUTH}drive.metadata.readonly`,
    ],
  ],
  ['Drive.Permissions.list', DRIVE_METADATA_READ],
  ['Drive.About.get', DRIVE_METADATA_READ],
];

/** The scopes `method` accepts (any one is enough), or an empty list when it needs none. */
export function scopesFor(method: string): readonly string[] {
  const known = SCOPES_OF.get(method);
  if (known) return known;
  let best: [string, readonly string[]] | undefined;
  for (const row of TABLE) {
    if (method.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  }
  const found = best ? best[1] : NONE;
  SCOPES_OF.set(method, found);
  return found;
}

/** {@link scopesFor}'s answers so far: every call asks, and the table does not change. */
const SCOPES_OF = new Map<string, readonly string[]>();

/** The advanced services whose calls fail as REST errors rather than with Apps Script's message. */
const ADVANCED = /^(AdminDirectory|Docs|Drive|Sheets)\.(\w+)\.(\w+)$/;

/** A call refused for want of a scope: Apps Script's message, and the HTTP code of an advanced service's refusal. */
export interface ScopeRefusal {
  message: string;
  /** 403 for an advanced service (a GoogleJsonResponseException); absent for built-in services. */
  httpCode?: number;
}

/**
 * Why `granted` does not allow `method`, as Apps Script says it, or undefined when it does.
 * Built-in services: "Specified permissions are not sufficient to call SpreadsheetApp.openById.
 * Required permissions: https://www.googleapis.com/auth/spreadsheets" (several accepted scopes are
 * shown "(a || b)"), the message reported for a manifest whose explicit `oauthScopes` leaves the
 * scope out. Advanced services answer as their REST API does (HTTP 403 "Request had insufficient
 * authentication scopes."): see {@link advancedScopeError}.
 */
export function missingScope(method: string, granted: ReadonlySet<string>): ScopeRefusal | undefined {
  const needed = scopesFor(method);
  if (needed.length === 0 || needed.some((s) => granted.has(s))) return undefined;
  if (ADVANCED.test(method)) {
    return {
      message: `API call to ${restName(method)} failed with error: Request had insufficient authentication scopes.`,
      httpCode: 403,
    };
  }
  const shown = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
  return {
    message: `Specified permissions are not sufficient to call ${method}. Required permissions: ${shown}`,
  };
}

/** The REST name Apps Script prints for an advanced-service call: `AdminDirectory.Users.get` → `directory.users.get`. */
export function restName(method: string): string {
  const m = ADVANCED.exec(method);
  if (!m) return method;
  const api = m[1] === 'AdminDirectory' ? 'directory' : (m[1] as string).toLowerCase();
  return `${api}.${(m[2] as string).toLowerCase()}.${m[3]}`;
}
