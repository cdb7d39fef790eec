import { signByForm } from '../../emulator/cli/scenario';
import { Execution } from '../../emulator/core/execution';
import { createFormApp, parsePrefilledUrl } from '../../emulator/services/forms';
import { FORM_ITEMS } from '../../src/gas/forms';
import { auditRows, review, rowOf, sampleSchool, returnWith } from './support';

const GRAINNE = 'grainne.osullivan@school.example';
const GRAINNE_HOME = 'grainne.os@personal.example';
const TOMASZ = 'tomasz.wojcik@school.example';

type School = Awaited<ReturnType<typeof sampleSchool>>;

/** The pre-filled form link in the invitation at a personal address. */
function formLink(
  school: School,
  personal: string,
): { formId: string; answers: Record<string, string | string[]> } {
  const mail = school.host.ws.sentMail.find((m) => m.to.includes(personal));
  const link = mail?.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)?.[0] ?? '';
  return parsePrefilledUrl(school.host.ws, link);
}

function submit(
  school: School,
  respondent: string,
  answers: Record<string, string | string[]>,
  formId = school.config.form.id,
): void {
  school.host.submitForm(formId, respondent, answers);
}

/** The policy form as its owner opens it in the Forms editor. */
function formAsOwner(school: School): GoogleAppsScript.Forms.Form {
  const exec = new Execution(school.host.ws, 'editor', 'bm@school.example', 'bm@school.example');
  return createFormApp(exec).openById(school.config.form.id);
}

function quarantined(school: School): Record<string, string>[] {
  return auditRows(school).filter((r) => r.Action === 'Quarantined');
}

const sign = (school: School, name: string) => ({
  [FORM_ITEMS.name]: name,
  [FORM_ITEMS.consent]: [school.config.agreementText],
});

describe('new starters sign through the Form', () => {
  it('invites a new starter at their personal address with a pre-filled link and their AUP attached', async () => {
    const school = await sampleSchool();
    const mail = school.host.ws.sentMail.find((m) => m.to.includes(GRAINNE_HOME));
    expect(mail?.body).toMatch(/forms\/d\/e\/.+viewform\?.*entry\./);
    expect(mail?.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(school.host.ws.sentMail.some((m) => m.to.includes(GRAINNE))).toBe(false);
    expect(() => school.host.as(GRAINNE)).toThrow(/suspended/);
  });

  it('records the signature through the form-submit trigger, and the approver’s counter-signature enables the account', async () => {
    const school = await sampleSchool();
    const r = school.roster.find((p) => p.email === GRAINNE)!;
    expect(signByForm(school.host, school.config, r)).toBe('recorded by the form-submit trigger');
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE)['Signed Via']]).toEqual(['Signed', 'Form']);
    const head = school.host.as('head@school.example');
    review(head, 'Gráinne Ó Súilleabháin');
    const done = head.click('Approve', { systems: ['Email'] });
    expect(done.notification).toMatch(/Account enabled by AUP Signer\./);
    school.host.advance(2 * 60_000);
    expect([rowOf(school, GRAINNE).Status, rowOf(school, GRAINNE).Account]).toEqual(['Complete', 'Active']);
    expect(school.host.ws.users.get(GRAINNE)?.suspended).toBe(false);
    const ready = school.host.ws.sentMail.find(
      (m) => m.subject.endsWith('account is ready') && m.to.includes(GRAINNE_HOME),
    );
    expect(ready?.cc).toEqual([GRAINNE]);
  });

  it('quarantines a resubmitted form: signs once', async () => {
    const school = await sampleSchool();
    const { formId, answers } = formLink(school, GRAINNE_HOME);
    submit(school, GRAINNE_HOME, { ...answers, ...sign(school, 'Gráinne Ó Súilleabháin') }, formId);
    submit(school, GRAINNE_HOME, { ...answers, ...sign(school, 'Gráinne Ó Súilleabháin') }, formId);
    expect(auditRows(school).filter((r) => r.Action === 'Signed' && r.Actor === GRAINNE_HOME)).toHaveLength(
      1,
    );
    expect(quarantined(school).map((q) => q.Details)).toEqual([
      expect.stringMatching(/^reference token already used/),
    ]);
  });

  it('quarantines a response with no token (once someone made the Reference question optional)', async () => {
    const school = await sampleSchool();
    formAsOwner(school).getItemById(school.config.form.referenceItemId)!.asTextItem().setRequired(false);
    submit(school, GRAINNE_HOME, sign(school, 'Gráinne Ó Súilleabháin'));
    expect(rowOf(school, GRAINNE).Status).toBe('Invited');
    expect(quarantined(school).map((q) => q.Details)).toEqual([expect.stringMatching(/^no reference token/)]);
  });

  it.each([
    [
      'a wrong token',
      (a: Record<string, string | string[]>) => ({ ...a, [FORM_ITEMS.reference]: 'not-a-token' }),
      /^unknown reference token/,
    ],
  ])('quarantines %s', async (_what, change, reason) => {
    const school = await sampleSchool();
    const { answers } = formLink(school, GRAINNE_HOME);
    submit(school, GRAINNE_HOME, change({ ...answers, ...sign(school, 'Gráinne Ó Súilleabháin') }));
    expect(rowOf(school, GRAINNE).Status).toBe('Invited');
    expect(quarantined(school).map((q) => q.Details)).toEqual([expect.stringMatching(reason)]);
    const notices = school.host.ws.sentMail.filter(
      (m) => m.subject === 'AUP form response held back: please check it',
    );
    expect(notices.map((m) => m.to)).toEqual([['bm@school.example']]);
  });

  it('quarantines a response from an address that is neither the person’s school nor personal one', async () => {
    const school = await sampleSchool();
    school.host.ws.addExternal('someone.else@personal.example');
    const { answers } = formLink(school, GRAINNE_HOME);
    submit(school, 'someone.else@personal.example', {
      ...answers,
      ...sign(school, 'Gráinne Ó Súilleabháin'),
    });
    expect(rowOf(school, GRAINNE).Status).toBe('Invited');
    expect(quarantined(school)[0]?.Details).toMatch(/^respondent someone\.else@personal\.example is not/);
  });

  it('quarantines a token whose request was already signed another way', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(TOMASZ)!.suspended = false;
    const card = school.host.as(TOMASZ);
    card.openHomepage('GMAIL');
    card.click('Sign', { consent: ['agree'], typedName: 'Tomasz Wójcik' });
    const { answers } = formLink(school, 't.wojcik@personal.example');
    submit(school, 't.wojcik@personal.example', { ...answers, ...sign(school, 'Tomasz Wójcik') });
    expect(rowOf(school, TOMASZ)['Signed Via']).toBe('Gmail');
    expect(quarantined(school)[0]?.Details).toMatch(/^You already signed this policy/);
  });

  it('quarantines a typed name that is not the person’s, leaving the request open', async () => {
    const school = await sampleSchool();
    const { answers } = formLink(school, GRAINNE_HOME);
    submit(school, GRAINNE_HOME, { ...answers, ...sign(school, 'Somebody Else') });
    expect(rowOf(school, GRAINNE).Status).toBe('Invited');
    expect(quarantined(school)[0]?.Details).toMatch(/must be your full name/);
  });

  it('FormResponse.submit() from a script fires no trigger: nothing is signed', async () => {
    const school = await sampleSchool();
    const before = school.host.executions.length;
    const { answers } = formLink(school, GRAINNE_HOME);
    const form = formAsOwner(school);
    const item = form.getItemById(school.config.form.referenceItemId)!.asTextItem();
    form
      .createResponse()
      .withItemResponse(item.createResponse(String(answers[FORM_ITEMS.reference])))
      .submit();
    expect(school.host.executions.length).toBe(before);
    expect(rowOf(school, GRAINNE).Status).toBe('Invited');
  });

  it('a returned Form signature gets a fresh link by email; the old link is quarantined', async () => {
    const school = await sampleSchool();
    const first = formLink(school, GRAINNE_HOME);
    submit(
      school,
      GRAINNE_HOME,
      { ...first.answers, ...sign(school, 'Gráinne Ó Súilleabháin') },
      first.formId,
    );
    const head = school.host.as('head@school.example');
    review(head, 'Gráinne Ó Súilleabháin');
    returnWith(head, 'Please use your full legal name');
    const returned = school.host.ws.sentMail.find((m) => m.subject.startsWith('Your AUP was returned'));
    expect(returned?.to).toEqual([GRAINNE_HOME]);
    const link = returned?.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)?.[0] ?? '';
    const fresh = parsePrefilledUrl(school.host.ws, link);
    expect(fresh.answers[FORM_ITEMS.reference]).not.toEqual(first.answers[FORM_ITEMS.reference]);
    submit(
      school,
      GRAINNE_HOME,
      { ...first.answers, ...sign(school, 'Gráinne Ó Súilleabháin') },
      first.formId,
    );
    expect(rowOf(school, GRAINNE).Status).toBe('Returned');
    expect(quarantined(school).map((q) => q.Details)).toEqual([
      expect.stringMatching(/^reference token already used/),
    ]);
    submit(
      school,
      GRAINNE_HOME,
      { ...fresh.answers, ...sign(school, 'Gráinne Ó Súilleabháin') },
      fresh.formId,
    );
    expect(rowOf(school, GRAINNE).Status).toBe('Signed');
  });
});
