import { addOnEvent } from '../../emulator/host/events';
import { actionResponseJson } from '../../emulator/services/card';
import { auditRows, review, rowOf, sampleSchool, returnWith } from './support';

const SIOBHAN = 'siobhan.nibhriain@school.example';
const ZOE = 'zoe.lukasiewicz@school.example';
const HEAD = 'head@school.example';

/** Runs a card action as `user` with a hand-made event, as a forged request would reach the add-on. */
function forge(
  school: Awaited<ReturnType<typeof sampleSchool>>,
  user: string,
  fn: string,
  parameters: Record<string, string>,
  formInputs = {},
): string {
  const out = school.host.run(fn, [addOnEvent(school.host.ws, 'GMAIL', { parameters, formInputs })], {
    user,
    kind: 'card',
  });
  return actionResponseJson(out).notification?.text ?? '';
}

describe('identity is decided on the server', () => {
  it('signing with someone else’s request ID in the action parameters signs nothing', async () => {
    const school = await sampleSchool();
    const zoeRequest = String(rowOf(school, ZOE)['Request ID']);
    const text = forge(
      school,
      SIOBHAN,
      'onSign',
      { requestId: zoeRequest },
      { consent: ['agree'], typedName: 'Zoë Łukasiewicz' },
    );
    expect(text).toBe('There is no such request of yours to sign.');
    expect(rowOf(school, ZOE).Status).toBe('Invited');
    expect(rowOf(school, SIOBHAN).Status).toBe('Invited');
  });

  it('a typed name that is not the person’s is refused, accents and case aside', async () => {
    const school = await sampleSchool();
    const s = school.host.as(SIOBHAN);
    s.openHomepage('GMAIL');
    expect(s.click('Sign', { consent: ['agree'], typedName: 'Someone Else' }).notification).toMatch(
      /must be your full name/,
    );
    expect(rowOf(school, SIOBHAN).Status).toBe('Invited');
    s.openHomepage('GMAIL');
    expect(s.click('Sign', { consent: ['agree'], typedName: '  SIOBHAN  ni bhriain ' }).notification).toMatch(
      /^Signed/,
    );
    expect(rowOf(school, SIOBHAN).Status).toBe('Signed');
  });

  it('signing without ticking the agreement is refused', async () => {
    const school = await sampleSchool();
    const s = school.host.as(SIOBHAN);
    s.openHomepage('GMAIL');
    expect(s.click('Sign', { typedName: 'Siobhán Ní Bhriain' }).notification).toMatch(/Tick the box/);
    expect(rowOf(school, SIOBHAN).Status).toBe('Invited');
  });

  it('a double click signs once', async () => {
    const school = await sampleSchool();
    const s = school.host.as(SIOBHAN);
    s.openHomepage('GMAIL');
    const requestId = s.actionOf('Sign')?.parameters.requestId ?? '';
    s.click('Sign', { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' });
    const again = forge(
      school,
      SIOBHAN,
      'onSign',
      { requestId },
      { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' },
    );
    expect(again).toMatch(/already signed/);
    school.host.advance(2 * 60_000);
    expect(
      auditRows(school).filter((r) => r.Action === 'Signed' && r['Request ID'] === requestId),
    ).toHaveLength(1);
    const copies = school.host.ws.sentMail.filter((m) => m.subject.startsWith('Your signed copy'));
    expect(copies.map((m) => m.to)).toEqual([[SIOBHAN]]);
  });

  it('an approver cannot approve their own request, even with a forged action', async () => {
    const school = await sampleSchool();
    const head = school.host.as(HEAD);
    head.openHomepage('GMAIL');
    head.click('Sign', { consent: ['agree'], typedName: 'Alex Okafor' });
    const own = String(rowOf(school, HEAD)['Request ID']);
    head.openHomepage('GMAIL');
    expect(head.actionOf('Alex Okafor')).toBeUndefined();
    expect(forge(school, HEAD, 'onApprove', { requestId: own })).toMatch(/cannot approve your own request/);
    expect(rowOf(school, HEAD).Status).toBe('Signed');
  });

  it('someone who is not an approver cannot approve', async () => {
    const school = await sampleSchool();
    const s = school.host.as(SIOBHAN);
    s.openHomepage('GMAIL');
    s.click('Sign', { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' });
    const request = String(rowOf(school, SIOBHAN)['Request ID']);
    expect(forge(school, ZOE, 'onApprove', { requestId: request })).toBe(
      'Only an approver can approve requests.',
    );
    expect(rowOf(school, SIOBHAN).Status).toBe('Signed');
  });
});

describe('returning a signed AUP', () => {
  it('needs a reason, then lets the person sign again, with the reason shown on their card', async () => {
    const school = await sampleSchool();
    const s = school.host.as(SIOBHAN);
    s.openHomepage('GMAIL');
    s.click('Sign', { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' });
    const head = school.host.as(HEAD);
    review(head, 'Siobhán Ní Bhriain');
    expect(head.click('Return').card?.name).toBe('return');
    expect(head.click('Return').notification).toMatch(/Say why/);
    expect(rowOf(school, SIOBHAN).Status).toBe('Signed');
    const returned = returnWith(head, 'Role should be Year 5 Teacher');
    expect(returned.notification).toBe("Returned Siobhán Ní Bhriain's AUP.");
    expect([rowOf(school, SIOBHAN).Status, rowOf(school, SIOBHAN).Notes]).toEqual([
      'Returned',
      'Returned by head@school.example: Role should be Year 5 Teacher',
    ]);
    const mail = school.host.ws.sentMail.find((m) => m.subject.startsWith('Your AUP was returned'));
    expect(mail?.to).toEqual([SIOBHAN]);
    const card = JSON.stringify(s.openHomepage('GMAIL').card);
    expect(card).toContain('Role should be Year 5 Teacher');
    expect(s.click('Sign', { consent: ['agree'], typedName: 'Siobhán Ní Bhriain' }).notification).toMatch(
      /^Signed/,
    );
    expect(rowOf(school, SIOBHAN).Status).toBe('Signed');
    school.host.advance(2 * 60_000);
    expect(
      auditRows(school)
        .map((r) => r.Action)
        .filter((a) => a === 'Signed' || a === 'Returned'),
    ).toEqual(['Signed', 'Returned', 'Signed']);
  });

  it('an approver cannot return their own request', async () => {
    const school = await sampleSchool();
    const head = school.host.as(HEAD);
    head.openHomepage('GMAIL');
    head.click('Sign', { consent: ['agree'], typedName: 'Alex Okafor' });
    const own = String(rowOf(school, HEAD)['Request ID']);
    expect(forge(school, HEAD, 'onReturn', { requestId: own }, { reason: 'x' })).toMatch(
      /cannot return your own/,
    );
    expect(rowOf(school, HEAD).Status).toBe('Signed');
  });
});
