import { Execution } from '../../emulator/core/execution';
import { createLockService } from '../../emulator/services/lock';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { createUtilities } from '../../emulator/services/utilities';
import { SIGNATURE_HEADERS } from '../../src/core/columns';
import type { Config } from '../../src/core/config';
import type * as TrackingModule from '../../src/gas/tracking';
import type * as StoreModule from '../../src/server/store';
import { newWorkspace } from '../emulator/support';

/**
 * A tracking spreadsheet with rows R-1 and R-2 (Invited), opened as the web app would, with the
 * add-on's modules loaded afresh: an execution starts with the script's globals new.
 */
function sheetWithTwoRows() {
  let Tracking!: typeof TrackingModule.Tracking;
  let store!: typeof StoreModule;
  jest.isolateModules(() => {
    ({ Tracking } = jest.requireActual<typeof TrackingModule>('../../src/gas/tracking'));
    store = jest.requireActual<typeof StoreModule>('../../src/server/store');
  });
  const ws = newWorkspace();
  const exec = new Execution(ws, 'webapp', 'bm@school.example', 'bm@school.example');
  const sheets = createSpreadsheetApp(exec);
  Object.assign(globalThis, {
    SpreadsheetApp: sheets,
    LockService: createLockService(exec),
    Utilities: createUtilities(exec),
  });
  const ss = sheets.create('Tracking');
  const sheet = ss.getSheets()[0]!;
  sheet.setName('Signatures');
  const row = (id: string, name: string) =>
    SIGNATURE_HEADERS.map((h) =>
      h === 'Request ID' ? id : h === 'Status' ? 'Invited' : h === 'Name' ? name : '',
    );
  sheet
    .getRange(1, 1, 3, SIGNATURE_HEADERS.length)
    .setValues([[...SIGNATURE_HEADERS], row('R-1', 'Ann'), row('R-2', 'Bea')]);
  ss.insertSheet('Audit').appendRow(['At', 'Actor', 'Action', 'Request ID', 'Details']);
  ss.insertSheet('Dashboard');
  const tracking = Tracking.openById(ss.getId());
  const reads = () => ws.accounting.tally().find((t) => t.method === 'Range.getValues')?.calls ?? 0;
  const names = () => tracking.readSignatures().requests.map((s) => `${s.row}:${s.request.name}`);
  return { ws, sheet, ss, tracking, reads, names, ...store };
}

describe('the read a change began from is kept after it, with the change, so the card needs no second read', () => {
  it('a one-row change: the row as written, the others as read, and no read of the sheet after', () => {
    const { tracking, reads, names, sheet, changeRow } = sheetWithTwoRows();
    expect(names()).toEqual(['2:Ann', '3:Bea']);
    changeRow(tracking, 'R-2', (current) => ({
      request: current && { ...current.request, name: 'Beatrice' },
      result: undefined,
    }));
    const after = reads();
    expect(names()).toEqual(['2:Ann', '3:Beatrice']);
    expect(reads()).toBe(after);
    const nameCol = SIGNATURE_HEADERS.indexOf('Name') + 1;
    expect(sheet.getRange(3, nameCol).getValue()).toBe('Beatrice');
  });

  it('a many-row change: the read made under the lock, with rows changed and added, exact as the lock is released', () => {
    const { reads, names, ss, mutate } = sheetWithTwoRows();
    const config = {
      trackingSpreadsheetId: ss.getId(),
      policyVersion: '2026',
      staffTypes: ['Staff'],
      resignOn: '1 September',
      cycleOpenedOn: '2026-09-01',
    } as Config;
    mutate(config, (snap) => {
      const first = snap.requests[0]!;
      return {
        changed: [{ row: first.row, request: { ...first.request, name: 'Anne' } }],
        added: [{ ...first.request, requestId: 'R-3', name: 'Cai' }],
        result: undefined,
      };
    });
    const after = reads();
    expect(names()).toEqual(['2:Anne', '3:Bea', '4:Cai']);
    expect(reads()).toBe(after);
  });
});
