import { runScenario, type ScenarioResult } from '../../emulator/cli/scenario';
import { auditRows, leaves, sampleOptions, sheetRows, signatures, verifyAs } from './support';

const BM = 'bm@school.example';
const SIOBHAN = 'siobhan.nibhriain@school.example';
const ZOE = 'zoe.lukasiewicz@school.example';

/** The Drive files of a person's requests (documents, snapshots, PDFs) and whether each is in the bin. */
function filesOf(result: ScenarioResult, name: string): { name: string; trashed: boolean }[] {
  return [...result.host.ws.drive.values()]
    .filter((f) => f.name.includes(name) && f.owner === BM)
    .map((f) => ({ name: f.name, trashed: f.trashed }));
}

function records(result: ScenarioResult): Record<string, string>[] {
  return sheetRows(result, 'Records');
}

describe('records kept as long as they should be', () => {
  it('tells the business manager a month ahead, disposes on the date, keeps Audit rows, and a hold stops it', async () => {
    const result = runScenario({
      ...(await sampleOptions()),
      nextCycle: false,
      settings: { keepYears: '1', keepNeverJoinedYears: '1' },
    });
    const { host } = result;
    leaves(result, SIOBHAN, '2026-10-30');
    leaves(result, ZOE, '2026-10-30');
    const auditBefore = auditRows(result).filter((a) =>
      signatures(result).some((r) => r.Email === SIOBHAN && r['Request ID'] === a['Request ID']),
    );
    expect(auditBefore.length).toBeGreaterThan(3);

    host.advanceTo(new Date('2027-10-01T12:00:00Z'));
    const notice = host.ws.sentMail.filter((m) => m.subject === 'Records due for disposal: 2 people');
    expect(notice.map((m) => m.to.join())).toEqual([BM]);
    expect(notice[0]?.body).toContain(
      `Siobhán Ní Bhriain (${SIOBHAN}): left on 30 October 2026; kept until 30 October 2027`,
    );
    expect(filesOf(result, 'Siobhán Ní Bhriain').every((f) => !f.trashed)).toBe(true);

    const bm = host.as(BM);
    bm.openHomepage('GMAIL');
    const zoe = verifyAs(bm, ZOE);
    expect(zoe.card?.name).toBe('verified');
    expect(bm.click('Hold their records', { holdReason: 'Grievance hearing' }).notification).toBe(
      "Zoë Łukasiewicz's records are held: nothing of theirs is disposed of until the hold is released.",
    );

    host.advanceTo(new Date('2027-11-01T12:00:00Z'));
    const siobhan = filesOf(result, 'Siobhán Ní Bhriain');
    expect(siobhan.length).toBeGreaterThan(3);
    expect(siobhan.filter((f) => !f.trashed)).toEqual([]);
    expect(filesOf(result, 'Zoë Łukasiewicz').every((f) => !f.trashed)).toBe(true);
    const audit = auditRows(result);
    for (const a of auditBefore) expect(audit).toContainEqual(a);
    const disposed = audit.filter((a) => a.Action === 'Records disposed');
    expect(disposed.map((a) => a['Request ID'])).toEqual(
      signatures(result)
        .filter((r) => r.Email === SIOBHAN)
        .map((r) => r['Request ID']),
    );
    expect(records(result).find((r) => r.Email === SIOBHAN)).toMatchObject({
      Status: 'Disposed of on 1 November 2027',
      'Keep Until': '2027-10-30',
      'Notice Sent': '2027-10-01',
    });
    expect(records(result).find((r) => r.Email === ZOE)?.Hold).toMatch(
      /^Held by bm@school\.example on 1 October 2027: Grievance hearing$/,
    );

    bm.openHomepage('GMAIL');
    expect(verifyAs(bm, SIOBHAN).notification).toMatch(
      /^Siobhán Ní Bhriain's records were disposed of on 1 November 2027 under the retention settings/,
    );
    bm.openHomepage('GMAIL');
    verifyAs(bm, ZOE);
    expect(bm.click('Evidence pack').notification).toBe(
      'Evidence pack for Zoë Łukasiewicz saved beside the signed PDF.',
    );
    expect(bm.click('Release the hold').notification).toMatch(
      /^The hold on Zoë Łukasiewicz's records is released/,
    );

    host.advanceTo(new Date('2027-12-01T12:00:00Z'));
    expect(filesOf(result, 'Zoë Łukasiewicz').filter((f) => !f.trashed)).toEqual([]);
    expect(records(result).find((r) => r.Email === ZOE)?.Status).toBe('Disposed of on 1 December 2027');
    const kept = filesOf(result, 'Priya Raman');
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((f) => !f.trashed)).toBe(true);
  });
});
