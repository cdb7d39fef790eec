import type { Execution } from './core/execution';
import type { ModelledAdvancedService } from './core/manifest';
import { createAdminDirectory } from './services/admin-directory';
import { createCacheService } from './services/cache';
import { createCardService } from './services/card';
import { createContentService } from './services/content';
import { createDocumentApp } from './services/document';
import { createDriveApp } from './services/drive';
import { createDocsApi } from './services/docs-api';
import { createDriveApi } from './services/drive-api';
import { createSheetsApi } from './services/sheets-api';
import { createFormApp } from './services/forms';
import { createGmailApp } from './services/gmail';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logger';
import { createMailApp } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script';
import { createSession } from './services/session';
import { createSpreadsheetApp } from './services/spreadsheet';
import { createUrlFetchApp } from './services/url-fetch';
import { createUtilities } from './services/utilities';

/** Each modelled advanced service's global, built for one execution. */
const ADVANCED: Record<ModelledAdvancedService, (exec: Execution) => unknown> = {
  'admin/directory_v1': createAdminDirectory,
  'docs/v1': createDocsApi,
  'drive/v3': createDriveApi,
  'sheets/v4': createSheetsApi,
};

/**
 * The global object of one execution: every built-in service bound to `exec`, the advanced
 * services the manifest enables under their userSymbol (and no others: an advanced service not
 * enabled is not defined, so naming it is V8's `ReferenceError`, as in Apps Script), the clock's
 * `Date`, and nothing of Node's (no require, process, Buffer or setTimeout).
 * @param advanced the enabled advanced services by userSymbol (manifest.ts `advancedServices`)
 */
export function executionGlobals(
  exec: Execution,
  advanced: ReadonlyMap<string, ModelledAdvancedService>,
): Record<string, unknown> {
  const enabled = Object.fromEntries(
    [...advanced].map(([symbol, service]) => [symbol, ADVANCED[service](exec)]),
  );
  return {
    Date: exec.ws.clock.DateClass,
    console: createConsole(exec),
    Logger: createLogger(exec),
    Session: createSession(exec),
    Utilities: createUtilities(exec),
    PropertiesService: createPropertiesService(exec),
    CacheService: createCacheService(exec),
    LockService: createLockService(exec),
    SpreadsheetApp: createSpreadsheetApp(exec),
    DocumentApp: createDocumentApp(exec),
    DriveApp: createDriveApp(exec),
    FormApp: createFormApp(exec),
    MailApp: createMailApp(exec),
    GmailApp: createGmailApp(exec),
    CardService: createCardService(exec),
    ScriptApp: createScriptApp(exec),
    UrlFetchApp: createUrlFetchApp(exec),
    ContentService: createContentService(exec),
    ...enabled,
  };
}
