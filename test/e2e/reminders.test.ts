import { auditRows, sampleSchool, signatures, spendMailQuota, londonDay } from './support';

type School = Awaited<ReturnType<typeof sampleSchool>>;

/** Reminder emails sent, by recipient. */
function remindersTo(school: School): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of school.host.ws.sentMail.filter((x) => /^(Reminder|Overdue): please sign/.test(x.subject))) {
    for (const to of m.to) out.set(to, [...(out.get(to) ?? []), londonDay(m.sentAt)]);
  }
  return out;
}

describe('reminders within time and quota', () => {
  it('a run cut off by its time budget carries on in a continuation, with no duplicate', async () => {
    const school = await sampleSchool();
    school.host.ws.scriptProperties.set('AUP_SIGNER_RUN_BUDGET_MS', '5000');
    school.host.advanceTo(new Date('2026-09-04T10:00:00Z'));
    const daily = school.host.executions.filter(
      (e) => e.fn === 'onDailyTrigger' || e.fn === 'onDailyContinuation',
    );
    expect(daily.filter((e) => e.fn === 'onDailyContinuation').length).toBeGreaterThan(0);
    expect(daily.every((e) => !e.error)).toBe(true);
    const sent = remindersTo(school);
    expect(sent.size).toBe(10);
    for (const [, days] of sent) expect(days).toEqual(['2026-09-04']);
    expect(signatures(school).every((r) => r['Reminders Sent'] === 1)).toBe(true);
    expect(auditRows(school).filter((r) => r.Action === 'Reminder sent')).toHaveLength(10);
  });

  it('when the daily email quota runs out, the rest go the next working day (not at the weekend) and nothing is lost', async () => {
    const school = await sampleSchool();
    const { ws } = school.host;
    ws.clock.advanceTo(new Date('2026-09-04T07:00:00Z'));
    spendMailQuota(ws, 'bm@school.example', 4);
    school.host.advanceTo(new Date('2026-09-04T10:00:00Z'));
    const first = remindersTo(school);
    expect(first.size).toBe(3);
    school.host.advanceTo(new Date('2026-09-06T20:00:00Z'));
    expect(remindersTo(school).size).toBe(3);
    school.host.advanceTo(new Date('2026-09-07T10:00:00Z'));
    const all = remindersTo(school);
    expect(all.size).toBe(10);
    for (const [to, days] of all) expect([to, days.length]).toEqual([to, 1]);
    expect([...all.values()].flat().sort()).toEqual([
      ...Array(3).fill('2026-09-04'),
      ...Array(7).fill('2026-09-07'),
    ]);
    expect(school.host.executions.filter((e) => e.error)).toEqual([]);
  });
});
