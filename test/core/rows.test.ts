import { columnIndex, SIGNATURE_HEADERS } from '../../src/core/columns';
import { dashboard } from '../../src/core/dashboard';
import { newRequest } from '../../src/core/request';
import { cellsOf, columnRuns, requestFromRow } from '../../src/core/rows';
import { fromSheet, sheetSafe } from '../../src/core/safe';

describe('Signatures rows', () => {
  it('are ordered for a person: who and where they stand first, the ID, links and hash at the right', () => {
    expect(SIGNATURE_HEADERS.slice(0, 8)).toEqual([
      'Name',
      'Staff Type',
      'Role',
      'Status',
      'Due By',
      'Signed At',
      'Approved By',
      'Account',
    ]);
    expect(SIGNATURE_HEADERS.slice(-4)).toEqual(['Request ID', 'Document', 'Signed PDF', 'Document SHA-256']);
  });

  it('read a Status of "Rejected", written by sheets before "Returned", as Returned', () => {
    const col = columnIndex('Signatures', [...SIGNATURE_HEADERS], SIGNATURE_HEADERS);
    const row = SIGNATURE_HEADERS.map((h) => (h === 'Status' ? 'Rejected' : h === 'Request ID' ? 'R-1' : ''));
    expect(requestFromRow(row, col).status).toBe('Returned');
  });

  it('round-trip a request through its cells, found by header even when a column was added in between', () => {
    const r = {
      ...newRequest(
        {
          requestId: 'R-1',
          email: 'a@school.example',
          name: 'Ann',
          role: 'TA',
          staffType: 'Staff',
          policyVersion: 'v1',
        },
        new Date('2026-09-15T00:00:00Z'),
      ),
      remindersSent: 2,
    };
    const headers = [...SIGNATURE_HEADERS.slice(0, 5), 'My own column', ...SIGNATURE_HEADERS.slice(5)];
    const col = columnIndex('Signatures', headers, SIGNATURE_HEADERS);
    const cells = cellsOf(r);
    const row = headers.map((h) => (h === 'My own column' ? 'kept' : cells[h as keyof typeof cells]));
    expect(requestFromRow(row, col)).toEqual(r);
    expect(columnRuns(SIGNATURE_HEADERS.map((h) => col[h]))).toEqual([
      [0, 1, 2, 3, 4],
      [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
    ]);
  });

  it('neutralise text that Sheets would take for a formula', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@me', '\tx', '\rx', 'Ann'].map(sheetSafe)).toEqual([
      `'=HYPERLINK("x")`,
      "'+1",
      "'-2",
      "'@me",
      "'\tx",
      "'\rx",
      'Ann',
    ]);
    expect(['\'=HYPERLINK("x")', '=already a formula', "'plain", 'Ann'].map(fromSheet)).toEqual([
      '=HYPERLINK("x")',
      '=already a formula',
      "'plain",
      'Ann',
    ]);
  });

  it('add up to the Dashboard for the current version only', () => {
    const mk = (status: 'Complete' | 'Invited' | 'Superseded', v = 'v2') => ({
      ...newRequest(
        { requestId: 'x', email: 'e', name: 'n', role: '', staffType: 'Staff', policyVersion: v },
        new Date(),
      ),
      status,
    });
    const rows = dashboard(
      [mk('Complete'), mk('Invited'), mk('Superseded'), mk('Complete', 'v1')],
      'v2',
      'now',
    );
    expect(Object.fromEntries(rows)).toMatchObject({
      Requests: 3,
      Complete: 1,
      Invited: 1,
      Superseded: 1,
      '% complete': '50%',
    });
  });
});
