/**
 * The advanced services the manifest enables (appsscript.json `enabledAdvancedServices`). Where
 * one is not enabled, Apps Script does not define its name at all, so these throw V8's own
 * `ReferenceError: Drive is not defined` (or AdminDirectory), as Apps Script does.
 */

/** The Drive API v3 advanced service (userSymbol `Drive`). @throws ReferenceError when not enabled */
export function driveApi(): GoogleAppsScript.Drive {
  return Drive as GoogleAppsScript.Drive;
}

/** The Google Docs API advanced service (userSymbol `Docs`). @throws ReferenceError when not enabled */
export function docsApi(): GoogleAppsScript.Docs {
  return Docs as GoogleAppsScript.Docs;
}

/** The Google Sheets API advanced service (userSymbol `Sheets`). @throws ReferenceError when not enabled */
export function sheetsApi(): GoogleAppsScript.Sheets {
  return Sheets as GoogleAppsScript.Sheets;
}

/** The Admin SDK Directory API advanced service (userSymbol `AdminDirectory`). @throws ReferenceError when not enabled */
export function directoryApi(): GoogleAppsScript.AdminDirectory {
  return AdminDirectory as GoogleAppsScript.AdminDirectory;
}

/**
 * Names every advanced service the add-on uses, so that work needing them stops before it starts
 * where the manifest lacks one: V8's `ReferenceError: Drive is not defined`, as in Apps Script.
 */
export function requireAdvancedServices(): void {
  driveApi();
  docsApi();
  directoryApi();
}

/** Which advanced services this execution has (for Check deployment, which must not throw). */
export function enabledAdvancedServices(): {
  Drive: boolean;
  Docs: boolean;
  Sheets: boolean;
  AdminDirectory: boolean;
} {
  return {
    Drive: typeof Drive !== 'undefined',
    Docs: typeof Docs !== 'undefined',
    Sheets: typeof Sheets !== 'undefined',
    AdminDirectory: typeof AdminDirectory !== 'undefined',
  };
}
