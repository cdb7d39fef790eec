import { signByForm } from '../../emulator/cli/scenario';
import { review, rowOf, sampleSchool } from './support';

const GRAINNE = 'grainne.osullivan@school.example';
const TOMASZ = 'tomasz.wojcik@school.example';
const HEAD = 'head@school.example';
const TECH = 'tech@school.example';

type School = Awaited<ReturnType<typeof sampleSchool>>;

/** A new starter signs through the Form, then `approver` counter-signs from their card. */
function signAndApprove(school: School, email: string, approver = HEAD): string {
  const r = school.roster.find((p) => p.email === email)!;
  signByForm(school.host, school.config, r);
  const card = school.host.as(approver);
  review(card, r.name);
  const screen = card.click('Approve', { systems: ['Email'] });
  if (screen.error) throw new Error(screen.error);
  school.host.advance(2 * 60_000);
  return screen.notification ?? '';
}

describe('enabling the account after the counter-signature', () => {
  it('an approver who is no directory admin leaves it Suspended, as the directory says; the trigger a directory admin installed completes it', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(HEAD)!.isAdmin = false;
    expect(signAndApprove(school, GRAINNE)).toMatch(/waiting for a directory administrator/);
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual([
      'Approved',
      'Suspended',
    ]);
    expect(school.host.ws.users.get(GRAINNE)?.suspended).toBe(true);

    const head = school.host.as(HEAD);
    const said = (head.openHomepage('GMAIL').card?.sections ?? [])
      .flatMap((s) => s.widgets ?? [])
      .map((w) => w.textParagraph?.text ?? '');
    expect(said).toContain(
      '1 approved account waits for a directory administrator to switch it on; the business manager is told each day.',
    );
    expect(head.actionOf('Switch accounts on hourly')).toBeUndefined();

    const tech = school.host.as(TECH);
    tech.openHomepage('GMAIL');
    expect(tech.click('Switch accounts on hourly').notification).toMatch(/run hourly as you/);
    const runs = school.host.advance(61 * 60_000).filter((r) => r.fn === 'onEnablementTrigger');
    expect(runs.map((r) => [r.user, r.error])).toEqual([[TECH, undefined]]);
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual(['Complete', 'Active']);
    expect(school.host.ws.users.get(GRAINNE)?.suspended).toBe(false);
  });

  it('an unknown account is Not found, with a note', async () => {
    const school = await sampleSchool();
    school.host.ws.users.delete(TOMASZ);
    expect(signAndApprove(school, TOMASZ)).toMatch(/No Workspace account/);
    expect([rowOf(school, TOMASZ).Status, rowOf(school, TOMASZ).Account]).toEqual(['Approved', 'Not found']);
    expect(rowOf(school, TOMASZ).Notes).toBe(
      `No Workspace account ${TOMASZ} yet: looked for again daily for 3 days.`,
    );
  });

  it('retries a transient 503 with backoff and succeeds', async () => {
    const school = await sampleSchool();
    school.host.faults.inject({ method: 'AdminDirectory.Users.get' }, { kind: 'http', code: 503 });
    signAndApprove(school, GRAINNE);
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual(['Complete', 'Active']);
  });

  it('after repeated 429s leaves it queued, explained; the enablement trigger finishes the job', async () => {
    const school = await sampleSchool();
    // Four tries by the approver's card, then three by the server's own read minutes later: all busy.
    school.host.faults.inject({ method: 'AdminDirectory.Users.get', times: 7 }, { kind: 'http', code: 429 });
    expect(signAndApprove(school, GRAINNE)).toMatch(/Admin SDK error 429 after 4 tries; will retry/);
    expect([
      rowOf(school, GRAINNE).Status,
      rowOf(school, GRAINNE).Account,
      rowOf(school, GRAINNE).Notes,
    ]).toEqual(['Approved', 'Error', 'The Admin SDK was busy (429): checked again by the daily trigger.']);
    const tech = school.host.as(TECH);
    tech.openHomepage('GMAIL');
    tech.click('Switch accounts on hourly');
    school.host.advance(61 * 60_000);
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual(['Complete', 'Active']);
  });
});
