import { readManifest } from '../../emulator/core/manifest';
import type { UserSession } from '../../emulator/host/user-session';
import { spendMailQuota } from '../../emulator/services/mail';
import { formModel } from '../../emulator/services/forms/model';
import { BUILD_DIR } from '../build/bundle';
import { SERVER_URL_KEY } from '../../src/gas/server-client';
import { review, sampleSchool } from './support';

const BM = 'bm@school.example';
const HEAD = 'head@school.example';

type Line = { label: string; mark: string; detail: string };

/** Check deployment from the business manager's homepage, its lines read off the card. */
function check(bm: UserSession): Line[] {
  bm.openHomepage('GMAIL');
  const screen = bm.click('Check deployment');
  if (screen.card?.name !== 'check-deployment') throw new Error(screen.error ?? screen.notification);
  return (screen.card.sections?.[0]?.widgets ?? [])
    .filter((w) => w.decoratedText)
    .map((w) => {
      const text = w.decoratedText?.text ?? '';
      return { label: w.decoratedText?.topLabel ?? '', mark: text.slice(0, 1), detail: text.slice(2) };
    });
}

const fixes = (lines: Line[]) => lines.filter((l) => l.mark === '✗');
const line = (lines: Line[], label: string) => lines.find((l) => l.label === label);

describe('Check deployment', () => {
  it('on the emulator as deployed: nothing to fix, each line explained', async () => {
    const school = await sampleSchool();
    const lines = check(school.host.as(BM));
    expect(fixes(lines)).toEqual([]);
    expect(lines.map((l) => l.label)).toEqual(
      expect.arrayContaining([
        'Web app URL',
        'Web app',
        'Script project',
        'Drive API',
        'Admin SDK API',
        `Approver ${HEAD}`,
        'Daily trigger',
        'Form trigger',
        'Mail quota',
        'New starters’ Form',
        'Outside sharing',
        'Template',
      ]),
    );
    expect(line(lines, 'Web app URL')?.detail).toMatch(/\/exec \(the versioned deployment\)\.$/);
    expect(line(lines, 'Outside sharing')).toMatchObject({
      mark: 'ℹ',
      detail: expect.stringMatching(/PDF attached/),
    });
    const text = school.host.run('checkDeployment', [], { user: BM, kind: 'editor' }) as string;
    expect(text.split('\n')[0]).toMatch(/^✓ Web app URL: https:\/\/script\.google\.com\/.+\/exec/);
    expect(text).not.toContain('✗');
  });

  it('shows outside sharing allowed where the tenant allows it', async () => {
    const school = await sampleSchool({ outsideSharing: 'allowed' });
    expect(line(check(school.host.as(BM)), 'Outside sharing')).toMatchObject({ mark: '✓' });
    expect(school.config.policyShared).toBe('anyone');
  });

  it.each<[string, string, (school: Awaited<ReturnType<typeof sampleSchool>>) => void, RegExp]>([
    [
      'the /exec URL was never written',
      'Web app URL',
      (s) => s.host.ws.scriptProperties.delete(SERVER_URL_KEY),
      /\/dev is not a versioned \/exec URL, so only the script's editors can use it: run npm run deploy/,
    ],
    [
      'the script project is shared with nobody',
      'Script project',
      (s) => {
        const project = s.host.ws.drive.get(s.host.ws.project!.scriptId)!;
        project.access = 'PRIVATE';
        project.permission = 'NONE';
      },
      /^Only people it is shared with can use AUP Signer/,
    ],
    [
      'the Admin SDK API is off in the Cloud project',
      'Admin SDK API',
      (s) => s.host.tenant.cloudApis.delete('admin'),
      /Turn on the Admin SDK API in the script's Google Cloud project/,
    ],
    [
      'the Drive API is off in the Cloud project',
      'Drive API',
      (s) => s.host.tenant.cloudApis.delete('drive'),
      /Turn on the Google Drive API/,
    ],
    [
      'the daily trigger was deleted',
      'Daily trigger',
      (s) =>
        s.host.ws.triggers.splice(
          s.host.ws.triggers.findIndex((t) => t.handler === 'onDailyTrigger'),
          1,
        ),
      /Missing, so no reminders go out: save the settings again/,
    ],
    [
      'the form-submit trigger was deleted',
      'Form trigger',
      (s) =>
        s.host.ws.triggers.splice(
          s.host.ws.triggers.findIndex((t) => t.handler === 'onFormSubmit'),
          1,
        ),
      /Missing, so Form signatures are not recorded/,
    ],
    ['the mail quota is spent', 'Mail quota', (s) => spendMailQuota(s.host.ws, BM), /quota is spent/],
    [
      'the Form was unpublished',
      'New starters’ Form',
      (s) => {
        formModel(s.host.ws, s.config.form.id)!.published = false;
      },
      /cannot sign: it is not published/,
    ],
    [
      'the Form asks for a Google sign-in',
      'New starters’ Form',
      (s) => {
        formModel(s.host.ws, s.config.form.id)!.emailCollection = 'VERIFIED';
      },
      /it needs a Google sign-in to record the email/,
    ],
    [
      'the template is no longer shared with the deployer',
      'Template',
      (s) => {
        const template = s.host.ws.drive.get(s.config.templateDocId)!;
        template.owner = 'someone.else@school.example';
      },
      /cannot open the template .*: share it with them/,
    ],
  ])('%s: the %s line says what to do', async (_what, label, fault, explains) => {
    const school = await sampleSchool();
    fault(school);
    const lines = check(school.host.as(BM));
    expect(line(lines, label)).toMatchObject({ mark: '✗', detail: expect.stringMatching(explains) });
  });

  it('an approver who is no directory administrator shows once they have approved, until enablement is installed', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(HEAD)!.isAdmin = false;
    const zoe = school.host.as('zoe.lukasiewicz@school.example');
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    const head = school.host.as(HEAD);
    review(head, 'Zoë Łukasiewicz');
    head.click('Approve', { systems: ['Email'] });
    const bm = school.host.as(BM);
    expect(line(check(bm), `Approver ${HEAD}`)).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(
        /Not a directory administrator: .*no directory administrator has installed/,
      ),
    });
    const tech = school.host.as('tech@school.example');
    tech.openHomepage('GMAIL');
    tech.click('Enable accounts hourly (directory administrators)');
    expect(line(check(bm), `Approver ${HEAD}`)).toMatchObject({
      mark: 'ℹ',
      detail: expect.stringMatching(/installed by tech@school\.example enables them/),
    });
  });

  it('without the Drive advanced service in the manifest, the line says so (and invitations fail with Apps Script’s ReferenceError)', async () => {
    const manifest = readManifest(BUILD_DIR);
    manifest.dependencies = {
      enabledAdvancedServices: (manifest.dependencies?.enabledAdvancedServices ?? []).filter(
        (s) => s.userSymbol !== 'Drive',
      ),
    };
    const school = await sampleSchool({ manifest, sendInvitations: false });
    const lines = check(school.host.as(BM));
    expect(line(lines, 'Drive advanced service')).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(/appsscript\.json/),
    });
    expect(line(lines, 'Drive API')?.detail).toMatch(/not enabled in appsscript\.json/);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(bm.click('Send invitations').error).toMatch(/ReferenceError: Drive is not defined/);
  });

  it('saving the settings again repairs what it can: the triggers, the Form and the project’s sharing', async () => {
    const school = await sampleSchool();
    const ws = school.host.ws;
    ws.triggers.splice(0, ws.triggers.length);
    formModel(ws, school.config.form.id)!.published = false;
    const project = ws.drive.get(ws.project!.scriptId)!;
    project.access = 'PRIVATE';
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    bm.universalAction('onSettingsAction');
    expect(bm.click('Save settings').notification).toMatch(/^Saved/);
    expect(fixes(check(bm))).toEqual([]);
  });
});

describe('what staff see when the deployment is wrong', () => {
  it('a script project shared with nobody: a signer’s card says what happened and whom to ask', async () => {
    const school = await sampleSchool();
    const project = school.host.ws.drive.get(school.host.ws.project!.scriptId)!;
    project.access = 'PRIVATE';
    project.permission = 'NONE';
    const screen = school.host.as('zoe.lukasiewicz@school.example').openHomepage('GMAIL');
    expect(screen.error).toBe(
      "AUP Signer's web app refused you (HTTP 403): its script project must be shared with your school to view. Ask whoever deployed AUP Signer to open Check deployment.",
    );
  });

  it('cards on the /dev URL work for the script’s editors only', async () => {
    const school = await sampleSchool();
    school.host.ws.scriptProperties.delete(SERVER_URL_KEY);
    expect(school.host.as(BM).openHomepage('GMAIL').error).toBeUndefined();
    expect(school.host.as('zoe.lukasiewicz@school.example').openHomepage('GMAIL').error).toMatch(
      /test \(\/dev\) web-app URL, which only the script's editors can open/,
    );
  });
});
