import type { Host } from '../../../emulator/host/host';
import { describeSweeps, HEAD, smallSchool, ZOE } from './support';

/** The headteacher returns Zoë's signed AUP with a reason, if it is still in their queue. */
function giveBack(host: Host): void {
  const head = host.as(HEAD);
  head.openHomepage('GMAIL');
  if (!head.actionOf(ZOE.name)) return;
  const review = head.click(ZOE.name);
  if (review.card?.name === 'review') head.click('Return', { reason: 'Please use your full name' });
}

/** Zoë has signed from her card, and the steps it handed over are done. */
async function signed() {
  const school = await smallSchool();
  const zoe = school.host.as(ZOE.email);
  zoe.openHomepage('GMAIL');
  zoe.click('Sign', { consent: ['agree'], typedName: ZOE.name });
  school.host.advance(2 * 60_000);
  return school;
}

describeSweeps('returning', signed, { act: giveBack, retry: giveBack }, (baseline) => {
  expect(baseline.rows).toContainEqual(
    expect.stringMatching(/^zoe\.lukasiewicz@school\.example \| 2026-27 \| Rejected \|/),
  );
  expect(baseline.mail).toContainEqual(
    expect.stringMatching(/^zoe\.lukasiewicz@school\.example \| .*returned/i),
  );
});
