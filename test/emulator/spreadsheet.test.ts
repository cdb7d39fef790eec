import { MIME, type Workspace } from '../../emulator/core/workspace';
import type { Execution } from '../../emulator/core/execution';
import {
  createSpreadsheetApp,
  readSheet,
  sheetNames,
  SpreadsheetContent,
} from '../../emulator/services/spreadsheet';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

type App = ReturnType<typeof createSpreadsheetApp>;

function setup(): { ws: Workspace; exec: Execution; app: App; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const ws = newWorkspace();
  const exec = newExec(ws);
  const app = createSpreadsheetApp(exec);
  const ss = app.create('Tracking');
  return { ws, exec, app, ss };
}

function sheet1(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName('Sheet1');
  if (!s) throw new Error('no Sheet1');
  return s;
}

/** Opens the spreadsheet as another user. */
function as(ws: Workspace, user: string, id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return createSpreadsheetApp(newExec(ws, user)).openById(id);
}

describe('data validation', () => {
  it('builds a list or email rule, sets it over a range, reads it back by cell, and leaves scripts’ own writes unchecked', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const list = app
      .newDataValidation()
      .requireValueInList(['Staff', 'Governor'], true)
      .setAllowInvalid(true)
      .setHelpText('One of: Staff, Governor')
      .build();
    sheet.getRange('D2:D10').setDataValidation(list);
    const got = sheet.getRange('D5').getDataValidation()!;
    expect([
      got.getCriteriaType(),
      got.getCriteriaValues(),
      got.getAllowInvalid(),
      got.getHelpText(),
    ]).toEqual(['VALUE_IN_LIST', [['Staff', 'Governor'], true], true, 'One of: Staff, Governor']);
    expect(sheet.getRange('D11').getDataValidation()).toBeNull();
    sheet.getRange('D5').setValue('Cook');
    expect(sheet.getRange('D5').getValue()).toBe('Cook');
    sheet.getRange('D2:D10').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    expect(sheet.getRange('D3').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    sheet.getRange('D2:D4').setDataValidation(null);
    expect(sheet.getRange('D3').getDataValidation()).toBeNull();
    expect(sheet.getRange('D5').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    sheet.getRange('D1:D20').setDataValidation(null);
    expect(sheet.getRange('D9').getDataValidation()).toBeNull();
    expect(() => app.newDataValidation().build()).toThrow('The data validation rule has no criteria.');
  });
});

describe('embedded charts', () => {
  it('builds a stacked bar chart over a range, inserts it with an ID, and updates or removes it by that ID', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(() => sheet.newChart().asBarChart().build()).toThrow('The chart has no data ranges.');
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:C3')).build()).toThrow(
      'The chart has no chart type.',
    );
    const chart = sheet
      .newChart()
      .asBarChart()
      .setStacked()
      .setTitle('By type')
      .addRange(sheet.getRange('A1:C3'))
      .setPosition(1, 4, 0, 0)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getChartId()).toEqual(expect.any(Number));
    expect(inserted?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C3']);
    expect(inserted?.getOptions().get('title')).toBe('By type');
    sheet.updateChart(
      inserted!.modify().clearRanges().addRange(sheet.getRange('A1:C5')).setOption('title', 'New').build(),
    );
    expect(
      sheet.getCharts().map((c) => [c.getRanges()[0]?.getA1Notation(), c.getOptions().get('title')]),
    ).toEqual([['A1:C5', 'New']]);
    expect(() => sheet.updateChart(chart)).toThrow('The chart does not exist on this sheet.');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('Sheet.hideSheet', () => {
  it('hides a sheet, does nothing when it is hidden already, and refuses to hide the only visible one', () => {
    const { ss } = setup();
    const first = ss.getSheets()[0]!;
    const tokens = ss.insertSheet('Form Tokens');
    expect(tokens.isSheetHidden()).toBe(false);
    tokens.hideSheet();
    tokens.hideSheet();
    expect(tokens.isSheetHidden()).toBe(true);
    expect(() => first.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    tokens.showSheet();
    first.hideSheet();
    expect([first.isSheetHidden(), tokens.isSheetHidden()]).toEqual([true, false]);
  });
});

describe('SpreadsheetApp', () => {
  it('create makes a spreadsheet file owned by the effective user with one 1000 x 26 sheet "Sheet1"', () => {
    const { ws, ss } = setup();
    const item = ws.drive.get(ss.getId());
    expect(item?.mimeType).toBe(MIME.spreadsheet);
    expect(item?.owner).toBe(BM);
    expect(item?.content).toBeInstanceOf(SpreadsheetContent);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(sheet1(ss).getMaxRows()).toBe(1000);
    expect(sheet1(ss).getMaxColumns()).toBe(26);
  });

  it('create with rows and columns sizes the first sheet', () => {
    const { app } = setup();
    const s = app.create('Small', 10, 3).getSheets()[0]!;
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([10, 3]);
  });

  it('getUrl gives the docs.google.com edit URL and openByUrl opens the same file', () => {
    const { app, ss } = setup();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(() => app.openByUrl('https://example.com/nothing')).toThrow('Invalid argument: url');
  });

  it('openById of an unknown ID throws Apps Script\'s "is missing" message', () => {
    const { app } = setup();
    expect(() => app.openById('nope')).toThrow(
      "Document nope is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  it('openById by a user without access throws the permission message', () => {
    const { ws, ss } = setup();
    expect(() => as(ws, TEACHER, ss.getId())).toThrow(
      'You do not have permission to access the requested document.',
    );
  });

  it('a viewer can read but a write throws the permission message', () => {
    const { ws, ss } = setup();
    sheet1(ss).getRange('A1').setValue('x');
    ss.addViewer(TEACHER);
    const theirs = as(ws, TEACHER, ss.getId());
    expect(sheet1(theirs).getRange('A1').getValue()).toBe('x');
    expect(() => sheet1(theirs).getRange('A1').setValue('y')).toThrow(
      'You do not have permission to perform that action.',
    );
  });

  it('openById counts one SpreadsheetApp.openById call', () => {
    const { ws, app, ss } = setup();
    const id = ss.getId();
    ws.accounting.reset();
    app.openById(id);
    expect(ws.accounting.tally()).toEqual([
      expect.objectContaining({ method: 'SpreadsheetApp.openById', calls: 1 }),
    ]);
  });

  it('ProtectionType enum has RANGE and SHEET; flush is counted', () => {
    const { ws, app } = setup();
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(String(app.ProtectionType.RANGE)).toBe('RANGE');
    app.flush();
    expect(ws.accounting.total('SpreadsheetApp.flush')).toBe(1);
  });
});

describe('Range values', () => {
  it('getValues returns a fresh 2-D array with "" for empty cells', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 2, 3);
    const v = r.getValues();
    expect(v).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    v[0]![0] = 'changed';
    expect(r.getValues()[0]![0]).toBe('');
  });

  it('setValues then getValues round-trips strings, numbers and booleans (1-based coordinates)', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    s.getRange(2, 2, 2, 2).setValues([
      ['a', 1.5],
      [true, 'b'],
    ]);
    expect(s.getRange('B2').getValue()).toBe('a');
    expect(s.getRange(3, 2).getValue()).toBe(true);
    expect(s.getRange(2, 3).getValue()).toBe(1.5);
  });

  it("setValues with the wrong number of rows throws Apps Script's message", () => {
    const { ss } = setup();
    expect(() =>
      sheet1(ss)
        .getRange(1, 1, 3, 2)
        .setValues([[1, 2]]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it("setValues with the wrong number of columns throws Apps Script's message", () => {
    const { ss } = setup();
    expect(() =>
      sheet1(ss)
        .getRange(1, 1, 1, 2)
        .setValues([[1, 2, 3]]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('a range outside the sheet throws "The coordinates of the range are outside the dimensions of the sheet."', () => {
    const { ss } = setup();
    expect(() => sheet1(ss).getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet1(ss).getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('row or column below 1 throws "The starting row/column of the range is too small."', () => {
    const { ss } = setup();
    expect(() => sheet1(ss).getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet1(ss).getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet1(ss).getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('strings that look like numbers or booleans become numbers and booleans', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 1, 4);
    r.setValues([['42', '-1.5', 'TRUE', 'false']]);
    expect(r.getValues()).toEqual([[42, -1.5, true, false]]);
  });

  it('ISO and en-GB date strings become Dates in the spreadsheet time zone', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 1, 3);
    r.setValues([['2026-09-01', '01/09/2026', '2026-09-01 14:30']]);
    const [iso, gb, withTime] = r.getValues()[0] as Date[];
    expect(iso!.toISOString()).toBe('2026-08-31T23:00:00.000Z');
    expect(gb!.toISOString()).toBe('2026-08-31T23:00:00.000Z');
    expect(withTime!.toISOString()).toBe('2026-09-01T13:30:00.000Z');
    expect(sheet1(ss).getRange('A2').setValue('31/02/2026').getValue()).toBe('31/02/2026');
  });

  it('Dates come back as Dates of the emulated clock and round-trip their instant', () => {
    const { ws, ss } = setup();
    const when = new Date('2026-10-05T12:34:56Z');
    const cell = sheet1(ss).getRange('C3');
    cell.setValue(when);
    const back = cell.getValue() as Date;
    expect(Object.prototype.toString.call(back)).toBe('[object Date]');
    expect(back).toBeInstanceOf(ws.clock.DateClass);
    expect(back.getTime()).toBe(when.getTime());
  });

  it('a leading apostrophe forces text and is not stored', () => {
    const { ss } = setup();
    const cell = sheet1(ss).getRange('A1');
    cell.setValue("'007");
    expect(cell.getValue()).toBe('007');
    expect(cell.getDisplayValues()).toEqual([['007']]);
  });

  it('plain-text format "@" keeps numeric strings as text', () => {
    const { ss } = setup();
    const cell = sheet1(ss).getRange('A1').setNumberFormat('@');
    cell.setValue('00123');
    expect(cell.getValue()).toBe('00123');
    cell.setValue('TRUE');
    expect(cell.getValue()).toBe('TRUE');
  });

  it('a string beginning with "=" is a formula: getFormulas gives it, getValues gives "#ERROR!" (not evaluated)', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 1, 2);
    r.setValues([['=COUNTA(B:B)', 'x']]);
    expect(r.getFormulas()).toEqual([['=COUNTA(B:B)', '']]);
    expect(r.getValues()).toEqual([['#ERROR!', 'x']]);
  });

  it('setValue on a multi-cell range sets every cell', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange('A1:B2');
    r.setValue(7);
    expect(r.getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('clearContent empties cells but keeps their formatting', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange('A1').setValue(0.5).setNumberFormat('0%');
    r.clearContent();
    expect(r.getValue()).toBe('');
    expect(r.getNumberFormats()).toEqual([['0%']]);
  });
});

describe('Range display and formats', () => {
  it('getDisplayValues formats dates by the cell number format in Europe/London', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    const instant = new Date('2026-09-01T08:05:09Z');
    const formats = ['d mmmm yyyy', 'dd mmmm yyyy', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm', 'yyyy-mm-dd hh:mm:ss'];
    const r = s.getRange(1, 1, 1, formats.length);
    r.setValues([formats.map(() => instant)]);
    r.setNumberFormats([formats]);
    expect(r.getDisplayValues()).toEqual([
      ['1 September 2026', '01 September 2026', '01/09/2026', '01/09/2026 09:05', '2026-09-01 09:05:09'],
    ]);
  });

  it('getDisplayValues formats numbers with "0", "0%" and "@"', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 1, 3);
    r.setValues([[2.6, 0.456, 12.5]]);
    r.setNumberFormats([['0', '0%', '@']]);
    expect(r.getDisplayValues()).toEqual([['3', '46%', '12.5']]);
    expect(r.getValues()).toEqual([[2.6, 0.456, 12.5]]);
  });

  it('automatic format shows dates as dd/mm/yyyy (with time when entered), booleans as TRUE/FALSE', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(1, 1, 1, 4);
    r.setValues([['2026-09-01', new Date('2026-12-24T18:00:00Z'), false, 1 / 3]]);
    expect(r.getDisplayValues()).toEqual([['01/09/2026', '24/12/2026 18:00:00', 'FALSE', '0.3333333333']]);
    expect(r.getNumberFormats()[0]!.slice(0, 2)).toEqual(['dd/mm/yyyy', 'dd/mm/yyyy hh:mm:ss']);
  });

  it('setSpreadsheetTimeZone changes how dates display; the default is the Workspace time zone', () => {
    const { ss } = setup();
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    const cell = sheet1(ss)
      .getRange('A1')
      .setValue(new Date('2026-09-01T23:30:00Z'))
      .setNumberFormat('dd/mm/yyyy hh:mm');
    expect(cell.getDisplayValues()).toEqual([['02/09/2026 00:30']]);
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(cell.getDisplayValues()).toEqual([['01/09/2026 19:30']]);
  });

  it('backgrounds default to white and read back normalised; font and wrap setters chain', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange('A1:B1');
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    r.setBackgrounds([['#FFF', 'red']])
      .setFontWeight('bold')
      .setFontColor('#333333')
      .setWrap(true);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ff0000']]);
    sheet1(ss).getRange('B1').setBackground(null);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });

  it('setNumberFormats and setBackgrounds with the wrong shape throw the dimension message', () => {
    const { ss } = setup();
    expect(() =>
      sheet1(ss)
        .getRange('A1:B1')
        .setNumberFormats([['0']]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('getNumberFormats reports "General" for unformatted cells', () => {
    const { ss } = setup();
    expect(sheet1(ss).getRange('A1').setValue(5).getNumberFormats()).toEqual([['General']]);
  });
});

describe('Range geometry', () => {
  it('getRow/getColumn/getNumRows/getNumColumns/getLastRow/getLastColumn describe the range itself', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange(2, 3, 4, 5);
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });

  it('A1 notation accepts cells, blocks, whole columns and open-ended ranges; bad text throws "Range not found"', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    expect(s.getRange('b2').getA1Notation()).toBe('B2');
    expect(s.getRange('$A$1:C3').getA1Notation()).toBe('A1:C3');
    expect(s.getRange('A:B').getNumRows()).toBe(1000);
    expect(s.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(() => s.getRange('not a range')).toThrow('Range not found');
  });

  it('offset moves the range and keeps or changes its size', () => {
    const { ss } = setup();
    const r = sheet1(ss).getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, -1, 1, 1).getA1Notation()).toBe('A2');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});

describe('Sheet', () => {
  it('getLastRow and getLastColumn are the last row/column with content (0 when empty)', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    s.getRange(5, 2).setValue('x');
    s.getRange(3, 4).setValue(0);
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([5, 4]);
    expect(s.getDataRange().getA1Notation()).toBe('A1:D5');
  });

  it('getDataRange of an empty sheet is A1', () => {
    const { ss } = setup();
    expect(sheet1(ss).getDataRange().getValues()).toEqual([['']]);
  });

  it('appendRow writes after the last row with content, converting values', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    s.getRange('A1:B1').setValues([['h1', 'h2']]);
    s.appendRow(['x', '12']);
    expect(s.getRange('A2:B2').getValues()).toEqual([['x', 12]]);
  });

  it('appendRow grows the sheet when it is full', () => {
    const { app } = setup();
    const s = app.create('Full', 2, 2).getSheets()[0]!;
    s.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    s.appendRow([5, 6, 7]);
    expect([s.getMaxRows(), s.getMaxColumns(), s.getLastRow()]).toEqual([3, 3, 3]);
    expect(s.getRange('A3:C3').getValues()).toEqual([[5, 6, 7]]);
  });

  it('insertRowsAfter and insertColumnsAfter shift data and grow the sheet', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    s.getRange('A1:B2').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    s.insertRowsAfter(1, 2);
    s.insertColumnsAfter(1, 1);
    expect(s.getMaxRows()).toBe(1002);
    expect(s.getMaxColumns()).toBe(27);
    expect(s.getRange('A1:C4').getValues()).toEqual([
      ['a', '', 'b'],
      ['', '', ''],
      ['', '', ''],
      ['c', '', 'd'],
    ]);
  });

  it('deleteRows removes rows and refuses to delete every non-frozen row', () => {
    const { app } = setup();
    const s = app.create('D', 4, 1).getSheets()[0]!;
    s.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
    s.deleteRows(2, 2);
    expect(s.getRange('A1:A2').getValues()).toEqual([[1], [4]]);
    expect(s.getMaxRows()).toBe(2);
    s.setFrozenRows(1);
    expect(s.getFrozenRows()).toBe(1);
    expect(() => s.deleteRows(2, 1)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => s.deleteRows(3, 1)).toThrow('Those rows are out of bounds.');
  });

  it('clear removes content and formatting, clearContents only content', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    const cell = s.getRange('A1').setValue(1).setBackground('#ff0000');
    s.clearContents();
    expect(cell.getValue()).toBe('');
    expect(cell.getBackgrounds()).toEqual([['#ff0000']]);
    cell.setValue(1);
    s.clear();
    expect(cell.getValue()).toBe('');
    expect(cell.getBackgrounds()).toEqual([['#ffffff']]);
  });

  it("setName renames; a duplicate name (any case) throws Apps Script's message", () => {
    const { ss } = setup();
    ss.insertSheet('Audit');
    expect(() => sheet1(ss).setName('audit')).toThrow(
      'A sheet with the name "audit" already exists. Please enter another name.',
    );
    sheet1(ss).setName('Signatures');
    expect(ss.getSheetByName('Signatures')?.getSheetId()).toBe(0);
  });

  it('tab colour, column widths and auto-resize are kept', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    s.setTabColor('#00ff00').setColumnWidth(2, 250);
    expect(s.getTabColor()).toBe('#00ff00');
    expect(s.getColumnWidth(2)).toBe(250);
    expect(s.getColumnWidth(3)).toBe(100);
    s.getRange('A1').setValue('a rather long header');
    s.autoResizeColumns(1, 1);
    expect(s.getColumnWidth(1)).toBeGreaterThan(100);
  });

  it('createFilter on a sheet that already has a filter throws; getFilter and remove work', () => {
    const { ss } = setup();
    const s = sheet1(ss);
    expect(s.getFilter()).toBeNull();
    s.getRange('A1:C10').createFilter();
    expect(s.getFilter()?.getRange().getA1Notation()).toBe('A1:C10');
    expect(() => s.getRange('A1:B2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    s.getFilter()?.remove();
    expect(s.getFilter()).toBeNull();
  });

  it('conditional format rules are stored and read back with their ranges', () => {
    const { app, ss } = setup();
    const s = sheet1(ss);
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Overdue')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setRanges([s.getRange('G2:G')])
      .build();
    s.setConditionalFormatRules([rule]);
    const rules = s.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['G2:G1000']);
  });
});

describe('Spreadsheet', () => {
  it('getSheetByName returns null for a missing sheet', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it("insertSheet with a taken name throws Apps Script's message", () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  it('insertSheet adds a 1000 x 26 sheet after the active one and deleteSheet removes it', () => {
    const { ss } = setup();
    const a = ss.insertSheet('A');
    ss.insertSheet('B');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'A', 'B']);
    expect([a.getMaxRows(), a.getMaxColumns()]).toEqual([1000, 26]);
    expect(a.getSheetId()).not.toBe(0);
    ss.deleteSheet(a);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'B']);
  });

  it('deleting the only sheet throws', () => {
    const { ss } = setup();
    expect(() => ss.deleteSheet(sheet1(ss))).toThrow("You can't remove all the sheets in a document.");
  });

  it('rename changes the file name', () => {
    const { ws, ss } = setup();
    ss.rename('AUP Tracking');
    expect(ss.getName()).toBe('AUP Tracking');
    expect(ws.drive.get(ss.getId())?.name).toBe('AUP Tracking');
  });

  it('addEditor, addViewer, getEditors and getOwner manage sharing', () => {
    const { ss } = setup();
    expect(ss.getOwner()?.getEmail()).toBe(BM);
    ss.addViewer(TEACHER);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([BM]);
    ss.addEditor(TEACHER);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([BM, TEACHER]);
    expect(ss.getViewers()).toEqual([]);
  });
});

describe('Protection', () => {
  function shared(): {
    ws: Workspace;
    ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
    prot: GoogleAppsScript.Spreadsheet.Protection;
  } {
    const { ws, ss } = setup();
    ss.addEditor(TEACHER);
    const prot = sheet1(ss).protect().setDescription('Audit log');
    return { ws, ss, prot };
  }

  it('a new protection mirrors the spreadsheet editors, so editors can still write', () => {
    const { ws, ss, prot } = shared();
    expect(prot.getEditors().map((u) => u.getEmail())).toEqual([BM, TEACHER]);
    sheet1(as(ws, TEACHER, ss.getId()))
      .getRange('A1')
      .setValue('ok');
    expect(sheet1(ss).getRange('A1').getValue()).toBe('ok');
  });

  it('after removeEditors a non-editor write throws the protected-cell message; the owner still writes', () => {
    const { ws, ss, prot } = shared();
    prot.removeEditors(prot.getEditors());
    expect(prot.getEditors().map((u) => u.getEmail())).toEqual([BM]);
    const theirs = sheet1(as(ws, TEACHER, ss.getId()));
    expect(() => theirs.getRange('A1').setValue('no')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => theirs.appendRow(['no'])).toThrow('You are trying to edit a protected cell or object.');
    sheet1(ss).appendRow(['owner']);
    expect(sheet1(ss).getLastRow()).toBe(1);
  });

  it('canEdit reflects the protection for the current user and addEditor grants it', () => {
    const { ws, ss, prot } = shared();
    prot.removeEditor(TEACHER);
    const theirs = () => sheet1(as(ws, TEACHER, ss.getId())).getProtections(SHEET)[0]!;
    expect(theirs().canEdit()).toBe(false);
    expect(prot.canEdit()).toBe(true);
    prot.addEditors([TEACHER]);
    expect(theirs().canEdit()).toBe(true);
    sheet1(as(ws, TEACHER, ss.getId()))
      .getRange('A1')
      .setValue('now ok');
  });

  it('warning-only protection blocks no one', () => {
    const { ws, ss, prot } = shared();
    prot.removeEditor(TEACHER).setWarningOnly(true);
    expect(prot.isWarningOnly()).toBe(true);
    sheet1(as(ws, TEACHER, ss.getId()))
      .getRange('A1')
      .setValue('fine');
  });

  it('protect() returns the existing protection; getProtections(SHEET) lists it; remove unprotects', () => {
    const { ss, prot } = shared();
    expect(sheet1(ss).protect().getDescription()).toBe('Audit log');
    expect(sheet1(ss).getProtections(SHEET)).toHaveLength(1);
    expect(sheet1(ss).getProtections(RANGE)).toHaveLength(0);
    expect(prot.getRange().getA1Notation()).toBe('A1:Z1000');
    prot.remove();
    expect(sheet1(ss).getProtections(SHEET)).toHaveLength(0);
  });
});

const SHEET = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

describe('Accounting and size', () => {
  it('a 3,000 x 25 batch write and read are one counted call each and fast', () => {
    const { ws, app } = setup();
    const s = app.create('Big', 3000, 25).getSheets()[0]!;
    const data = Array.from({ length: 3000 }, (_, i) =>
      Array.from({ length: 25 }, (_, j) =>
        j === 0 ? `row ${i}` : j === 1 ? new Date(Date.UTC(2026, 0, 1 + (i % 300))) : i * j,
      ),
    );
    ws.accounting.reset();
    const started = Date.now();
    const r = s.getRange(1, 1, 3000, 25);
    r.setValues(data);
    const back = r.getValues();
    const shown = r.getDisplayValues();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(ws.accounting.total('Range.setValues')).toBe(1);
    expect(ws.accounting.total('Range.getValues')).toBe(1);
    expect(ws.accounting.total('Range.getDisplayValues')).toBe(1);
    expect(back[2999]![24]).toBe(2999 * 24);
    expect(shown[0]![1]).toBe('01/01/2026 00:00:00');
    expect(s.getLastRow()).toBe(3000);
  });

  it('each call advances the execution clock by its modelled latency', () => {
    const { exec, ss } = setup();
    const before = exec.elapsedMs;
    sheet1(ss).getRange('A1').getValues();
    expect(exec.elapsedMs).toBeGreaterThan(before);
  });
});

describe('Exporters and copies', () => {
  it('readSheet gives the data range values and display strings; sheetNames lists tabs', () => {
    const { ws, ss } = setup();
    ss.insertSheet('Audit');
    const s = sheet1(ss);
    s.getRange('A1:C2').setValues([
      ['Name', 'When', 'Share'],
      ['Ann', '2026-09-01', 0.5],
    ]);
    s.getRange('C2').setNumberFormat('0%');
    const out = readSheet(ws, ss.getId(), 'Sheet1');
    expect(out.display).toEqual([
      ['Name', 'When', 'Share'],
      ['Ann', '01/09/2026', '50%'],
    ]);
    expect(Object.prototype.toString.call(out.values[1]![1])).toBe('[object Date]');
    expect(sheetNames(ws, ss.getId())).toEqual(['Sheet1', 'Audit']);
  });

  it('content clone is independent and toText lists each sheet with its rows', () => {
    const { ws, ss } = setup();
    sheet1(ss)
      .getRange('A1:B1')
      .setValues([['a', 1]]);
    const content = ws.drive.get(ss.getId())!.content as SpreadsheetContent;
    const copy = content.clone();
    sheet1(ss).getRange('A1').setValue('changed');
    expect(copy.toText()).toBe('Sheet1\na\t1\n');
    expect(content.toText()).toContain('changed');
  });
});
