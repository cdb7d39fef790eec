import type { Host } from '../../../emulator/host/host';
import { BM, describeSweeps, ZOE, zoeSigned } from './support';

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
describeSweeps(
  'holding a person’s records',
  zoeSigned,
  { act: hold, retry: hold },
  (baseline) => {
    expect(baseline.sheets).toContainEqual(
      expect.stringMatching(
        /^Records: Zoë Łukasiewicz \| zoe\.lukasiewicz@school\.example \| Held \| .*Grievance/,
      ),
    );
    expect(baseline.audit.filter((a) => a === ' | Records held')).toHaveLength(1);
  },
  false,
);
