import { readManifest } from '../../emulator/core/manifest';
import type { UserSession } from '../../emulator/host/user-session';
import { spendMailQuota } from '../../emulator/services/mail';
import { formModel } from '../../emulator/services/forms/model';
import { BUILD_DIR } from '../build/bundle';
import { SERVER_URL_KEY } from '../../src/gas/server-client';
import { newSchool, signByForm } from '../../emulator/cli/scenario';
import { review, rowOf, sampleOptions, sampleSchool, zoeSignsAndHeadApproves } from './support';

const BM = 'bm@school.example';
const HEAD = 'head@school.example';

type Line = { label: string; mark: string; detail: string };

/** Check deployment from the business manager's homepage (or the card already open), its lines read off the card. */
function check(bm: UserSession, from: 'home' | 'settings' = 'home'): Line[] {
  if (from === 'home') bm.openHomepage('GMAIL');
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
      'the Docs API is off in the Cloud project',
      'Docs API',
      (s) => s.host.tenant.cloudApis.delete('docs'),
      /Turn on the Google Docs API/,
    ],
    [
      'the Sheets API is off in the Cloud project',
      'Sheets API',
      (s) => s.host.tenant.cloudApis.delete('sheets'),
      /Turn on the Google Sheets API/,
    ],
    [
      'the daily trigger was deleted',
      'Daily trigger',
      (s) =>
        s.host.ws.triggers.splice(
          s.host.ws.triggers.findIndex((t) => t.handler === 'onDailyTrigger'),
          1,
        ),
      /^Missing for bm@school\.example, so no reminders go out: save the settings again/,
    ],
    [
      'the form-submit trigger was deleted',
      'Form trigger',
      (s) =>
        s.host.ws.triggers.splice(
          s.host.ws.triggers.findIndex((t) => t.handler === 'onFormSubmit'),
          1,
        ),
      /^Missing for bm@school\.example, so Form signatures are not recorded/,
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
    const starter = school.roster.find((p) => p.personalEmail)!;
    signByForm(school.host, school.config, starter);
    const head = school.host.as(HEAD);
    review(head, starter.name);
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
    tech.click('Switch accounts on hourly');
    expect(line(check(bm), `Approver ${HEAD}`)).toMatchObject({
      mark: 'ℹ',
      detail: expect.stringMatching(/installed by tech@school\.example enables them/),
    });
  });

  it('without the Drive advanced service in the manifest, setup stops with Apps Script’s ReferenceError and the line says why', async () => {
    const manifest = readManifest(BUILD_DIR);
    manifest.dependencies = {
      enabledAdvancedServices: (manifest.dependencies?.enabledAdvancedServices ?? []).filter(
        (s) => s.userSymbol !== 'Drive',
      ),
    };
    const school = newSchool({ ...(await sampleOptions()), manifest });
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(bm.click('Save settings', school.settings).notification).toMatch(
      /^Setup stopped while opening the policy Form to new starters \(Drive is not defined\)/,
    );
    const lines = check(bm, 'settings');
    expect(line(lines, 'Drive advanced service')).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(/appsscript\.json/),
    });
    expect(line(lines, 'Drive API')?.detail).toMatch(/not enabled in appsscript\.json/);
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

describe('Check deployment reads Admin SDK failures for what they are', () => {
  it('a busy Admin SDK (429 or 5xx) says to check again, never that an approver is missing', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(BM)!.isAdmin = true;
    school.host.faults.inject({ method: 'AdminDirectory.Users.get', nth: 2 }, { kind: 'http', code: 429 });
    const lines = check(school.host.as(BM));
    expect(line(lines, 'Admin SDK API')).toMatchObject({ mark: '✓' });
    expect(line(lines, `Approver ${HEAD}`)).toMatchObject({
      mark: 'ℹ',
      detail: 'Google answered 429 (busy): check again in a minute.',
    });
    school.host.faults.inject({ method: 'AdminDirectory.Users.get' }, { kind: 'http', code: 503 });
    expect(line(check(school.host.as(BM)), 'Admin SDK API')).toMatchObject({
      mark: '✗',
      detail: 'Google answered 503 (busy): check again in a minute.',
    });
  });

  it('a web app whose user cannot read accounts is to fix, a delegated reader is fine', async () => {
    const school = await sampleSchool();
    expect(line(check(school.host.as(BM)), 'Admin SDK API')).toMatchObject({
      mark: '✓',
      detail: `Enabled; ${BM} can read accounts (a delegated admin role).`,
    });
    school.host.ws.users.get(BM)!.readsUsers = false;
    expect(line(check(school.host.as(BM)), 'Admin SDK API')).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(
        /cannot read accounts, so approved accounts wait as Pending admin: give bm@/,
      ),
    });
  });

  it('an approver the directory does not know (404) is named', async () => {
    const school = await sampleSchool();
    school.host.ws.users.get(BM)!.isAdmin = true;
    school.host.faults.inject({ method: 'AdminDirectory.Users.get', nth: 2 }, { kind: 'http', code: 404 });
    expect(line(check(school.host.as(BM)), `Approver ${HEAD}`)).toMatchObject({
      mark: '✗',
      detail: 'Not found in the directory: check the address in Settings.',
    });
  });

  it('without the admin.directory.user scope: the line names it, and approving records Error, not Pending admin', async () => {
    const manifest = readManifest(BUILD_DIR);
    manifest.oauthScopes = (manifest.oauthScopes ?? []).filter((s) => !s.endsWith('/admin.directory.user'));
    const school = await sampleSchool({ manifest });
    expect(line(check(school.host.as(BM)), 'Admin SDK API')).toMatchObject({
      mark: '✗',
      detail:
        'appsscript.json lacks the scope https://www.googleapis.com/auth/admin.directory.user: add it and deploy again.',
    });
    zoeSignsAndHeadApproves(school);
    expect(rowOf(school, 'zoe.lukasiewicz@school.example')).toMatchObject({
      Status: 'Approved',
      Account: 'Error',
    });
    expect(String(rowOf(school, 'zoe.lukasiewicz@school.example').Notes)).toMatch(
      /^The Admin SDK cannot be used \(API call to directory\.users\.get failed with error: Request had insufficient authentication scopes\.\): open Check deployment\.$/,
    );
  });
});

describe('Check deployment and Save settings when a store is gone', () => {
  it('a deleted Form is reported, and saving the settings makes a new one with its trigger', async () => {
    const school = await sampleSchool();
    const old = school.config.form.id;
    school.host.ws.drive.get(old)!.trashed = true;
    const bm = school.host.as(BM);
    expect(line(check(bm), 'New starters’ Form')).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(/The Form is gone/),
    });
    bm.openHomepage('GMAIL');
    bm.universalAction('onSettingsAction');
    expect(bm.click('Save settings').notification).toMatch(/^Saved/);
    expect(fixes(check(bm))).toEqual([]);
    const formTriggers = school.host.ws.triggers.filter((t) => t.handler === 'onFormSubmit');
    expect(formTriggers.map((t) => t.sourceId)).not.toContain(old);
    expect(formTriggers).toHaveLength(1);
  });

  it('a configuration saved before policyShared existed still works', async () => {
    const school = await sampleSchool();
    const key = 'AUP_SIGNER_CONFIG';
    const stored = JSON.parse(school.host.ws.scriptProperties.get(key) ?? '{}') as Record<string, unknown>;
    delete stored.policyShared;
    school.host.ws.scriptProperties.set(key, JSON.stringify(stored));
    expect(school.host.as(BM).openHomepage('GMAIL').error).toBeUndefined();
    expect(fixes(check(school.host.as(BM)))).toEqual([]);
  });

  it('where the administrator keeps forms to the school, the Form line says new starters cannot sign and what to ask', async () => {
    const school = newSchool({ ...(await sampleOptions()) });
    school.host.tenant.formsOutsideResponses = false;
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    expect(bm.click('Save settings', school.settings).card?.name).toBe('template-check');
    bm.click('Done');
    expect(line(check(bm), 'New starters’ Form')).toMatchObject({
      mark: '✗',
      detail: expect.stringMatching(
        /it is not open to anyone with the link.*let forms take responses from outside/,
      ),
    });
  });
});
