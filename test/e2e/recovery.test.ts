import { createDocumentFromElements } from '../../emulator/services/document/io';
import { auditRows, londonDay, rowOf, sampleSchool, signatures, publishAs } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';
const GRAINNE = 'grainne.osullivan@school.example';
const BM = 'bm@school.example';
const DAY = 24 * 3_600_000;

type School = Awaited<ReturnType<typeof sampleSchool>>;

function zoeSigns(school: School): string {
  const zoe = school.host.as(ZOE);
  zoe.openHomepage('GMAIL');
  return zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' }).notification ?? '';
}

describe('what a run that stops leaves is finished, however long it takes', () => {
  it('evidence that stays out of reach for a while is retried with backoff, said to be late, and taken later', async () => {
    const school = await sampleSchool();
    const id = /\/d\/([^/]+)/.exec(String(rowOf(school, ZOE).Document))![1]!;
    const doc = school.host.ws.drive.get(id)!;
    school.host.ws.drive.delete(id);
    expect(zoeSigns(school)).toMatch(/^Signed/);
    school.host.advance(30 * 60_000);
    const resumes = school.host.executions.filter((e) => e.fn === 'onResumeSteps').length;
    expect(resumes).toBeGreaterThanOrEqual(3);
    expect(resumes).toBeLessThanOrEqual(5);
    expect(auditRows(school).filter((a) => a.Action === 'Evidence delayed')).toHaveLength(1);
    expect(rowOf(school, ZOE)['Signed PDF']).toBe('');
    const head = school.host.as('head@school.example');
    head.openHomepage('GMAIL');
    expect(head.click('Zoë Łukasiewicz').card?.name).toBe('review');
    expect(head.click('Approve', { systems: ['Email'] }).notification).toMatch(/still being recorded/);
    school.host.ws.drive.set(id, doc);
    school.host.advance(2 * DAY);
    expect(rowOf(school, ZOE)['Signed PDF']).not.toBe('');
    expect(auditRows(school).filter((a) => a.Action === 'Signed')).toHaveLength(1);
    const copies = school.host.ws.sentMail.filter((m) => m.subject.startsWith('Your signed copy'));
    expect(copies.map((m) => [m.to, m.attachments.length])).toEqual([[[ZOE], 1]]);
    const digests = school.host.ws.sentMail
      .filter((m) => /awaits? your approval/.test(m.subject))
      .map((m) => `${m.to.join()} ${londonDay(m.sentAt)}`);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('an owed email that can no longer be built is given up with an Audit row, and the daily run goes on', async () => {
    const school = await sampleSchool({ sendInvitations: false });
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    school.host.faults.inject({ method: 'File.getAs' }, { kind: 'crash' });
    bm.click('Send invitations');
    school.host.advance(10 * 60_000);
    school.host.faults.clear();
    const doc = String(rowOf(school, GRAINNE).Document).match(/\/d\/([^/]+)/)![1]!;
    school.host.ws.drive.delete(doc);
    school.host.advance(3 * DAY + 3_600_000);
    expect(
      auditRows(school).some(
        (a) => a.Action === 'Notice failed' && a['Request ID'] === rowOf(school, GRAINNE)['Request ID'],
      ),
    ).toBe(true);
    expect(signatures(school).filter((r) => Number(r['Reminders Sent']) > 0).length).toBeGreaterThan(0);
  });

  it('a publication whose template was deleted backs off, says why, and is mended by publishing the label again', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    const template = school.host.ws.drive.get(school.config.templateDocId)!;
    const copy = createDocumentFromElements(school.host.ws, BM, 'AUP v2', [
      { type: 'paragraph', text: 'Staff declaration' },
      { type: 'paragraph', text: 'Signature:' },
      { type: 'paragraph', text: 'Name:' },
      { type: 'paragraph', text: 'Date:' },
    ]);
    bm.openHomepage('GMAIL');
    school.host.faults.inject({ method: 'Properties.setProperties' }, { kind: 'crash', when: 'after' });
    publishAs(bm, { newVersion: '2026-27 v2' });
    school.host.faults.clear();
    template.trashed = true;
    school.host.ws.drive.delete(template.id);
    school.host.advance(3 * DAY);
    expect(school.host.executions.filter((e) => e.fn === 'onResumeSteps').length).toBeLessThanOrEqual(6);
    expect(auditRows(school).filter((a) => a.Action === 'Publishing stopped')).toHaveLength(1);
    bm.openHomepage('GMAIL');
    publishAs(bm, {
      newVersion: '2026-27 v2',
      newTemplate: `https://docs.google.com/document/d/${copy}/edit`,
    });
    school.host.advance(DAY);
    expect(school.host.ws.scriptProperties.has('AUP_SIGNER_PUBLISH')).toBe(false);
    expect(signatures(school).filter((r) => r['Policy Version'] === '2026-27 v2')).toHaveLength(
      school.roster.length,
    );
  });
});
