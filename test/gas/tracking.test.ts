import { Execution } from '../../emulator/core/execution';
import { createLockService } from '../../emulator/services/lock';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { SIGNATURE_HEADERS } from '../../src/core/columns';
import { withScriptLock } from '../../src/gas/lock';
import { Tracking } from '../../src/gas/tracking';
import { newWorkspace } from '../emulator/support';

describe('the Signatures sheet read once a card, and never stale under the lock', () => {
  it('reuses a read outside the lock until the lock is taken or released, and always reads under it', () => {
    const ws = newWorkspace();
    const exec = new Execution(ws, 'webapp', 'bm@school.example', 'bm@school.example');
    const sheets = createSpreadsheetApp(exec);
    Object.assign(globalThis, { SpreadsheetApp: sheets, LockService: createLockService(exec) });
    const ss = sheets.create('Tracking');
    ss.getSheets()[0]!.setName('Signatures');
    const row = (id: string) =>
      SIGNATURE_HEADERS.map((h) => (h === 'Request ID' ? id : h === 'Status' ? 'Invited' : ''));
    ss.getSheets()[0]!
      .getRange(1, 1, 2, SIGNATURE_HEADERS.length)
      .setValues([[...SIGNATURE_HEADERS], row('R-1')]);
    const tracking = Tracking.openById(ss.getId());
    const reads = () => ws.accounting.tally().find((t) => t.method === 'Range.getValues')?.calls ?? 0;
    const ids = () => tracking.readSignatures().requests.map((s) => s.request.requestId);
    expect(ids()).toEqual(['R-1']);
    const once = reads();
    expect(ids()).toEqual(['R-1']);
    expect(reads()).toBe(once);
    ss.getSheets()[0]!.appendRow(row('R-2'));
    withScriptLock(() => {
      expect(ids()).toEqual(['R-1', 'R-2']);
      expect(ids()).toEqual(['R-1', 'R-2']);
    });
    expect(reads()).toBe(once + 2);
    expect(ids()).toEqual(['R-1', 'R-2']);
    expect(reads()).toBe(once + 3);
  });
});
