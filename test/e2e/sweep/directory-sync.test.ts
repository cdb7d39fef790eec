import type { Host } from '../../../emulator/host/host';
import { describeSweeps, SAM, smallSchool, ZOE } from './support';

const JOINER = 'ada.nwosu@school.example';
const TECH = 'tech@school.example';

/** The administrator's daily directory sync: the clock passes 08:00 London (the daily run is at 09:00). */
function runSync(host: Host): void {
  host.advance(20 * 60_000);
}

/**
 * What the administrator does on Apps Script's failure email: runs the sync again from the
 * editor (a run that worked does nothing more).
 */
function runAgain(host: Host): void {
  host.run('onDirectorySync', [], { user: TECH, kind: 'editor' });
}

/**
 * The small school with its staff list from the directory, invited; the next morning, ten minutes
 * before the sync, the directory has a joiner (suspended, with a recovery email), a leaver (Sam,
 * suspended) and a new name for Zoë, whose AUP is still open.
 */
async function directoryChanged() {
  const school = await smallSchool(true, { staffFrom: 'directory' });
  const { host } = school;
  const now = new Date(host.ws.clock.now());
  const eightLondon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 7, 0);
  host.advance(eightLondon - 10 * 60_000 - now.getTime());
  const ws = host.ws;
  ws.addUser({
    email: JOINER,
    name: 'Ada Nwosu',
    suspended: true,
    orgUnitPath: '/Staff',
    recoveryEmail: 'ada@home.example',
  });
  ws.addExternal('ada@home.example');
  (ws.users.get(SAM.email) as { suspended: boolean }).suspended = true;
  (ws.users.get(ZOE.email) as { name: { fullName: string } }).name.fullName = 'Zoë Łukasiewicz-Hart';
  return school;
}

describeSweeps(
  'the daily directory sync',
  directoryChanged,
  { act: runSync, retry: runAgain },
  (baseline) => {
    expect(baseline.rows).toContainEqual(
      expect.stringMatching(/^ada\.nwosu@school\.example \| 2026-27 \| Invited \|/),
    );
    expect(baseline.sheets).toContainEqual(
      expect.stringMatching(/^Staff: sam\.whitfield@school\.example \| .* \| 20\d\d-\d\d-\d\d \| Directory$/),
    );
    expect(baseline.sheets).toContainEqual(
      expect.stringMatching(/^Staff: zoe\.lukasiewicz@school\.example \| Zoë Łukasiewicz-Hart \|/),
    );
    expect(baseline.audit).toContainEqual('zoe.lukasiewicz@school.example | Renamed');
    expect(baseline.mail).toContainEqual(expect.stringMatching(/ada@home\.example/));
  },
);
