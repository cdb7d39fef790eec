import type { Host } from '../../../emulator/host/host';
import { leaves, review } from '../support';
import { BM, describeSweeps, HEAD, SAM, smallSchool, ZOE } from './support';

/** The daily run on the first of the month, which reviews the records: the clock passes 09:00 London. */
function runReview(host: Host): void {
  host.advance(20 * 60_000);
}

/** What the business manager does on Apps Script's failure email: runs the daily work again from the editor. */
function runAgain(host: Host): void {
  host.run('onDailyTrigger', [], { user: BM, kind: 'editor' });
}

/**
 * The small school, its records kept a year after someone leaves: Zoë signed, was approved and
 * left on 10 September 2026; the business manager was told on 1 September 2027 that her records
 * fall due; Sam, who never signed, left on 15 October 2026. It is now ten minutes before the daily
 * run of 1 October 2027, which disposes of Zoë's records and tells the business manager of Sam's.
 */
async function zoeDue() {
  const school = await smallSchool(true, { settings: { keepYears: '1' } });
  const { host } = school;
  const zoe = host.as(ZOE.email);
  zoe.openHomepage('GMAIL');
  zoe.click('Sign', { consent: ['agree'], typedName: ZOE.name });
  host.advance(2 * 60_000);
  const head = host.as(HEAD);
  review(head, ZOE.name);
  head.click('Approve', { systems: ['Email'] });
  host.advance(10 * 60_000);
  leaves(school, ZOE.email, '2026-09-10');
  leaves(school, SAM.email, '2026-10-15');
  host.advanceTo(new Date('2027-10-01T07:50:00Z'));
  return school;
}

describeSweeps('the monthly records review', zoeDue, { act: runReview, retry: runAgain }, (baseline) => {
  expect(baseline.sheets).toContainEqual(
    expect.stringMatching(
      /^Records: Zoë Łukasiewicz \| zoe\.lukasiewicz@school\.example \| Disposed of on 1 October 2027 \|/,
    ),
  );
  expect(baseline.audit).toContainEqual('zoe.lukasiewicz@school.example | Records disposed');
  expect(baseline.files.filter((f) => f.includes('Zoë'))).toEqual([]);
  expect(baseline.mail.filter((m) => m.startsWith(`${BM} | Records due for disposal`))).toHaveLength(2);
  expect(baseline.sheets).toContainEqual(
    expect.stringMatching(
      /^Records: Sam Whitfield \| .* \| Kept until 15 October 2027 \| 2026-10-15 \| 2027-10-15 \| {2}\| 2027-10-01 \| $/,
    ),
  );
});
