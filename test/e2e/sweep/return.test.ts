import { returnWith } from '../support';
import type { Host } from '../../../emulator/host/host';
import { describeSweeps, HEAD, ZOE, zoeSigned } from './support';

/** The headteacher returns Zoë's signed AUP with a reason, if it is still in their queue. */
function giveBack(host: Host): void {
  const head = host.as(HEAD);
  head.openHomepage('GMAIL');
  if (!head.actionOf(ZOE.name)) return;
  const review = head.click(ZOE.name);
  if (review.card?.name === 'review') returnWith(head, 'Please use your full name');
}

describeSweeps('returning', zoeSigned, { act: giveBack, retry: giveBack }, (baseline) => {
  expect(baseline.rows).toContainEqual(
    expect.stringMatching(/^zoe\.lukasiewicz@school\.example \| 2026-27 \| Returned \|/),
  );
  expect(baseline.mail).toContainEqual(
    expect.stringMatching(/^zoe\.lukasiewicz@school\.example \| .*returned/i),
  );
});
