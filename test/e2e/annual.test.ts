import { generatedRoster } from '../../emulator/cli/generated-roster';
import type { RosterRow } from '../../emulator/cli/inputs';
import { readTemplate } from '../../emulator/cli/inputs';
import { approveQueue, setUpSchool, type School } from '../../emulator/cli/scenario';
import { join } from 'node:path';
import { SAMPLES, signatures, londonDay, publishAs } from './support';

const DAY = 86_400_000;

function sign(school: School, r: RosterRow): void {
  const s = school.host.as(r.email);
  s.openHomepage('GMAIL');
  const screen = s.click('Sign', { consent: ['agree'], typedName: r.name });
  if (!screen.notification?.startsWith('Signed'))
    throw new Error(`${r.email}: ${screen.notification ?? screen.error}`);
}

function approveAll(school: School, approver: string): void {
  approveQueue(school.host, approver, school.config, school.step, school.log);
}

describe('a whole year of the annual cycle, for 30 people', () => {
  it('reminds on schedule, escalates, publishes a new version mid-cycle (on a Saturday: its invitations wait for Monday), opens the next cycle, and never emails anyone twice', async () => {
    const roster = generatedRoster(30);
    const template = await readTemplate(join(SAMPLES, 'aup-template.txt'));
    const school = setUpSchool({
      template,
      templateName: 'AUP',
      roster,
      schoolName: 'Oakfield Primary School',
    });
    const { host } = school;
    const start = host.ws.clock.now();
    const early = roster.slice(0, 10);
    for (const r of early) sign(school, r);
    approveAll(school, 'head@school.example');
    approveAll(school, 'tech@school.example');

    host.advanceTo(new Date('2026-10-31T10:00:00Z'));
    const reminders = host.ws.sentMail.filter((m) => /^(Reminder|Overdue): please sign/.test(m.subject));
    const late = roster.slice(10);
    for (const r of late) {
      const days = reminders.filter((m) => m.to.includes(r.email)).map((m) => londonDay(m.sentAt));
      expect(days).toEqual([
        '2026-09-04',
        '2026-09-08',
        '2026-09-15',
        '2026-09-22',
        '2026-09-29',
        '2026-10-06',
        '2026-10-13',
        '2026-10-20',
        '2026-10-27',
      ]);
    }
    for (const r of early) expect(reminders.some((m) => m.to.includes(r.email))).toBe(false);
    const overdue = signatures(school).filter((r) => r.Status === 'Overdue');
    expect(overdue).toHaveLength(20);
    const digests = host.ws.sentMail
      .filter((m) => m.subject.startsWith('AUP overdue:'))
      .map((m) => londonDay(m.sentAt));
    expect(digests).toEqual([
      '2026-09-16',
      '2026-09-23',
      '2026-09-30',
      '2026-10-07',
      '2026-10-14',
      '2026-10-21',
      '2026-10-28',
    ]);

    const bm = host.as('bm@school.example');
    bm.openHomepage('GMAIL');
    const published = publishAs(bm, { newVersion: '2026-27 v2' });
    expect(published.notification).toMatch(/^Published 2026-27 v2: 20 open request\(s\) superseded/);
    host.advance(2 * 60 * 60_000);
    const invitedV2 = () =>
      signatures(school).filter((r) => r['Policy Version'] === '2026-27 v2' && r['Invited At'] !== '');
    expect(invitedV2()).toHaveLength(0);
    expect(
      signatures(school).filter((r) => r['Policy Version'] === '2026-27 v2' && r.Document !== ''),
    ).toHaveLength(30);
    host.advanceTo(new Date('2026-11-02T10:00:00Z'));
    const v1 = signatures(school).filter((r) => r['Policy Version'] === '2026-27');
    expect(v1.filter((r) => r.Status === 'Complete')).toHaveLength(10);
    expect(v1.filter((r) => r.Status === 'Superseded')).toHaveLength(20);
    expect(invitedV2()).toHaveLength(30);
    const invitedOn = invitedV2().map((r) => londonDay(new Date(String(r['Invited At'])).getTime()));
    expect(new Set(invitedOn)).toEqual(new Set(['2026-11-02']));
    for (const r of roster.slice(0, 5)) sign(school, r);

    host.advanceTo(new Date('2027-09-02T10:00:00Z'));
    const next = signatures(school).filter((r) => r['Policy Version'] === '2027-28');
    expect(next).toHaveLength(30);
    expect(next.every((r) => r.Status === 'Invited' && r['Invited At'] !== '')).toBe(true);
    expect(
      signatures(school)
        .filter((r) => r['Policy Version'] === '2026-27 v2')
        .map((r) => r.Status)
        .sort(),
    ).toEqual(Array(30).fill('Superseded'));
    expect(signatures(school).filter((r) => r.Status === 'Complete')).toHaveLength(10);

    const seen = new Set<string>();
    for (const m of host.ws.sentMail) {
      const key = `${m.to.join()}|${m.subject}|${londonDay(m.sentAt)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect([...host.ws.users.values()].every((u) => !u.suspended)).toBe(true);
    const failed = host.executions.filter((e) => e.error);
    expect(failed).toEqual([]);
    expect(host.ws.clock.now() - start).toBeGreaterThan(365 * DAY);
  });
});
