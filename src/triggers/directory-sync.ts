import { loadConfig } from '../gas/config-store';
import type { Config } from '../core/config';
import { DirectoryRefused, readDirectory, type DirectoryRead } from '../gas/directory-read';
import { callServer } from '../gas/server-client';
import { SYNC_KEY } from '../server/directory-sync';

/** Name of the daily installable trigger an administrator installs to read the staff list. */
export const DIRECTORY_TRIGGER = 'onDirectorySync';

/** Script Properties key: the administrators whose daily trigger reads the staff list (`owners`), and when the last installed it. */
export const DIRECTORY_KEY = 'AUP_SIGNER_DIRECTORY_READER';

/** The directory's people in the configured sources as this user reads them, or why they could not. */
function readAsMe(config: Config): DirectoryRead | string {
  try {
    return readDirectory(config.directorySources);
  } catch (e) {
    if (!(e instanceof DirectoryRefused)) throw e;
    return `${e.message} Ask your Google Workspace administrator to open AUP Signer and press Read the staff list daily: it is then read once a day as them, read-only.`;
  }
}

/** Has the web app apply what was read (op `directorySync`). @returns what it said */
function apply(read: DirectoryRead): string {
  return callServer('directorySync', {
    people: JSON.stringify(read.people),
    problems: JSON.stringify(read.problems),
  }).message;
}

/**
 * Reads the staff list from the directory as the user running this (an administrator) and has
 * the web app apply it, when Settings take it from the directory.
 * @returns a sentence for a card: what changed, or why nothing could be read (a non-administrator
 *   is told who can do it)
 */
export function syncDirectoryNow(): string {
  const config = loadConfig();
  if (!config) return 'AUP Signer is not set up yet.';
  if (config.staffSource === 'sheet')
    return 'Settings take the staff list from the Staff sheet: nothing to sync.';
  const read = readAsMe(config);
  return typeof read === 'string' ? read : apply(read);
}

/** The administrators whose daily trigger reads the staff list (a record from before several were kept names one `owner`). */
export function directoryReaders(
  props: Readonly<Record<string, string>> = PropertiesService.getScriptProperties().getProperties(),
): string[] {
  const r = JSON.parse(props[DIRECTORY_KEY] ?? '{}') as { owners?: string[]; owner?: string };
  return r.owners ?? (r.owner ? [r.owner] : []);
}

/**
 * The daily trigger's run: reads and applies the staff list; when that fails (the directory
 * refused this administrator, a group is gone), the record of the last sync says so, and the run
 * fails with the reason, so Apps Script's failure email reaches the administrator.
 */
export function dailyDirectorySync(): void {
  const said = syncDirectoryNow();
  if (/^Staff list synced/.test(said)) return;
  const record = {
    on: Utilities.formatDate(new Date(), 'Europe/London', 'yyyy-MM-dd'),
    at: new Date().toISOString(),
    by: Session.getEffectiveUser().getEmail().toLowerCase(),
    summary: `not read: ${said}`,
  };
  PropertiesService.getScriptProperties().setProperty(SYNC_KEY, JSON.stringify(record));
  throw new Error(said);
}

/**
 * Read the staff list daily (an administrator): reads it now as them (a non-administrator is
 * told who can, and nothing is installed), records them as its reader and installs the daily
 * trigger that reads it as them an hour before the daily run (so joiners are invited and leavers
 * left alone the same day), unless they have it already, then has the web app apply it.
 * @returns a sentence for the card
 */
export function installDirectorySync(): string {
  const config = loadConfig();
  if (!config || config.staffSource === 'sheet') return syncDirectoryNow();
  const read = readAsMe(config);
  if (typeof read === 'string') return read;
  if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === DIRECTORY_TRIGGER)) {
    PropertiesService.getScriptProperties().setProperty(
      DIRECTORY_KEY,
      JSON.stringify({
        owner: Session.getEffectiveUser().getEmail().toLowerCase(),
        at: new Date().toISOString(),
      }),
    );
    ScriptApp.newTrigger('onDirectorySync')
      .timeBased()
      .everyDays(1)
      .atHour(Math.max(0, config.sendHour - 1))
      .inTimezone('Europe/London')
      .create();
  }
  return `${apply(read)} It is read as you every day from now on.`;
}
