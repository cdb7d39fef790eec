import type { Host } from '../../../emulator/host/host';
import type { School } from '../../../emulator/cli/scenario';
import type { FaultKind } from '../../../emulator/core/faults';
import { BM, ZOE, crashPoints, differences, lockPoints, sweep, zoeSigned } from './support';

/**
 * The business manager verifies Zoë and holds her records (again, when the card still offers it);
 * what they see when a step fails is not thrown.
 */
function hold(host: Host): void {
  const bm = host.as(BM);
  if (bm.openHomepage('GMAIL').error) return;
  if (bm.click('Verify someone…').card?.name !== 'verify') return;
  if (bm.click('Verify', { evidenceQuery: ZOE.email }).card?.name !== 'verified') return;
  if (bm.actionOf('Hold their records')) bm.click('Hold their records', { holdReason: 'Grievance' });
}

/** Holding sends no email, so of the three sweeps it has the crash and the lock timeout. */
describe('holding a person’s records, failing at every step', () => {
  let base: School;
  beforeAll(async () => {
    base = await zoeSigned();
  });
  it.each([
    ['a crash at each state change', { kind: 'crash' } as FaultKind, crashPoints],
    ['a script-lock timeout at each wait', { kind: 'lockTimeout' } as FaultKind, lockPoints],
  ])('%s ends as without it', (what, fault, pointsOf) => {
    const s = sweep(base, { act: hold, retry: hold }, fault, pointsOf);
    console.log(
      `holding a person’s records: ${what}: ${s.points.length} points over ${s.calls.length} calls`,
    );
    expect(s.baseline.sheets).toContainEqual(
      expect.stringMatching(
        /^Records: Zoë Łukasiewicz \| zoe\.lukasiewicz@school\.example \| Held \| .*Grievance/,
      ),
    );
    expect(s.baseline.audit.filter((a) => a === ' | Records held')).toHaveLength(1);
    expect(s.points.length).toBeGreaterThan(0);
    expect(differences(s)).toEqual([]);
  });
});
