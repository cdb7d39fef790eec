import { DateTime } from 'luxon';
import type { Host } from '../../emulator/host/host';
import { londonDay, rowOf, sampleSchool, zoeSignsAndHeadApproves } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';
const HEAD = 'head@school.example';
const TECH = 'tech@school.example';
const BM = 'bm@school.example';

/** Zoë signs from her Gmail homepage. */
function zoeSigns(host: Host): void {
  const zoe = host.as(ZOE);
  zoe.openHomepage('GMAIL');
  zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
  host.advance(2 * 60_000);
}

/** The next London morning at 10:00 (after the daily run at 9:00). */
function nextMorning(host: Host): void {
  const next = DateTime.fromMillis(host.ws.clock.now(), { zone: 'Europe/London' })
    .plus({ days: 1 })
    .set({ hour: 10, minute: 0 });
  host.advanceTo(next.toJSDate());
}

const toApprovers = (host: Host) =>
  host.ws.sentMail.filter((m) => m.to.some((t) => [HEAD, TECH].includes(t)) && /approval$/.test(m.subject));

describe('approvers hear of signatures once a day, unless Settings ask for each one', () => {
  it('by default: nothing at the signature, then one digest each the next morning, and one a day while anyone waits', async () => {
    const school = await sampleSchool();
    const { host } = school;
    zoeSigns(host);
    expect(toApprovers(host)).toEqual([]);
    const copy = host.ws.sentMail.find((m) => m.subject.startsWith('Your signed copy'));
    expect(copy?.to).toEqual([ZOE]);
    expect(copy?.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    nextMorning(host);
    expect(toApprovers(host).map((m) => [m.to, m.subject])).toEqual([
      [[HEAD], '1 AUP awaits your approval'],
      [[TECH], '1 AUP awaits your approval'],
    ]);
    expect(toApprovers(host)[0]?.body).toContain('- Zoë Łukasiewicz (');
    nextMorning(host);
    expect(toApprovers(host)).toHaveLength(4);
    const days = toApprovers(host).map((m) => `${m.to.join()} ${londonDay(m.sentAt)}`);
    expect(new Set(days).size).toBe(days.length);
    host.advance(60_000);
    const head = host.as(HEAD);
    head.openHomepage('GMAIL');
    head.click('Zoë Łukasiewicz');
    head.click('Approve', { systems: ['Email'] });
    nextMorning(host);
    expect(toApprovers(host)).toHaveLength(4);
  });

  it('with "An email for each signature": each approver is told as the signature is recorded, and no digest follows', async () => {
    const school = await sampleSchool({ settings: { approverEmails: 'each' } });
    const { host } = school;
    zoeSigns(host);
    expect(toApprovers(host).map((m) => [m.to, m.subject])).toEqual([
      [[HEAD], 'Zoë Łukasiewicz has signed the AUP and awaits your approval'],
      [[TECH], 'Zoë Łukasiewicz has signed the AUP and awaits your approval'],
    ]);
    nextMorning(host);
    expect(toApprovers(host)).toHaveLength(2);
  });

  it('an approval waiting for a directory administrator is told to the business manager and the known administrators once a day, by name', async () => {
    const school = await sampleSchool();
    const { host } = school;
    host.ws.users.get(HEAD)!.isAdmin = false;
    host.ws.users.get(BM)!.readsUsers = false;
    zoeSignsAndHeadApproves(school);
    expect(rowOf(school, ZOE).Account).toBe('Pending admin');
    const rights = JSON.parse(host.ws.scriptProperties.get('AUP_SIGNER_APPROVER_RIGHTS') ?? '{}') as Record<
      string,
      boolean
    >;
    expect(rights[HEAD]).toBe(false);
    host.ws.scriptProperties.set('AUP_SIGNER_APPROVER_RIGHTS', JSON.stringify({ ...rights, [TECH]: true }));
    nextMorning(host);
    nextMorning(host);
    const told = host.ws.sentMail.filter((m) => / for an administrator$/.test(m.subject));
    expect(told.map((m) => [m.to, m.subject, londonDay(m.sentAt)])).toEqual([
      [[BM], '1 account waits for an administrator', '2026-09-02'],
      [[TECH], '1 account waits for an administrator', '2026-09-02'],
      [[BM], '1 account waits for an administrator', '2026-09-03'],
      [[TECH], '1 account waits for an administrator', '2026-09-03'],
    ]);
    expect(told[0]?.body).toContain('- Zoë Łukasiewicz (');
    expect(told[0]?.htmlBody).toContain('<a href="https://admin.google.com/ac/users"');
  });
});
