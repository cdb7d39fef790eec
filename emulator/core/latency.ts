/**
 * Modelled latency of each emulated service call, in milliseconds.
 *
 * Google publishes no per-call latency table, so these figures are an explicit model, each row
 * naming the public measurement it follows. They exist to compare designs (batched against
 * naive, calls per action, executions a job needs), not to predict wall time to the second.
 *
 * Sources:
 * - [PERF]  Luis Peralta, "Google Apps Script APIs performance" (ziritione.org/post/apps_script_performance):
 *           PropertiesService getProperty avg 30 ms, setProperty avg 62 ms; CacheService get 3 ms,
 *           put 93 ms (100 runs each).
 * - [BLOG]  Google Apps Script blog, "Optimizing Spreadsheet Operations" (June 2010) and the
 *           ScriptDb/SpreadsheetApp comparison it prompted: a 4,000-cell `setValues` under 50 ms,
 *           `flush()` about 600 ms, one `appendRow` per row about 30x a single batch write.
 * - [BEST]  developers.google.com/apps-script/guides/support/best-practices: "calls to other
 *           services are relatively slow"; batch reads and writes.
 * - [QUOTA] developers.google.com/apps-script/guides/services/quotas (limits, not latency).
 * - [EST]   this project's estimate for calls no public figure covers: a network round trip to a
 *           Google API (~150-300 ms), documents and Drive copies slower than a sheet read.
 */
/**
 * What each cell read or written adds to a range's `getValues` / `setValues` (ms): [BLOG] a
 * 4,000-cell write under 50 ms, so about 20 ms for 4,000 cells over the call's own 30 ms.
 */
export const CELL_MS = 0.005;

const TABLE: ReadonlyArray<[prefix: string, ms: number, source: string]> = [
  ['PropertiesService.', 1, '[EST] store handle, no round trip'],
  ['Properties.getProperty', 30, '[PERF]'],
  ['Properties.getProperties', 30, '[PERF]'],
  ['Properties.getKeys', 30, '[PERF]'],
  ['Properties.setProperty', 62, '[PERF]'],
  ['Properties.setProperties', 62, '[PERF]'],
  ['Properties.deleteProperty', 62, '[PERF]'],
  ['CacheService.', 1, '[EST] store handle'],
  ['Cache.get', 3, '[PERF]'],
  ['Cache.getAll', 3, '[PERF]'],
  ['Cache.put', 93, '[PERF]'],
  ['Cache.putAll', 93, '[PERF]'],
  ['Cache.remove', 93, '[PERF]'],
  ['LockService.', 1, '[EST]'],
  ['Lock.', 20, '[EST] a lock round trip'],
  ['SpreadsheetApp.openById', 300, '[EST] opening a file'],
  ['SpreadsheetApp.create', 1500, '[EST] creating a file'],
  ['SpreadsheetApp.openByUrl', 300, '[EST] opening a file'],
  ['SpreadsheetApp.newConditionalFormatRule', 0, 'builder'],
  ['ConditionalFormatRuleBuilder.', 0, 'builder'],
  ['SpreadsheetApp.newDataValidation', 0, 'builder'],
  ['DataValidationBuilder.', 0, 'builder'],
  ['DataValidation.', 0, 'builder'],
  ['EmbeddedChartBuilder.', 0, 'builder'],
  ['EmbeddedChart.', 1, 'local: a chart already fetched'],
  ['ConditionalFormatRule.', 0, 'builder'],
  ['Protection.', 5, '[EST]'],
  ['Filter.', 5, '[EST]'],
  ['SpreadsheetApp.flush', 600, '[BLOG] flush ~610 ms'],
  ['Range.getValues', 30, '[BLOG] one batched read, plus CELL_MS a cell'],
  ['Range.setValues', 30, '[BLOG] 4,000 cells under 50 ms: 30 ms plus CELL_MS a cell'],
  ['Range.getDisplayValues', 30, '[BLOG] as getValues, plus CELL_MS a cell'],
  ['Range.getFormulas', 30, '[BLOG] as getValues, plus CELL_MS a cell'],
  ['Range.getNumberFormats', 30, '[BLOG] as getValues, plus CELL_MS a cell'],
  ['Range.setValue', 40, '[BLOG] cell-by-cell is two orders slower than one batch'],
  ['Range.getValue', 40, '[BLOG]'],
  ['Sheet.appendRow', 30, '[BLOG] line-by-line ~164 ms per 400 rows without flush, ~30x a batch'],
  ['Sheet.getLastRow', 20, '[EST] metadata read'],
  ['Sheet.getLastColumn', 20, '[EST] metadata read'],
  ['Sheet.', 5, '[EST] sheet handle or formatting, batched by the service'],
  ['Spreadsheet.', 5, '[EST] spreadsheet handle'],
  ['Range.', 5, '[EST] range handle or formatting'],
  ['DocumentApp.openById', 400, '[EST] opening a document'],
  ['DocumentApp.create', 1200, '[EST] creating a document'],
  ['DocumentApp.openByUrl', 400, '[EST] opening a document'],
  ['RangeElement.', 1, '[EST]'],
  ['FileIterator.', 5, '[EST] pages already fetched'],
  ['FolderIterator.', 5, '[EST] pages already fetched'],
  ['PageBreak.', 5, '[EST]'],
  ['HorizontalRule.', 5, '[EST]'],
  ['Document.saveAndClose', 300, '[EST] writing a document back'],
  ['Body.replaceText', 60, '[EST] a server-side edit per call'],
  ['Document.', 5, '[EST]'],
  ['Body.', 10, '[EST]'],
  ['Paragraph.', 5, '[EST]'],
  ['ListItem.', 5, '[EST]'],
  ['Table.', 5, '[EST]'],
  ['TableRow.', 5, '[EST]'],
  ['TableCell.', 5, '[EST]'],
  ['Text.', 5, '[EST]'],
  ['DriveApp.', 200, '[EST] a Drive API round trip'],
  ['File.makeCopy', 1500, '[EST] a Drive copy'],
  ['File.getAs', 1500, '[EST] a PDF export'],
  ['File.getId', 1, 'local: a field of the file already fetched'],
  ['File.getUrl', 1, 'local: a field of the file already fetched'],
  ['File.getName', 1, 'local: a field of the file already fetched'],
  ['Folder.getId', 1, 'local: a field of the folder already fetched'],
  ['Folder.getUrl', 1, 'local: a field of the folder already fetched'],
  ['Folder.getName', 1, 'local: a field of the folder already fetched'],
  ['Form.getId', 1, 'local: a field of the form already opened'],
  ['Form.getPublishedUrl', 1, 'local: a field of the form already opened'],
  ['Form.getEditUrl', 1, 'local: a field of the form already opened'],
  ['Spreadsheet.getId', 1, 'local: a field of the spreadsheet already opened'],
  ['Document.getId', 1, 'local: a field of the document already opened'],
  ['Execution.start', 150, '[EST] an execution starting: the V8 runtime and the script loaded'],
  ['File.', 150, '[EST] a Drive API round trip'],
  ['Folder.createFile', 800, '[EST] an upload'],
  ['Folder.', 150, '[EST] a Drive API round trip'],
  ['FormApp.create', 1500, '[EST] creating a file'],
  ['FormApp.', 300, '[EST]'],
  ['Form.', 100, '[EST]'],
  ['FormResponse.submit', 300, '[EST] a form submission'],
  ['FormResponse.', 5, '[EST]'],
  ['ItemResponse.', 1, '[EST]'],
  ['Item.', 5, '[EST]'],
  ['TextItem.', 5, '[EST]'],
  ['CheckboxItem.', 5, '[EST]'],
  ['HTTPResponse.', 0, 'local: the response is already fetched'],
  ['MailApp.sendEmail', 250, '[EST] a send'],
  ['MailApp.getRemainingDailyQuota', 20, '[EST]'],
  ['GmailApp.', 150, '[EST]'],
  ['GmailMessage.', 5, '[EST]'],
  ['ScriptApp.newTrigger', 5, '[EST] builder'],
  ['ScriptApp.', 100, '[EST]'],
  ['ScriptApp.getOAuthToken', 5, "[EST] local: the execution's own access token, minted as it starts"],
  ['TriggerBuilder.', 1, '[EST] builder'],
  ['ClockTriggerBuilder.create', 300, '[EST]'],
  ['ClockTriggerBuilder.', 1, '[EST] builder'],
  ['FormTriggerBuilder.', 1, '[EST] builder'],
  ['FormTriggerBuilder.create', 300, '[EST]'],
  ['Trigger.', 1, '[EST]'],
  ['UrlFetchApp.fetch', 250, '[EST] round trip, plus the web app run it reaches'],
  ['AdminDirectory.', 250, '[EST] a Directory API round trip'],
  ['Drive.', 250, '[EST] a Drive API round trip'],
  ['Drive.Files.copy', 1500, '[EST] a Drive copy, as File.makeCopy'],
  ['Docs.Documents.get', 300, '[EST] a Docs API round trip returning the whole document'],
  ['Sheets.', 250, '[EST] a Sheets API round trip'],
  ['Docs.Documents.batchUpdate', 400, '[EST] a Docs API round trip applying every edit of a document'],
  ['Session.', 1, '[EST] local'],
  ['Utilities.sleep', 0, 'advances the clock by the time slept instead'],
  ['Utilities.', 1, '[EST] local'],
  ['CardService.', 0, 'builders run in the script, no round trip'],
  ['Logger.', 0, 'local'],
  ['console.', 0, 'local'],
  ['User.', 0, 'local'],
  ['TextOutput.', 0, 'local'],
  ['GmailApp.setCurrentMessageAccessToken', 0, 'local'],
];

/** Modelled latency in ms for a `Service.method` name: the longest matching row of the table. */
export function latencyOf(method: string): number {
  let best: [string, number, string] | undefined;
  for (const row of TABLE) {
    if (method.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  }
  return best ? best[1] : 10;
}
