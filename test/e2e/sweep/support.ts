import { readTemplate, type RosterRow } from '../../../emulator/cli/inputs';
import { setUpSchool, type ScenarioOptions, type School } from '../../../emulator/cli/scenario';
import type { FaultKind, FaultPlace } from '../../../emulator/core/faults';
import type { Host } from '../../../emulator/host/host';
import { documentText } from '../../../emulator/services/document/io';
import { join } from 'node:path';
import { readSheet } from '../../../emulator/services/spreadsheet';
import { auditRows, SAMPLES, signatures } from '../support';

/** A small school for sweeps: two staff, a new starter who signs through the Form, two approvers. */
export const STAFF: RosterRow[] = [
  {
    email: 'zoe.lukasiewicz@school.example',
    name: 'Zoë Łukasiewicz',
    role: 'Teacher',
    staffType: 'Staff',
    personalEmail: '',
    startDate: '',
    line: 2,
  },
  {
    email: 'sam.whitfield@school.example',
    name: 'Sam Whitfield',
    role: 'TA',
    staffType: 'Staff',
    personalEmail: '',
    startDate: '',
    line: 3,
  },
  {
    email: 'ola.adeyemi@school.example',
    name: 'Ola Adeyemi',
    role: 'Teacher',
    staffType: 'Staff',
    personalEmail: 'ola.adeyemi@home.example',
    startDate: '',
    line: 4,
  },
];
export const [ZOE, SAM, OLA] = STAFF as [RosterRow, RosterRow, RosterRow];
export const HEAD = 'head@school.example';
export const BM = 'bm@school.example';

/**
 * The small school set up through the cards; `invite` false stops before Send invitations. Its
 * emails may go at weekends, so that a day's recovery is the next day's run whatever the weekday
 * (the weekend rule has its own tests: test/e2e/reminders.test.ts, test/e2e/annual.test.ts).
 * `more` takes the staff list from the directory, or adds settings.
 */
export async function smallSchool(
  invite = true,
  more: Pick<ScenarioOptions, 'staffFrom'> & { settings?: Record<string, string> } = {},
): Promise<School> {
  return setUpSchool({
    template: await readTemplate(join(SAMPLES, 'aup-template.txt')),
    templateName: 'AUP',
    roster: STAFF,
    schoolName: 'Oakfield Primary School',
    sendInvitations: invite,
    staffFrom: more.staffFrom,
    settings: { weekendEmails: 'yes', ...more.settings },
  });
}

/** One action to sweep: what a person does, and what they do next when they saw it fail. */
export interface SweepCase {
  /** The action, on a fork of the school (errors are what the person saw: not thrown). */
  act: (host: Host) => void;
  /** What the person does afterwards: open their card, and try again where it is still offered. */
  retry: (host: Host) => void;
}

/** Everything a sweep compares: what the school's people and the business manager can see. */
export interface Outcome {
  rows: string[];
  /** Every file not in the bin by type and name (snapshots and PDFs counted), so nothing is made twice. */
  files: string[];
  mail: string[];
  audit: string[];
  /** What is still owed in Script Properties: steps, notices, a publication (none when settled). */
  owed: string[];
  /** Documents of signed requests still saying "awaiting signature". */
  unfilled: string[];
  /** The Staff, Versions and Records sheets' rows, each as one line (the directory sync, publishing, records). */
  sheets: string[];
}

/**
 * Audit rows left out of the comparison: how often a card was viewed or a person verified, an email given up as
 * unconfirmed (checked apart), and what the Admin SDK said of an account on the way to Active
 * (a run that stopped may skip a look at it, or look twice: history, not state). "Account Active"
 * counts once per request for the same reason.
 */
const TRANSIENT_AUDIT = [
  'Viewed',
  'Verify',
  'Notice unconfirmed',
  'Account Suspended',
  'Account Pending admin',
  'Account Error',
  'Account Not found',
];

/** Services whose calls only build something in the run's own memory (a card, an answer, a blob, a trigger not yet created). */
const LOCAL_ONLY =
  /^(CardService|ContentService|TextOutput|HtmlService|HtmlOutput|Utilities|Logger|console|Blob|ClockTriggerBuilder|FormTriggerBuilder|TriggerBuilder)\./;

/** A call that changes something: a crash just after it leaves a different state from one just before. */
export function changesState(method: string): boolean {
  if (LOCAL_ONLY.test(method) && !method.endsWith('.create')) return false;
  const name = method.slice(method.lastIndexOf('.') + 1);
  return (
    /^(set|append|insert|delete|remove|add|create|make|update|send|trash|save|protect|copy|move|fetch|publish|waitLock|tryLock|releaseLock|clear|flush|put|patch|submit)/i.test(
      name,
    ) || method === 'UrlFetchApp.fetch'
  );
}

/**
 * Lets the school settle as it would: eight minutes (the leases of stopped runs are over, one-off
 * triggers run), the person's next move (`retry`: their card opened again, the action tried again
 * where it is still offered), and the next day's daily trigger (past MailApp's quota reset) and
 * anything it schedules.
 */
export function settle(host: Host, c: SweepCase): void {
  host.advance(8 * 60_000);
  c.retry(host);
  host.advance(26 * 3_600_000);
  host.advance(10 * 60_000);
}

/** What the school looks like now, without times, IDs or hashes (those differ between runs). */
export function outcome(school: Pick<School, 'host' | 'config'>): Outcome {
  const host = school.host;
  const rows = signatures(school);
  const emailOf = new Map(rows.map((r) => [String(r['Request ID']), String(r.Email)]));
  const files = [...host.ws.drive.values()].filter((f) => !f.trashed);
  const named = files.filter((f) => f.mimeType !== 'application/pdf' && f.mimeType !== 'text/plain');
  const pdfs = files.filter((f) => f.mimeType === 'application/pdf');
  const unfilled = rows
    .filter((r) => ['Signed', 'Approved', 'Complete'].includes(String(r.Status)))
    .filter((r) => {
      const id = /\/d\/([^/]+)/.exec(String(r.Document))?.[1] ?? '';
      return documentText(host.ws, id).includes('awaiting signature');
    })
    .map((r) => String(r.Email));
  return {
    rows: rows
      .map((r) =>
        [
          r.Email,
          r['Policy Version'],
          r.Status,
          r.Account,
          r['Signed Via'],
          r['Typed Signature'],
          r['Approved By'],
          r.Systems,
          r['Reminders Sent'],
          r.Document ? 'doc' : '',
          r['Document SHA-256'] ? 'sha' : '',
          r['Signed PDF'] ? 'pdf' : '',
        ].join(' | '),
      )
      .sort(),
    files: [
      ...named.map((d) => `${d.mimeType.replace('application/vnd.google-apps.', '')}: ${d.name}`),
      `${pdfs.length} PDFs`,
    ].sort(),
    mail: host.ws.sentMail.map((m) => `${m.to.join(',')} | ${m.subject}`).sort(),
    audit: auditRows(school)
      .filter((a) => !TRANSIENT_AUDIT.includes(a.Action))
      .map((a) => `${emailOf.get(a['Request ID']) ?? a['Request ID']} | ${a.Action}`)
      .filter((line, i, all) => !line.endsWith('| Account Active') || all.indexOf(line) === i)
      .sort(),
    owed: [...host.ws.scriptProperties.keys()].filter((k) => /^AUP_SIGNER_(PENDING|OUTBOX|PUBLISH)/.test(k)),
    unfilled,
    sheets: ['Staff', 'Versions', 'Records'].flatMap((name) => sheetLines(school, name)),
  };
}

/**
 * A sheet's data rows as `name: cell | cell …` lines, sorted ('' cells kept; none when the sheet is
 * absent); file IDs in links left out (each run makes its files anew; `files` compares them by name).
 */
function sheetLines(school: Pick<School, 'host' | 'config'>, name: string): string[] {
  let values: unknown[][];
  try {
    values = readSheet(school.host.ws, school.config.trackingSpreadsheetId, name).values;
  } catch {
    return [];
  }
  return values
    .slice(1)
    .filter((r) => r.some((c) => String(c ?? '') !== ''))
    .map(
      (r) =>
        `${name}: ${r
          .map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? '')))
          .join(' | ')
          .replace(/\/d\/[\w-]+/g, '/d/…')}`,
    )
    .sort();
}

/** Items of `a` not in `b`, counting repeats. */
export function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** One fault point of a sweep, and how the school ended. */
export interface PointResult {
  place: FaultPlace;
  /** The method the fault struck. */
  method: string;
  outcome: Outcome;
  /** "Notice unconfirmed" Audit rows: emails given up because the run died at the send itself. */
  unconfirmed: number;
}

/** A sweep: the calls the action made without faults, the settled outcome, and each point's. */
export interface Sweep {
  calls: string[];
  baseline: Outcome;
  points: PointResult[];
}

/**
 * Runs `c` on forks of `school`: once without faults (listing its calls, then settling), then
 * once per point `pointsOf` picks from those calls, with `fault` injected there, each settled the
 * same way. The caller compares each point's outcome with the baseline.
 */
export function sweep(
  school: School,
  c: SweepCase,
  fault: FaultKind,
  pointsOf: (calls: readonly string[]) => FaultPlace[],
): Sweep {
  const probe = school.host.fork();
  const calls = probe.faults.record();
  c.act(probe);
  const counted = [...calls];
  settle(probe, c);
  const baseline = outcome({ host: probe, config: school.config });
  const points = pointsOf(counted).map((place): PointResult => {
    const host = school.host.fork();
    const rule = host.faults.inject(place, fault);
    const seen = host.faults.record();
    c.act(host);
    host.faults.clear();
    const method = rule.fired ? (seen[seen.length - 1] ?? '') : '(never reached)';
    settle(host, c);
    const result = outcome({ host, config: school.config });
    const unconfirmed = auditRows({ host, config: school.config }).filter(
      (a) => a.Action === 'Notice unconfirmed',
    ).length;
    return { place, method: struck(seen, place, method), outcome: result, unconfirmed };
  });
  return { calls: counted, baseline, points };
}

/** The method at the place a rule struck (the nth matching call of the recorded list). */
function struck(seen: readonly string[], place: FaultPlace, fallback: string): string {
  const matching = place.method === '*' ? seen : seen.filter((m) => m === place.method);
  return matching[(place.nth ?? 1) - 1] ?? fallback;
}

/**
 * Crash points: before the action's first call, and just after each call that changes state (a
 * crash at a read, or at a call that only builds something in the run's memory such as a card,
 * leaves the same state as one at the next call, since it changed nothing and the run dies either
 * way). `nth` counts every call from the injection, as the calls list does.
 * Inside an unbroken run of edits to a document (filling a copy's placeholders, a signature
 * block), only the first and the last edit are points: the document is half-made at any edit in
 * between, and what follows (a copy not marked ready is binned and made again, a block filled
 * again) is the same. With SWEEP_EVERY_CALL set, every call is a point.
 */
const DOC_EDIT = /^(Text|Paragraph|ListItem|Body|TableCell|TableRow|Table)\./;
export function crashPoints(calls: readonly string[]): FaultPlace[] {
  if (process.env.SWEEP_EVERY_CALL) return calls.map((_, i) => ({ method: '*', nth: i + 1 }));
  const at = [1];
  calls.forEach((m, i) => {
    if (!changesState(m) || i + 2 > calls.length) return;
    const editing =
      DOC_EDIT.test(m) && DOC_EDIT.test(calls[i + 1] ?? '') && DOC_EDIT.test(calls[i - 1] ?? '');
    if (!editing) at.push(i + 2);
  });
  return [...new Set(at)].map((nth) => ({ method: '*', nth }));
}

/** Every script-lock wait of the action, in turn. */
export function lockPoints(calls: readonly string[]): FaultPlace[] {
  const n = calls.filter((m) => m === 'Lock.waitLock' || m === 'Lock.tryLock').length;
  return Array.from({ length: n }, (_, i) => ({ method: '*', nth: i + 1 }));
}

/** Every email the action sends, in turn. */
export function sendPoints(calls: readonly string[]): FaultPlace[] {
  const n = calls.filter((m) => m === 'MailApp.sendEmail').length;
  return Array.from({ length: n }, (_, i) => ({ method: 'MailApp.sendEmail', nth: i + 1 }));
}

/**
 * What a sweep must show: every point ends as the baseline did (rows, files, Audit, nothing owed,
 * every signed document filled), never with an email the baseline did not send; an email is
 * missing only where the run died at that very send, and then the Audit says so.
 * @returns a line per point that differs, for the test to print (empty when all agree)
 */
export function differences(s: Sweep): string[] {
  const out: string[] = [];
  for (const p of s.points) {
    const o = p.outcome;
    const where = `${p.place.method}#${p.place.nth} (${p.method})`;
    const extra = minus(o.mail, s.baseline.mail);
    const missing = minus(s.baseline.mail, o.mail);
    if (extra.length) out.push(`${where}: sent twice or unexpected: ${extra.join('; ')}`);
    if (missing.length && !(p.method === 'MailApp.sendEmail' && missing.length === 1 && p.unconfirmed === 1))
      out.push(`${where}: not sent: ${missing.join('; ')}`);
    for (const k of ['rows', 'files', 'audit', 'owed', 'unfilled', 'sheets'] as const) {
      if (JSON.stringify(o[k]) !== JSON.stringify(s.baseline[k])) {
        out.push(
          `${where}: ${k} differ: +[${minus(o[k], s.baseline[k]).join('; ')}] -[${minus(s.baseline[k], o[k]).join('; ')}]`,
        );
      }
    }
  }
  return out;
}

/**
 * The three sweeps of one action, as tests: a crash at each state change, a script-lock timeout
 * at each wait, and MailApp's quota spent at each send (not for an action that `sends` no email). Each prints how many points it covered,
 * and `check` asserts what the action achieves without faults (so the sweep proves something).
 */
export function describeSweeps(
  action: string,
  school: () => Promise<School>,
  c: SweepCase,
  check: (baseline: Outcome) => void,
  sends = true,
): void {
  const sweeps: [string, FaultKind, (calls: readonly string[]) => FaultPlace[]][] = [
    ['a crash at each state change', { kind: 'crash' }, crashPoints],
    ['a script-lock timeout at each wait', { kind: 'lockTimeout' }, lockPoints],
    ['the mail quota spent at each send', { kind: 'quota' }, sendPoints],
  ];
  describe(`${action}, failing at every step`, () => {
    let base: School;
    beforeAll(async () => {
      base = await school();
    });
    it.each(sends ? sweeps : sweeps.slice(0, 2))('%s ends as without it', (what, fault, pointsOf) => {
      const s = sweep(base, c, fault, pointsOf);
      const givenUp = s.points.filter((p) => p.unconfirmed > 0).length;
      console.log(
        `${action}: ${what}: ${s.points.length} points over ${s.calls.length} calls (${givenUp} at an email's send: given up as "Notice unconfirmed", never sent twice)`,
      );
      check(s.baseline);
      expect(s.baseline.owed).toEqual([]);
      expect(s.baseline.unfilled).toEqual([]);
      expect(s.points.length).toBeGreaterThan(0);
      expect(differences(s)).toEqual([]);
    });
  });
}

/** Zoë has signed from her card, and the steps it handed over are done (two minutes on). */
export async function zoeSigned(): Promise<School> {
  const school = await smallSchool();
  const zoe = school.host.as(ZOE.email);
  zoe.openHomepage('GMAIL');
  zoe.click('Sign', { consent: ['agree'], typedName: ZOE.name });
  school.host.advance(2 * 60_000);
  return school;
}
