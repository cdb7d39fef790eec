import { signByForm } from '../../../emulator/cli/scenario';
import type { Host } from '../../../emulator/host/host';
import { describeSweeps, HEAD, OLA, smallSchool } from './support';

/**
 * The headteacher approves Ola from their queue, if she is still in it (granting Email); the steps
 * the card hands over run in the next minutes.
 */
function approve(host: Host): void {
  const head = host.as(HEAD);
  head.openHomepage('GMAIL');
  if (!head.actionOf(OLA.name)) return;
  const review = head.click(OLA.name);
  if (review.card?.name === 'review') head.click('Approve', { systems: ['Email'] });
  host.advance(2 * 60_000);
}

/** Ola, a new starter whose account is suspended, has signed through the Form. */
async function signed() {
  const school = await smallSchool();
  signByForm(school.host, school.config, OLA);
  return school;
}

describeSweeps('approving', signed, { act: approve, retry: approve }, (baseline) => {
  expect(baseline.rows).toContainEqual(
    expect.stringMatching(
      /^ola\.adeyemi@school\.example \| 2026-27 \| Complete \| Active \| Form \| .* \| head@school\.example \| Email \| .* \| doc \| sha \| pdf$/,
    ),
  );
  expect(baseline.mail).toContainEqual(
    expect.stringMatching(/^ola\.adeyemi@home\.example \| Your .* account is ready$/),
  );
});
