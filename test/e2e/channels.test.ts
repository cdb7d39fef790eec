import { MIME } from '../../emulator/core/workspace';
import { rowOf, sampleSchool } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';

describe('signing from each card channel', () => {
  it('from the invitation email opened in Gmail (contextual trigger)', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    const invitation = zoe.inbox().find((m) => m.subject.startsWith('Please sign'));
    const screen = zoe.openMessage(invitation!.id);
    expect(screen.error).toBeUndefined();
    expect(school.host.executions.some((e) => e.fn === 'onGmailMessageOpen' && e.user === ZOE)).toBe(true);
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    expect([rowOf(school, ZOE).Status, rowOf(school, ZOE)['Signed Via']]).toEqual(['Signed', 'Gmail']);
  });

  it('each message opened is served from a two-minute cache, refreshed by the person’s own actions', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    const mail = zoe.inbox();
    const posts = () => school.host.executions.filter((e) => e.fn === 'doPost').length;
    const before = posts();
    for (let i = 0; i < 5; i++) expect(zoe.openMessage(mail[i % mail.length]!.id).error).toBeUndefined();
    expect(posts() - before).toBe(1);
    expect(zoe.actionOf('Sign')).toBeTruthy();
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    const afterSign = posts();
    zoe.openMessage(mail[0]!.id);
    expect(posts()).toBe(afterSign);
    expect(zoe.actionOf('Sign')).toBeUndefined();
    school.host.advance(3 * 60_000);
    zoe.openMessage(mail[0]!.id);
    expect(posts()).toBe(afterSign + 1);
  });

  it('from their AUP document selected in Drive', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    const doc = [...school.host.ws.drive.values()].find(
      (f) => f.mimeType === MIME.document && f.name.includes(ZOE),
    );
    const screen = zoe.selectDriveItems([doc!.id]);
    expect(screen.error).toBeUndefined();
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    expect([rowOf(school, ZOE).Status, rowOf(school, ZOE)['Signed Via']]).toEqual(['Signed', 'Drive']);
  });

  it('a signer cannot open someone else’s AUP document in Drive', async () => {
    const school = await sampleSchool();
    const other = [...school.host.ws.drive.values()].find((f) => f.name.includes('siobhan.nibhriain'));
    expect(() => school.host.as(ZOE).selectDriveItems([other!.id])).toThrow(/cannot see/);
  });

  it('someone with nothing to sign sees their history', async () => {
    const school = await sampleSchool();
    const outsider = 'governor2@school.example';
    school.host.ws.addUser({ email: outsider, name: 'Not On Roster' });
    const card = JSON.stringify(school.host.as(outsider).openHomepage('GMAIL').card);
    expect(card).toContain('You have nothing to sign for 2026-27.');
    expect(card).not.toContain('"Sign"');
  });
});
