/**
 * `npm start -- [--template FILE] [--roster FILE] [--out DIR] [--school NAME]`: runs the AUP
 * lifecycle on the emulator (DESIGN.md §7) and writes what a person would look at: tracking.csv,
 * staff.csv, audit.csv, dashboard.csv, docs/, mail/, signed/, directory.json and cards/.
 * Exits 0 on success, 2 on bad input and 1 when the run fails, each failure one line on stderr.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  exportDirectory,
  exportDocuments,
  exportFiles,
  exportMail,
  exportSheetCsv,
  safeName,
} from '../exporters';
import type { Workspace } from '../core/workspace';
import { readSheet } from '../services/spreadsheet';
import { tooLong } from '../../src/core/limits';
import { unsafeText } from '../../src/core/names';
import { oneLine } from '../../src/core/safe';
import { InputError } from './input-error';
import { readTemplate } from './inputs';
import { checkMail } from './mail-check';
import { checkOutputFolder, MARKER, replaceOutputFolder } from './output';
import { LOCAL_SCHOOL, loadRoster } from './roster';
import { DEFAULT_CAST, directorySettings, runScenario, type ScenarioResult } from './scenario';

const SAMPLES = join(__dirname, '../../samples');

/** Where the local run says what it did (stdout) and what went wrong (stderr). */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const CONSOLE: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** The command line, read. */
interface Options {
  template?: string;
  roster?: string;
  out: string;
  school?: string;
  newVersion?: string;
}

/** A value for an option that takes a file or folder: not empty, not the next flag. */
function pathValue(value: string): string {
  if (!value.trim() || value.startsWith('-'))
    throw new InvalidArgumentError(`Give a file or folder name after the flag, not "${value}".`);
  return value;
}

/**
 * Reads the command line with commander; `--help` writes the usage to `io.out`.
 * @throws CommanderError for an unknown flag, a missing value or an extra argument, and (exit
 *   code 0) after the help
 */
function parseOptions(argv: string[], io: Io): Options {
  const program = new Command('npm start --')
    .description('Runs the AUP sign-off of a school on the local Workspace emulator and writes what it left.')
    .addOption(
      new Option('--template <file>', 'the AUP: .txt (a paragraph per line), .md or .docx').argParser(
        pathValue,
      ),
    )
    .addOption(
      new Option(
        '--roster <file>',
        'the staff: CSV with Email, Name, Role, Staff Type (see below), or "directory": the sample staff in the emulated Google directory',
      ).argParser(pathValue),
    )
    .addOption(
      new Option('--out <dir>', 'where to write the outputs: a new or empty folder, or an earlier output')
        .default('out')
        .argParser(pathValue),
    )
    .addOption(new Option('--school <name>', "the school's name (default: from the template's file name)"))
    .addOption(
      new Option(
        '--new-version <file>',
        'a substantive new version (.txt, .md or .docx) published in the middle of the year: everyone re-signs',
      ).argParser(pathValue),
    )
    .helpOption('-h, --help', 'print this and exit')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      `
Roster: a header Email, Name, Role, Staff Type (optional Personal Email, Start Date) in any case
or spacing; other columns are ignored. Comma, semicolon or tab between values; UTF-8, UTF-16 with
a byte-order mark, or Windows-1252. Staff types: ${LOCAL_SCHOOL.staffTypes.join(', ')}; emails at
${LOCAL_SCHOOL.domain}; a Personal Email marks a new starter. A row that cannot be used (not an
email, empty name, unknown staff type, a duplicate...) is listed as FILE:LINE and left out.

Outputs: a run writes into a new folder beside DIR and puts it in DIR's place only once all is
written, so a failed run leaves the last output as it was. DIR must be new, empty, or an
earlier output (it holds a ${MARKER} file).`,
    );
  program.parse(argv, { from: 'user' });
  return program.opts<Options>();
}

/**
 * The school's name from `--school`, fit for the settings card.
 * @throws InputError when it is empty, too long or holds control characters
 */
function schoolName(value: string): string {
  const why = unsafeText(value) ?? tooLong('schoolName', oneLine(value));
  if (why || !oneLine(value))
    throw new InputError('--school', undefined, why ?? 'give the name of the school.');
  return oneLine(value);
}

/**
 * Runs the local run for a command line and says how it went on `io`, one line for any failure.
 * @returns the exit code: 0 done (or `--help`), 2 bad input, 1 the run failed
 */
export async function runCli(argv: string[], io: Io = CONSOLE): Promise<number> {
  try {
    return await main(parseOptions(argv, io), io);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err(
        `Bad input: ${oneLineMessage(e.message.replace(/^error: /, ''))} (npm start -- --help lists the flags)`,
      );
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`Bad input: ${oneLineMessage(e.message)}`);
      return 2;
    }
    io.err(`The local run failed: ${oneLineMessage(e instanceof Error ? e.message : String(e))}`);
    if (process.env.AUP_SIGNER_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 1;
  }
}

/**
 * Pads `text` to `width` columns of a terminal: CJK and other wide characters take two columns,
 * combining marks none.
 */
function padColumns(text: string, width: number): string {
  const wide = text.match(
    /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu,
  );
  const marks = text.match(/\p{M}/gu);
  const columns = [...text].length + (wide?.length ?? 0) - (marks?.length ?? 0);
  return text + ' '.repeat(Math.max(1, width - columns));
}

/** A message on one line: each failure is one line on stderr. */
const oneLineMessage = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();

/** Checks every input, runs the scenario, writes the outputs and the summary; the exit code. */
async function main(values: Options, io: Io): Promise<number> {
  const templateFile = values.template ?? join(SAMPLES, 'aup-template.txt');
  const fromDirectory = values.roster === 'directory';
  const rosterFile = values.roster && !fromDirectory ? values.roster : join(SAMPLES, 'roster.csv');
  const out = values.out;
  checkOutputFolder(out);
  const notes: string[] = [];
  const template = await readTemplate(templateFile, notes);
  const newVersion = values.newVersion
    ? { template: await readTemplate(values.newVersion, notes), name: basename(values.newVersion) }
    : undefined;
  const roster = loadRoster(rosterFile, {
    ...LOCAL_SCHOOL,
    active: [DEFAULT_CAST.businessManager, ...DEFAULT_CAST.approvers],
  });
  notes.push(...roster.notes);
  const school =
    values.school !== undefined
      ? schoolName(values.school)
      : values.template
        ? schoolFromFile(templateFile)
        : 'Oakfield Primary School';

  const result = runScenario({
    template,
    templateName: basename(templateFile),
    roster: roster.rows,
    schoolName: school,
    newVersion,
    staffFrom: fromDirectory ? 'directory' : 'sheet',
  });
  const { host, config, log } = result;
  const ws = host.ws;
  const written = await replaceOutputFolder(out, (dir) => writeOutputs(result, dir));

  const { values: rows } = readSheet(ws, config.trackingSpreadsheetId, 'Signatures');
  const header = (rows[0] ?? []).map(String);
  const col = (h: string): number => header.indexOf(h);
  const requests = rows.slice(1).filter((r) => r[col('Request ID')]);
  const versions = result.versions ?? [config.policyVersion];
  const signedVersion = versions[versions.length - 1] as string;
  const first = requests.filter((r) => r[col('Policy Version')] === signedVersion);
  const next = requests.filter((r) => !versions.includes(String(r[col('Policy Version')])));
  const people = roster.rows.length;
  io.out(`AUP Signer — local run on the emulator (${school}, template ${basename(templateFile)})`);
  for (const note of notes) io.out(`  Note: ${note}`);
  io.out(
    fromDirectory
      ? `  Roster: the emulated directory (${people} people of ${rosterFile}, in ${directorySettings().replace(/\n/g, '; ')}).`
      : `  Roster ${rosterFile}: ${people === 1 ? '1 person goes' : `${people} people go`} ahead${roster.ignoredColumns.length ? `; columns ignored: ${roster.ignoredColumns.join(', ')}` : ''}.`,
  );
  if (roster.skipped.length) {
    io.out(
      `  ${roster.skipped.length} ${roster.skipped.length === 1 ? 'row' : 'rows'} left out (fix and run again):`,
    );
    for (const e of roster.skipped) io.out(`    ${e.message}`);
  }
  for (const line of log) io.out(`  ${line}`);
  io.out('');
  io.out(`  Policy version ${signedVersion}:`);
  io.out('  Name                          Status     Account   Signed via  Document SHA-256');
  for (const r of first) {
    io.out(
      `  ${padColumns(String(r[col('Name')]), 30)}${String(r[col('Status')]).padEnd(11)}${String(r[col('Account')]).padEnd(10)}${String(r[col('Signed Via')]).padEnd(12)}${String(r[col('Document SHA-256')]).slice(0, 16)}…`,
    );
  }
  const complete = first.filter(
    (r) => r[col('Status')] === 'Complete' && r[col('Account')] === 'Active',
  ).length;
  const reminded = next.filter(
    (r) => r[col('Status')] !== 'Complete' && Number(r[col('Reminders Sent')]) >= 1,
  ).length;
  const nextVersion = String(next[0]?.[col('Policy Version')] ?? '');
  io.out('');
  io.out(
    `  ${complete} of ${people} complete with account active; ${written.docs} documents; ${written.mail} emails; ${written.signed} signed PDFs and text snapshots.`,
  );
  io.out(`  Next cycle ${nextVersion || '(not opened)'}: ${next.length} new requests, ${reminded} reminded.`);
  const mail = checkMail(ws.sentMail, {
    signers: first
      .filter((r) => r[col('Signed At')])
      .map((r) => {
        const email = String(r[col('Email')]);
        return roster.rows.find((p) => p.email.toLowerCase() === email)?.personalEmail || email;
      }),
    approvers: config.approvers,
    roster: roster.rows,
  });
  for (const line of mail.held) io.out(`  Emails: ${line}`);
  io.out(
    `  Service calls: ${ws.accounting.total()} in ${host.executions.length} executions; modelled time ${(ws.accounting.totalMs() / 1000).toFixed(1)} s.`,
  );
  io.out(
    `  Outputs in ${out}/: tracking.csv staff.csv audit.csv dashboard.csv docs/ mail/ signed/ directory.json cards/`,
  );
  if (complete !== people) {
    io.err(
      `Not everyone completed: ${people - complete} of ${people} are not Complete with an active account.${firstAccountProblem(ws, config.trackingSpreadsheetId)}`,
    );
    return 1;
  }
  if (mail.problems.length) {
    io.err(`The emails fell short: ${mail.problems.join(' ')}`);
    return 1;
  }
  if (next.length !== people || reminded !== people) {
    io.err(
      `The next cycle did not re-invite and remind everyone: ${next.length} requests, ${reminded} reminded.`,
    );
    return 1;
  }
  return 0;
}

/**
 * Writes what a person would look at into `dir`: the sheets as CSV, documents, mail, signed
 * files, the directory and each card seen.
 * @returns how many documents, emails and signed files were written
 */
async function writeOutputs(
  { host, config, screens }: ScenarioResult,
  dir: string,
): Promise<{ docs: number; mail: number; signed: number }> {
  const ws = host.ws;
  mkdirSync(join(dir, 'cards'));
  const sheets = { Signatures: 'tracking', Staff: 'staff', Audit: 'audit', Dashboard: 'dashboard' };
  for (const [sheet, name] of Object.entries(sheets))
    exportSheetCsv(ws, config.trackingSpreadsheetId, sheet, join(dir, `${name}.csv`));
  const docs = exportDocuments(ws, join(dir, 'docs'), config.folderId);
  const mail = await exportMail(ws, join(dir, 'mail'));
  const signed = exportFiles(ws, join(dir, 'signed'), config.signedFolderId);
  exportDirectory(ws, join(dir, 'directory.json'));
  screens.forEach((s, i) => {
    const file = `${String(i + 1).padStart(3, '0')}-${safeName(s.who)}-${safeName(s.step)}.json`;
    writeFileSync(join(dir, 'cards', file), `${JSON.stringify(s.screen, null, 2)}\n`);
  });
  return { docs: docs.length, mail: mail.length, signed: signed.length };
}

/** The first account state the Audit recorded other than Active, as " Account Error: <note>", or ''. */
function firstAccountProblem(ws: Workspace, spreadsheetId: string): string {
  const { values } = readSheet(ws, spreadsheetId, 'Audit');
  const header = (values[0] ?? []).map(String);
  const action = header.indexOf('Action');
  const details = header.indexOf('Details');
  const row = values
    .slice(1)
    .find((r) => /^Account /.test(String(r[action])) && r[action] !== 'Account Active');
  return row ? ` ${String(row[action])}: ${String(row[details])}` : '';
}
/** "altmore-lathom-staff.txt" → "Altmore Lathom". */
function schoolFromFile(file: string): string {
  const words = basename(file, extname(file))
    .split(/[-_\s]+/)
    .filter((w) => !/^(staff|aup|policy|\d{4})$/i.test(w));
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || 'Our School';
}

if (require.main === module) void runCli(process.argv.slice(2)).then((code) => process.exit(code));
