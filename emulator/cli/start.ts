/**
 * `npm start -- [--template FILE] [--roster FILE] [--out DIR]`: runs the AUP lifecycle on the
 * emulator (DESIGN.md §7) and writes what a person would look at: tracking.csv, staff.csv,
 * audit.csv, docs/, mail/, directory.json and cards/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
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
import { InputError, readRoster, readTemplate } from './inputs';
import { runScenario } from './scenario';

const SAMPLES = join(__dirname, '../../samples');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      template: { type: 'string' },
      roster: { type: 'string' },
      out: { type: 'string', default: 'out' },
      school: { type: 'string' },
    },
    strict: true,
  });
  const templateFile = values.template ?? join(SAMPLES, 'aup-template.txt');
  const rosterFile = values.roster ?? join(SAMPLES, 'roster.csv');
  const out = values.out ?? 'out';
  const template = await readTemplate(templateFile);
  const roster = readRoster(rosterFile);
  const schoolName =
    values.school ?? (values.template ? schoolFromFile(templateFile) : 'Oakfield Primary School');

  const result = runScenario({ template, templateName: basename(templateFile), roster, schoolName });
  const { host, config, screens, log } = result;
  const ws = host.ws;

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'cards'), { recursive: true });
  exportSheetCsv(ws, config.trackingSpreadsheetId, 'Signatures', join(out, 'tracking.csv'));
  exportSheetCsv(ws, config.trackingSpreadsheetId, 'Staff', join(out, 'staff.csv'));
  exportSheetCsv(ws, config.trackingSpreadsheetId, 'Audit', join(out, 'audit.csv'));
  exportSheetCsv(ws, config.trackingSpreadsheetId, 'Dashboard', join(out, 'dashboard.csv'));
  const docs = exportDocuments(ws, join(out, 'docs'), config.folderId);
  const mail = await exportMail(ws, join(out, 'mail'));
  const signed = exportFiles(ws, join(out, 'signed'), config.signedFolderId);
  exportDirectory(ws, join(out, 'directory.json'));
  screens.forEach((s, i) => {
    const file = `${String(i + 1).padStart(3, '0')}-${safeName(s.who)}-${safeName(s.step)}.json`;
    writeFileSync(join(out, 'cards', file), `${JSON.stringify(s.screen, null, 2)}\n`);
  });

  const { values: rows } = readSheet(ws, config.trackingSpreadsheetId, 'Signatures');
  const header = (rows[0] ?? []).map(String);
  const col = (h: string): number => header.indexOf(h);
  const requests = rows.slice(1).filter((r) => r[col('Request ID')]);
  const first = requests.filter((r) => r[col('Policy Version')] === config.policyVersion);
  const next = requests.filter((r) => r[col('Policy Version')] !== config.policyVersion);
  console.log(`AUP Signer — local run on the emulator (${schoolName}, template ${basename(templateFile)})`);
  for (const line of log) console.log(`  ${line}`);
  console.log('');
  console.log(`  Policy version ${config.policyVersion}:`);
  console.log('  Name                          Status     Account   Signed via  Document SHA-256');
  for (const r of first) {
    console.log(
      `  ${String(r[col('Name')]).padEnd(30)}${String(r[col('Status')]).padEnd(11)}${String(r[col('Account')]).padEnd(10)}${String(r[col('Signed Via')]).padEnd(12)}${String(r[col('Document SHA-256')]).slice(0, 16)}…`,
    );
  }
  const complete = first.filter(
    (r) => r[col('Status')] === 'Complete' && r[col('Account')] === 'Active',
  ).length;
  const reminded = next.filter(
    (r) => r[col('Status')] !== 'Complete' && Number(r[col('Reminders Sent')]) >= 1,
  ).length;
  const nextVersion = String(next[0]?.[col('Policy Version')] ?? '');
  console.log('');
  console.log(
    `  ${complete} of ${roster.length} complete with account active; ${docs.length} documents; ${mail.length} emails; ${signed.length} signed PDFs and text snapshots.`,
  );
  console.log(
    `  Next cycle ${nextVersion || '(not opened)'}: ${next.length} new requests, ${reminded} reminded.`,
  );
  console.log(
    `  Service calls: ${ws.accounting.total()} in ${host.executions.length} executions; modelled time ${(ws.accounting.totalMs() / 1000).toFixed(1)} s.`,
  );
  console.log(
    `  Outputs in ${out}/: tracking.csv staff.csv audit.csv dashboard.csv docs/ mail/ signed/ directory.json cards/`,
  );
  if (complete !== roster.length) {
    console.error(
      `Not everyone completed: ${roster.length - complete} of ${roster.length} are not Complete with an active account.${firstAccountProblem(ws, config.trackingSpreadsheetId)}`,
    );
    return 1;
  }
  if (next.length !== roster.length || reminded !== roster.length) {
    console.error(
      `The next cycle did not re-invite and remind everyone: ${next.length} requests, ${reminded} reminded.`,
    );
    return 1;
  }
  return 0;
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

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof InputError) {
      console.error(`Bad input: ${e.message}`);
      process.exit(2);
    }
    console.error(`The local run failed: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.AUP_SIGNER_DEBUG && e instanceof Error) console.error(e.stack);
    process.exit(1);
  },
);
