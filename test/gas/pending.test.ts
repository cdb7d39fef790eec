import { Execution } from '../../emulator/core/execution';
import { createPropertiesService } from '../../emulator/services/properties';
import { createLockService } from '../../emulator/services/lock';
import { clearPending, listPending, pendingFor, recordPending, takePending } from '../../src/gas/pending';
import { newWorkspace } from '../emulator/support';

beforeEach(() => {
  const ws = newWorkspace();
  const exec = new Execution(ws, 'webapp', 'bm@school.example', 'bm@school.example');
  Object.assign(globalThis, {
    PropertiesService: createPropertiesService(exec),
    LockService: createLockService(exec),
    SpreadsheetApp: { flush: () => undefined },
  });
});

const claim = (at: number) => ({
  requestId: 'R-1',
  stage: 'signed' as const,
  at,
  actor: 'zoe@school.example',
  details: '',
});

describe('owed steps, one record per claim', () => {
  it('two runs claiming the same request keep their own records: the loser clears only its own', () => {
    const first = recordPending(claim(1_000));
    const second = recordPending(claim(2_000));
    expect(pendingFor('R-1')).toHaveLength(2);
    clearPending(second);
    expect(pendingFor('R-1')).toEqual([first]);
  });

  it('a record held by a run is not taken over until its lease is over', () => {
    const p = recordPending(claim(Date.now()));
    expect(takePending(p)).toBeUndefined();
    expect(listPending()[0]?.attempts).toBe(1);
  });
});
