import type { School } from '../../emulator/cli/scenario';
import { queueNames } from '../../emulator/cli/scenario';
import { Execution } from '../../emulator/core/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';

/** Modelled milliseconds of each card action, measured as each role with every row in the sheet. */
export interface CardTimes {
  signer_homepage_ms: number;
  sign_ms: number;
  approver_homepage_ms: number;
  approve_ms: number;
  manager_homepage_ms: number;
  send_invitations_ms: number;
  /**
   * Modelled ms the script lock was held for one signature: the card's claim and the evidence
   * run the card hands over, together (nothing else runs meanwhile).
   */
  lock_ms_per_sign: number;
}

/**
 * Each role's cards on a school whose invitations have all gone out: a member of staff opens the
 * Gmail homepage and signs; the first approver opens their homepage, reviews the first person and
 * approves; the business manager opens the homepage, adds two people to the Staff sheet and sends
 * invitations. Each figure is the card execution's modelled time (the web-app round trip
 * included), as the person waits for it.
 */
export function measureCards(school: School, signer: { email: string; name: string }): CardTimes {
  const { host, cast } = school;
  const timed = (fn: string, act: () => void): number => {
    const from = host.executions.length;
    act();
    const run = host.executions.slice(from).find((e) => e.fn === fn);
    if (!run) throw new Error(`No ${fn} execution`);
    if (run.error) throw new Error(`${fn}: ${run.error}`);
    return run.elapsedMs;
  };
  const person = host.as(signer.email);
  const signer_homepage_ms = timed('onHomepage', () => person.openHomepage('GMAIL'));
  const holds = host.ws.lockHolds.length;
  const sign_ms = timed('onSign', () => person.click('Sign', { consent: ['agree'], typedName: signer.name }));
  host.advance(10 * 60_000);
  const lock_ms_per_sign = host.ws.lockHolds
    .slice(holds)
    .filter((h) => h.key === 'script')
    .reduce((ms, h) => ms + h.ms, 0);
  const approver = host.as(cast.approvers[0] as string);
  const approver_homepage_ms = timed('onHomepage', () => approver.openHomepage('GMAIL'));
  const first = queueNames(approver.card)[0];
  if (!first) throw new Error('The approver has no one to approve');
  approver.click(first);
  const approve_ms = timed('onApprove', () => approver.click('Approve', { systems: ['Email'] }));
  const bm = host.as(cast.businessManager);
  const manager_homepage_ms = timed('onHomepage', () => bm.openHomepage('GMAIL'));
  addStaff(school, [
    ['late.starter1@school.example', 'Late Starter One', 'Teacher', 'Staff'],
    ['late.starter2@school.example', 'Late Starter Two', 'Teacher', 'Staff'],
  ]);
  const send_invitations_ms = timed('onSendInvitations', () => bm.click('Send invitations'));
  return {
    signer_homepage_ms,
    sign_ms,
    approver_homepage_ms,
    approve_ms,
    manager_homepage_ms,
    send_invitations_ms,
    lock_ms_per_sign,
  };
}

/** The business manager types people at the end of the Staff sheet (Sheets' own UI, no script). */
function addStaff(school: School, rows: string[][]): void {
  const bm = school.cast.businessManager;
  for (const [email, name] of rows) school.host.ws.addUser({ email: email as string, name: name as string });
  const exec = new Execution(school.host.ws, 'editor', bm, bm);
  const sheet = createSpreadsheetApp(exec)
    .openById(school.config.trackingSpreadsheetId)
    .getSheetByName('Staff');
  if (!sheet) throw new Error('No Staff sheet');
  const at = sheet.getLastRow() + 1;
  sheet.getRange(at, 1, rows.length, 4).setValues(rows);
}
