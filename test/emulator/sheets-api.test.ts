import { createSheetsApi } from '../../emulator/services/sheets-api';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { newExec, newWorkspace } from './support';

function setup() {
  const ws = newWorkspace();
  const exec = newExec(ws);
  const ss = createSpreadsheetApp(exec).create('Tracking');
  ss.getSheets()[0]!.setName('Signatures');
  return { ws, exec, ss, api: createSheetsApi(exec).Spreadsheets };
}

describe('the Sheets API advanced service: filter views', () => {
  it('adds, reads back, updates and deletes filter views, each with a spreadsheet-wide ID', () => {
    const { ss, api } = setup();
    const id = ss.getId();
    const range = { sheetId: 0, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 5 };
    const criteria = { 3: { hiddenValues: ['Complete'] } };
    const res = api.batchUpdate(
      { requests: [{ addFilterView: { filter: { title: 'Needs chasing', range, criteria } } }] },
      id,
    );
    const added = res.replies?.[0]?.addFilterView?.filter;
    expect(added).toMatchObject({ title: 'Needs chasing', criteria, range: { ...range, endRowIndex: 1000 } });
    const got = api.get(id).sheets?.[0];
    expect(got?.properties).toMatchObject({ sheetId: 0, title: 'Signatures' });
    expect(got?.filterViews?.map((v) => [v.filterViewId, v.title])).toEqual([
      [added?.filterViewId, 'Needs chasing'],
    ]);
    api.batchUpdate(
      {
        requests: [
          {
            updateFilterView: {
              filter: { filterViewId: added?.filterViewId, criteria: { 2: { hiddenValues: ['x'] } } },
              fields: 'criteria',
            },
          },
        ],
      },
      id,
    );
    expect(api.get(id).sheets?.[0]?.filterViews?.[0]?.criteria).toEqual({ 2: { hiddenValues: ['x'] } });
    api.batchUpdate({ requests: [{ deleteFilterView: { filterId: added?.filterViewId } }] }, id);
    expect(api.get(id).sheets?.[0]?.filterViews).toEqual([]);
  });

  it('applies a batch all or none, refusing an unknown view or a column outside the range with a 400', () => {
    const { ss, api } = setup();
    const id = ss.getId();
    const good = { addFilterView: { filter: { title: 'A', range: { sheetId: 0, endColumnIndex: 3 } } } };
    expect(() => api.batchUpdate({ requests: [good, { deleteFilterView: { filterId: 42 } }] }, id)).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].deleteFilterView: No filter view with id: 42',
    );
    expect(api.get(id).sheets?.[0]?.filterViews).toEqual([]);
    expect(() =>
      api.batchUpdate(
        {
          requests: [
            {
              addFilterView: {
                filter: { title: 'B', range: { sheetId: 0, endColumnIndex: 3 }, criteria: { 7: {} } },
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(/criteria column 7 is outside the filter view's range/);
  });

  it('answers 404 for a spreadsheet that is not there, and 403 when the Sheets API is off in the Cloud project', () => {
    const { ws, ss, api } = setup();
    expect(() => api.get('nope-nope-nope')).toThrow('Requested entity was not found.');
    ws.tenant.cloudApis.delete('sheets');
    expect(() => api.get(ss.getId())).toThrow(/Google Sheets API has not been used in project/);
  });

  it('changes the very spreadsheet SpreadsheetApp has open: one file, not a copy', () => {
    const { ss, api } = setup();
    const sheet = ss.getSheets()[0]!;
    api.batchUpdate(
      { requests: [{ addFilterView: { filter: { title: 'A', range: { sheetId: 0, endColumnIndex: 2 } } } }] },
      ss.getId(),
    );
    sheet.getRange('A1').setValue('still here');
    expect(api.get(ss.getId()).sheets?.[0]?.filterViews).toHaveLength(1);
    expect(sheet.getRange('A1').getValue()).toBe('still here');
  });
});
