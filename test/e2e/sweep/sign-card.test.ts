import type { Host } from '../../../emulator/host/host';
import { describeSweeps, smallSchool, ZOE } from './support';

/**
 * Zoë opens her Gmail homepage and signs, if it still asks her to; the steps the card hands over
 * (the snapshot, the notices) run in the next minutes.
 */
function sign(host: Host): void {
  const zoe = host.as(ZOE.email);
  zoe.openHomepage('GMAIL');
  if (zoe.actionOf('Sign')) zoe.click('Sign', { consent: ['agree'], typedName: ZOE.name });
  host.advance(2 * 60_000);
}

describeSweeps(
  'signing from the card',
  () => smallSchool(),
  { act: sign, retry: sign },
  (baseline) => {
    expect(baseline.rows).toContainEqual(
      expect.stringMatching(
        /^zoe\.lukasiewicz@school\.example \| 2026-27 \| Signed \| .* \| doc \| sha \| pdf$/,
      ),
    );
  },
);
