import { Execution } from '../../emulator/core/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { auditRows, rowOf, sampleSchool, signatures, spendMailQuota } from './support';

const BM = 'bm@school.example';

type School = Awaited<ReturnType<typeof sampleSchool>>;

/** The business manager types rows straight into the Staff sheet, under the last one. */
function typeIntoStaffSheet(school: School, rows: string[][]): void {
  const exec = new Execution(school.host.ws, 'editor', BM, BM);
  const sheet = createSpreadsheetApp(exec)
    .openById(school.config.trackingSpreadsheetId)
    .getSheetByName('Staff')!;
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 7).setValues(rows);
}

/** `n` teachers (Staff) as Staff sheet rows, their email and name from `who`. */
function staffRows(n: number, who: (i: number) => [string, string]): string[][] {
  return Array.from({ length: n }, (_, i) => [...who(i), 'Teacher', 'Staff', '', '', '']);
}

describe('the business manager', () => {
  it('adds a person from the card, then invites them', async () => {
    const school = await sampleSchool();
    school.host.ws.addUser({ email: 'newbie@school.example', name: 'Nia Newbie' });
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(bm.click('Add a person').card?.name).toBe('add-person');
    const added = bm.click('Add to Staff sheet', {
      email: 'Newbie@School.example',
      name: 'Nia Newbie',
      role: 'Cook',
      staffType: 'Contractor',
    });
    expect(added.notification).toBe('Added Nia Newbie. Send invitations to invite them.');
    expect(added.card?.name).toBe('home');
    bm.click('Send invitations');
    expect(rowOf(school, 'newbie@school.example').Status).toBe('Invited');
    expect(
      auditRows(school).some(
        (r) => r.Action === 'Staff added' && r.Details.includes('newbie@school.example'),
      ),
    ).toBe(true);
  });

  it('is told what is wrong with a person the card would add, and nothing is written', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    bm.click('Add a person');
    const dup = bm.click('Add to Staff sheet', {
      email: 'head@school.example',
      name: 'Second Head',
      staffType: 'Staff',
    });
    expect(dup.notification).toBe('Not added: head@school.example is already on row 3.');
    expect(dup.card?.name).toBe('add-person');
  });

  it('sees bad Staff rows reported by row number; they are skipped and nothing else is lost', async () => {
    const school = await sampleSchool();
    typeIntoStaffSheet(school, [
      ['not-an-email', 'Bad Email', 'TA', 'Staff', '', '', ''],
      ['ok.person@school.example', 'Ok Person', 'TA', 'Staff', '', '', ''],
      ['pupil@school.example', 'A Pupil', 'Pupil', 'Pupil', '', '', ''],
      ['head@school.example', 'Duplicate Head', 'Head', 'Staff', '', '', ''],
    ]);
    school.host.ws.addUser({ email: 'ok.person@school.example', name: 'Ok Person' });
    const bm = school.host.as(BM);
    const invited = bm.openHomepage('GMAIL') && bm.click('Send invitations');
    expect(invited.notification).toContain(
      '1 new request; 1 invitation goes out in the background within a few minutes.',
    );
    expect(invited.notification).toContain('Staff row 12: email "not-an-email" is not a valid address.');
    expect(invited.notification).toContain(
      'Staff row 14: staff type "Pupil" is not one of Staff, Governor, Volunteer, Contractor.',
    );
    expect(invited.notification).toContain('Staff row 15: head@school.example is already on row 3.');
    expect(JSON.stringify(invited.card)).toContain('Staff row 14');
    expect(signatures(school).map((r) => r.Email)).toContain('ok.person@school.example');
    expect(signatures(school)).toHaveLength(11);
  });

  it('sending invitations again duplicates no request, document or email', async () => {
    const school = await sampleSchool();
    const before = {
      rows: signatures(school).length,
      mail: school.host.ws.sentMail.length,
      docs: school.host.ws.drive.size,
    };
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(bm.click('Send invitations').notification).toBe(
      '0 new requests: everyone on the Staff sheet has been invited.',
    );
    school.host.advance(2 * 60 * 60_000);
    expect([signatures(school).length, school.host.ws.sentMail.length, school.host.ws.drive.size]).toEqual([
      before.rows,
      before.mail,
      before.docs,
    ]);
  });

  it('a card’s invitation run stays inside 30 seconds and hands the rest to a trigger', async () => {
    const school = await sampleSchool();
    const rows = staffRows(40, (i) => [
      `t${i}@school.example`,
      `Teacher Number${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
    ]);
    typeIntoStaffSheet(school, rows);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    const first = bm.click('Send invitations');
    expect(first.error).toBeUndefined();
    expect(first.notification).toMatch(/40 invitations go out in the background/);
    const card = school.host.executions.filter((e) => e.fn === 'onSendInvitations').pop()!;
    expect(card.elapsedMs).toBeLessThan(30_000);
    const runs = school.host.advance(60 * 60_000).filter((r) => r.fn === 'onInvitationJob');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => !r.error && r.elapsedMs < 6 * 60_000)).toBe(true);
    expect(signatures(school).filter((r) => r['Invited At'] === '')).toEqual([]);
    expect(school.host.ws.sentMail.filter((m) => m.subject.startsWith('Please sign')).length).toBe(50);
  });

  it('with the mail quota spent, the documents are still made that day, and the next day only sends', async () => {
    const school = await sampleSchool();
    const rows = staffRows(20, (i) => [`q${i}@school.example`, `Quota Person${i}`]);
    typeIntoStaffSheet(school, rows);
    const { ws } = school.host;
    spendMailQuota(ws, BM, 5);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    bm.click('Send invitations');
    school.host.advance(60 * 60_000);
    const mine = () => signatures(school).filter((r) => String(r.Email).startsWith('q'));
    expect(mine().filter((r) => r.Document !== '')).toHaveLength(20);
    expect(mine().filter((r) => r['Invited At'] !== '')).toHaveLength(5);
    ws.accounting.reset();
    school.host.advance(26 * 60 * 60_000);
    expect(mine().filter((r) => r['Invited At'] !== '')).toHaveLength(20);
    expect(ws.accounting.tally().find((t) => t.method === 'Drive.Files.copy')).toBeUndefined();
  });

  it('each person gets exactly one invitation, and no Drive share email for their document', async () => {
    const school = await sampleSchool();
    const mail = school.host.ws.sentMail;
    expect(mail.filter((m) => m.subject.startsWith('Document shared with you'))).toEqual([]);
    for (const r of school.roster) {
      const to = r.personalEmail || r.email;
      expect([to, mail.filter((m) => m.to.includes(to)).length]).toEqual([to, 1]);
    }
  });
});
