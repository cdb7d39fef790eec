import { publishAs } from '../support';
import type { Host } from '../../../emulator/host/host';
import { BM, describeSweeps, zoeSigned } from './support';

/**
 * The business manager publishes 2026-27 v2 with the same template (again, when they saw it fail),
 * and the invitations it goes on with in the background run.
 */
function publish(host: Host): void {
  const bm = host.as(BM);
  bm.openHomepage('GMAIL');
  if (bm.actionOf('Publish a new version…')) publishAs(bm, { newVersion: '2026-27 v2' });
  host.advance(2 * 60_000);
}

describeSweeps('publishing a new version', zoeSigned, { act: publish, retry: publish }, (baseline) => {
  expect(baseline.rows.filter((r) => / \| 2026-27 \| Superseded \| /.test(r))).toHaveLength(3);
  expect(baseline.rows.filter((r) => / \| 2026-27 v2 \| Invited \| /.test(r))).toHaveLength(3);
  expect(
    baseline.files.filter((f) => /^document: AUP 2026-27 v2 — .*@school\.example\)$/.test(f)),
  ).toHaveLength(3);
});
