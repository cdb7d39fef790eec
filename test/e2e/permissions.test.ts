import { createDocumentFromElements } from '../../emulator/services/document/io';
import { parsePrefilledUrl } from '../../emulator/services/forms';
import { FORM_ITEMS } from '../../src/gas/forms';
import { auditRows, postAs, review, rowOf, sampleSchool, publishAs } from './support';

describe('what the server refuses', () => {
  it('an approver cannot report their own account state, and a Complete request stays Complete', async () => {
    const school = await sampleSchool();
    const own = String(rowOf(school, 'head@school.example')['Request ID']);
    expect(
      postAs(school, 'head@school.example', 'account', { requestId: own, account: 'Active', note: '' }).ok,
    ).toBe(false);
    const zoe = school.host.as('zoe.lukasiewicz@school.example');
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    const head = school.host.as('head@school.example');
    review(head, 'Zoë Łukasiewicz');
    head.click('Approve');
    school.host.advance(2 * 60_000);
    const request = String(rowOf(school, 'zoe.lukasiewicz@school.example')['Request ID']);
    expect(rowOf(school, 'zoe.lukasiewicz@school.example').Status).toBe('Complete');
    const res = postAs(school, 'tech@school.example', 'account', {
      requestId: request,
      account: 'Suspended',
      note: 'x',
    });
    expect(res.message).toBe('Zoë Łukasiewicz is already complete.');
    expect(rowOf(school, 'zoe.lukasiewicz@school.example').Status).toBe('Complete');
  });

  it('a business manager cannot point the add-on at a Doc only the deployer can read, and loses the sheet when removed', async () => {
    const school = await sampleSchool();
    const bm = school.host.as('bm@school.example');
    bm.universalAction('onSettingsAction');
    bm.click('Save settings', { businessManagers: 'bm@school.example, tech@school.example' });
    const sheet = school.host.ws.drive.get(school.config.trackingSpreadsheetId)!;
    expect(sheet.editors.has('tech@school.example')).toBe(true);
    const secret = createDocumentFromElements(school.host.ws, 'bm@school.example', 'HR notes', [
      { type: 'paragraph', text: 'Private.' },
    ]);
    const tech = school.host.as('tech@school.example');
    tech.openHomepage('GMAIL');
    expect(publishAs(tech, { newVersion: 'v9', newTemplate: secret }).notification).toBe(
      'You cannot open that template yourself: share it with your account first.',
    );
    bm.universalAction('onSettingsAction');
    bm.click('Save settings', { businessManagers: 'bm@school.example' });
    expect(sheet.editors.has('tech@school.example')).toBe(false);
  });

  it('a flood of bad form responses is all audited, but emails the business managers at most hourly', async () => {
    const school = await sampleSchool();
    const mail = school.host.ws.sentMail.find((m) => m.to.includes('grainne.os@personal.example'));
    const { formId, answers } = parsePrefilledUrl(
      school.host.ws,
      mail?.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/)?.[0] ?? '',
    );
    const bad = {
      ...answers,
      [FORM_ITEMS.reference]: 'forged',
      [FORM_ITEMS.name]: 'X',
      [FORM_ITEMS.consent]: [school.config.agreementText],
    };
    for (let i = 0; i < 5; i++) school.host.submitForm(formId, 'grainne.os@personal.example', bad);
    const notices = () =>
      school.host.ws.sentMail.filter((m) => m.subject === 'AUP form response held back: please check it')
        .length;
    expect(auditRows(school).filter((r) => r.Action === 'Quarantined')).toHaveLength(5);
    expect(notices()).toBe(1);
    school.host.advance(61 * 60_000);
    school.host.submitForm(formId, 'grainne.os@personal.example', bad);
    expect(notices()).toBe(2);
  });
});
