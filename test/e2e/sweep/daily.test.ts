import type { Host } from '../../../emulator/host/host';
import { BM, describeSweeps, smallSchool } from './support';

/** The daily trigger's run: the clock passes 09:00 London. */
function runDaily(host: Host): void {
  host.advance(20 * 60_000);
}

/**
 * Three days after the invitations, ten minutes before the daily run: reminders are due, and a
 * person the business manager has just added waits for their invitation.
 */
async function dayThree() {
  const school = await smallSchool();
  const now = new Date(school.host.ws.clock.now());
  const nineLondon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3, 8, 0);
  school.host.advance(nineLondon - 10 * 60_000 - now.getTime());
  const bm = school.host.as(BM);
  bm.openHomepage('GMAIL');
  bm.click('Add a person');
  bm.click('Add to Staff sheet', {
    email: 'kit.moss@school.example',
    name: 'Kit Moss',
    role: 'Cook',
    staffType: 'Staff',
  });
  return school;
}

describeSweeps('the daily run', dayThree, { act: runDaily, retry: () => undefined }, (baseline) => {
  expect(
    baseline.rows.filter((r) => / \| 2026-27 \| Invited \| .* \| 1 \| doc \|/.test(r)).length,
  ).toBeGreaterThanOrEqual(3);
  expect(baseline.rows).toContainEqual(
    expect.stringMatching(/^kit\.moss@school\.example \| 2026-27 \| Invited \|/),
  );
});
