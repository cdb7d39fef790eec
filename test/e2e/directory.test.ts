import { runScenario, type ScenarioResult } from '../../emulator/cli/scenario';
import { auditRows, sampleOptions, sheetRows, signatures } from './support';

const BM = 'bm@school.example';
const JOINER = 'ada.nwosu@school.example';
const JOINER_HOME = 'ada.nwosu@home.example';
const GOVERNOR = 'ravi.patel@school.example';
const LEAVER = 'siobhan.nibhriain@school.example';
const GONE = 'reader@school.example';
const RETITLED = 'tech@school.example';

/** The Staff sheet by email: each row's cells by header. */
function staff(result: Pick<ScenarioResult, 'host' | 'config'>): Map<string, Record<string, string>> {
  return new Map(sheetRows(result, 'Staff').map((r) => [String(r.Email), r] as const));
}

describe('the staff list from the Google directory, over a year', () => {
  let result: ScenarioResult;
  beforeAll(async () => {
    result = runScenario({ ...(await sampleOptions()), staffFrom: 'directory', nextCycle: false });
  });

  it('is read at setup by an administrator; a group gone takes nobody for a leaver; a business manager who is no administrator is told who can', () => {
    const rows = staff(result);
    expect(rows.size).toBe(10);
    expect(rows.get('chair@school.example')).toMatchObject({ 'Staff Type': 'Governor', Source: 'Directory' });
    expect(rows.get('reader@school.example')).toMatchObject({
      'Staff Type': 'Volunteer',
      Role: 'Reading Volunteer',
    });
    expect(rows.get('grainne.osullivan@school.example')?.['Personal Email']).toBe(
      'grainne.os@personal.example',
    );
    expect(signatures(result).every((r) => r.Status === 'Complete')).toBe(true);
    const fork = result.host.fork();
    fork.ws.groups.delete('governors@school.example');
    fork.run('onDirectorySync', [], { user: RETITLED, kind: 'editor' });
    expect(staff({ host: fork, config: result.config }).get('chair@school.example')?.['Leaving Date']).toBe(
      '',
    );
    expect(fork.ws.scriptProperties.get('AUP_SIGNER_DIRECTORY_SYNC')).toContain(
      'The group governors@school.example was not found in the directory: check its address in Settings. Nobody was taken for a leaver for being absent',
    );
    const bm = fork.as(BM);
    bm.openHomepage('GMAIL');
    const check = JSON.stringify(bm.click('Check deployment').card);
    expect(check).toMatch(
      /Read daily as tech@school\.example\. Last: 2026-09-0\d, 9 in the directory's units and groups: .*The group governors@school\.example was not found/,
    );
    bm.openHomepage('GMAIL');
    expect(bm.click('Sync the staff list now').notification).toMatch(
      /^The directory could not be read \(.*Not Authorized to access this resource\/api\): only a Google Workspace administrator whose role may read users and groups can run the staff-list sync\. Ask your Google Workspace administrator/,
    );
  });

  it('adds and invites joiners, stops chasing leavers, applies new names and titles, and audits each change', () => {
    const { host } = result;
    const ws = host.ws;
    host.advanceTo(new Date('2026-10-05T12:00:00Z'));
    ws.addUser({
      email: JOINER,
      name: 'Ada Nwosu',
      suspended: true,
      orgUnitPath: '/Staff/Science',
      title: 'Science Teacher',
      recoveryEmail: JOINER_HOME,
    });
    ws.addExternal(JOINER_HOME);
    ws.addUser({ email: GOVERNOR, name: 'Ravi Patel' });
    ws.groups.get('governors@school.example')?.members.push(GOVERNOR);
    (ws.users.get(RETITLED) as { title: string }).title = 'Director of IT';
    host.advanceTo(new Date('2026-10-06T12:00:00Z'));
    let rows = staff(result);
    expect(rows.get(JOINER)).toMatchObject({
      Name: 'Ada Nwosu',
      Role: 'Science Teacher',
      'Staff Type': 'Staff',
      'Personal Email': JOINER_HOME,
    });
    expect(rows.get(GOVERNOR)?.['Staff Type']).toBe('Governor');
    expect(rows.get(RETITLED)?.Role).toBe('Director of IT');
    const invitations = ws.sentMail.filter(
      (m) => /^Please sign/.test(m.subject) && m.sentAt >= Date.parse('2026-10-06'),
    );
    expect(invitations.map((m) => m.to.join())).toEqual(expect.arrayContaining([JOINER_HOME, GOVERNOR]));
    expect(invitations.find((m) => m.to.includes(JOINER_HOME))?.body).toContain('docs.google.com/forms');

    (ws.users.get(JOINER) as { name: { fullName: string } }).name.fullName = 'Ada Nwosu-Bello';
    (ws.users.get(LEAVER) as { suspended: boolean }).suspended = true;
    ws.users.delete(GONE);
    host.advanceTo(new Date('2026-10-07T12:00:00Z'));
    rows = staff(result);
    expect(rows.get(JOINER)?.Name).toBe('Ada Nwosu-Bello');
    expect(rows.get(LEAVER)?.['Leaving Date']).toBe('2026-10-07');
    expect(rows.get(GONE)?.['Leaving Date']).toBe('2026-10-07');
    const ada = signatures(result).find((r) => r.Email === JOINER);
    expect(ada).toMatchObject({ Name: 'Ada Nwosu-Bello', Status: 'Invited' });
    const audit = auditRows(result);
    const synced = audit.filter((a) => a.Action === 'Directory sync').map((a) => a.Details);
    expect(synced).toEqual(
      expect.arrayContaining([
        `2026-10-06: Ada Nwosu <${JOINER}> added as Staff (a new starter: invited at ${JOINER_HOME})`,
        `2026-10-06: Ravi Patel <${GOVERNOR}> added as Governor`,
        `2026-10-06: ${RETITLED}: job title Network Manager → Director of IT`,
        `2026-10-07: ${JOINER}: name Ada Nwosu → Ada Nwosu-Bello`,
        `2026-10-07: ${LEAVER}: suspended in the directory: leaves today`,
        `2026-10-07: ${GONE}: no longer in the directory’s units and groups: leaves today`,
      ]),
    );
    expect(audit.some((a) => a.Action === 'Renamed' && a.Details.includes('Ada Nwosu-Bello'))).toBe(true);
    expect(synced.filter((d) => d.startsWith('2026-10-08'))).toEqual([]);

    host.advanceTo(new Date('2027-09-10T12:00:00Z'));
    const next = signatures(result).filter((r) => r['Policy Version'] === '2027-28');
    const invited = new Set(next.map((r) => String(r.Email)));
    expect(invited.has(LEAVER)).toBe(false);
    expect(invited.has(GONE)).toBe(false);
    expect(invited.has(GOVERNOR)).toBe(true);
    expect(invited.has(JOINER)).toBe(true);
    const chased = ws.sentMail.filter((m) => /^(Reminder|Overdue)/.test(m.subject) && m.to.includes(LEAVER));
    expect(chased).toEqual([]);
  });
});
