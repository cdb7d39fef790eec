import type { Host } from '../../../emulator/host/host';
import { BM, describeSweeps, smallSchool } from './support';

/**
 * The business manager clicks Send invitations (again, when they saw it fail), and the invitation
 * job the card starts makes the documents and sends the invitations in the next minutes.
 */
function invite(host: Host): void {
  const bm = host.as(BM);
  bm.openHomepage('GMAIL');
  if (bm.actionOf('Send invitations')) bm.click('Send invitations');
  host.advance(2 * 60_000);
}

describeSweeps(
  'inviting',
  () => smallSchool(false),
  { act: invite, retry: invite },
  (baseline) => {
    expect(
      baseline.rows.filter((r) => / \| 2026-27 \| Invited \| .* \| doc \| {2}\| $/.test(r)),
    ).toHaveLength(3);
    expect(
      baseline.files.filter((f) => /^document: AUP 2026-27 — .*@school\.example\)$/.test(f)),
    ).toHaveLength(3);
    expect(baseline.mail).toContainEqual(expect.stringMatching(/^ola\.adeyemi@home\.example \| Please sign/));
  },
);
