/**
 * `npm run bench`: service calls, modelled time, executions and emails per day for the annual
 * invitation and a reminder day, for 2,000 staff (and 200, to show Sheets calls do not grow with
 * staff numbers), beside a naive baseline. Latencies are the emulator's model
 * (emulator/core/latency.ts, sources cited there). A benchmark, not a test: it reports, it does
 * not fail on timings.
 */
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { measureNaive } from './bench/naive';
import { measureOurs, type Measure } from './bench/ours';

const fmt = (n: number): string => n.toLocaleString('en-GB');
const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(2)} h`;
const days = (m: Measure): string =>
  Object.entries(m.emailsPerDay)
    .map(([d, c]) => `${d}: ${fmt(c)}`)
    .join(', ') || 'none';

function table(title: string, ours: Measure, naive: Measure): void {
  console.log(`\n${title}`);
  console.log(`${'method'.padEnd(40)}${'AUP Signer'.padStart(12)}${'naive'.padStart(12)}`);
  const methods = new Map<string, [number, number]>();
  for (const t of ours.tally) methods.set(t.method, [t.calls, 0]);
  for (const t of naive.tally) methods.set(t.method, [methods.get(t.method)?.[0] ?? 0, t.calls]);
  const rows = [...methods.entries()]
    .filter(([m]) => !m.startsWith('CardService'))
    .sort((a, b) => Math.max(b[1][0], b[1][1]) - Math.max(a[1][0], a[1][1]))
    .slice(0, 25);
  for (const [m, [a, b]] of rows) console.log(`${m.padEnd(40)}${fmt(a).padStart(12)}${fmt(b).padStart(12)}`);
  const line = (label: string, a: string, b: string): void =>
    console.log(`${label.padEnd(40)}${a.padStart(12)}${b.padStart(12)}`);
  line('all service calls', fmt(ours.calls), fmt(naive.calls));
  line('Sheets calls', fmt(ours.sheetsCalls), fmt(naive.sheetsCalls));
  line('modelled time', hours(ours.modelledMs), hours(naive.modelledMs));
  line('executions (card, triggers)', fmt(ours.executions), fmt(naive.executions));
  console.log(`emails per day, AUP Signer: ${days(ours)}`);
  console.log(`emails per day, naive:      ${days(naive)}`);
}

const HOUR = 3_600_000;
const round = (x: number, places = 2): number => Number(x.toFixed(places));

async function main(): Promise<void> {
  const options = new Command('npm run bench --')
    .description('The AUP Signer benchmark on the emulator (modelled latency).')
    .option('--json <file>', 'also write the figures as JSON to FILE')
    .parse()
    .opts<{ json?: string }>();
  const n = 2000;
  console.log(
    `AUP Signer benchmark: ${fmt(n)} staff on the emulator (modelled latency; Workspace mail quota 1,500 recipients a day)`,
  );
  const small = await measureOurs(200, false);
  const ours = await measureOurs(n);
  const naive = await measureNaive(n);
  table(`Annual invitation, ${fmt(n)} staff`, ours.invitation, naive.invitation);
  table(`Reminder day (3 days after the invitations), ${fmt(n)} staff`, ours.reminderDay, naive.reminderDay);
  console.log(
    `\nSheets calls, 200 → ${fmt(n)} staff: invitation ${fmt(small.invitation.sheetsCalls)} → ${fmt(ours.invitation.sheetsCalls)}, reminder day ${fmt(small.reminderDay.sheetsCalls)} → ${fmt(ours.reminderDay.sheetsCalls)} (they grow with executions, not with rows).`,
  );
  const cards = ours.cards;
  if (cards) {
    console.log(`\nCards with ${fmt(n)} rows (modelled ms, the web-app round trip included):`);
    for (const [k, v] of Object.entries(cards))
      console.log(`  ${k.padEnd(24)}${fmt(Math.round(v)).padStart(8)}`);
  }
  console.log(
    `Per document: ${fmt(ours.perDocument.calls)} calls, ${fmt(ours.perDocument.modelled_ms)} ms modelled; last invitation ${ours.hoursToLastInvitation.toFixed(2)} h after Send invitations.`,
  );
  if (options.json) {
    const { lock_ms_per_sign, ...cardMs } = cards ?? { lock_ms_per_sign: 0 };
    const figures = {
      staff: n,
      per_document: ours.perDocument,
      invitation: {
        calls: ours.invitation.calls,
        modelled_hours: round(ours.invitation.modelledMs / HOUR),
        executions: ours.invitation.executions,
        hours_to_last_invitation: round(ours.hoursToLastInvitation),
        naive: {
          calls: naive.invitation.calls,
          modelled_hours: round(naive.invitation.modelledMs / HOUR),
          executions: naive.invitation.executions,
        },
      },
      reminder_day: {
        modelled_hours: round(ours.reminderDay.modelledMs / HOUR),
        naive: { modelled_hours: round(naive.reminderDay.modelledMs / HOUR) },
      },
      cards: Object.fromEntries(Object.entries(cardMs).map(([k, v]) => [k, Math.round(v)])),
      lock_ms_per_sign: Math.round(lock_ms_per_sign),
    };
    writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`Figures written to ${options.json}.`);
  }
  console.log(
    `Summary: ${fmt(n)} staff invited in ${fmt(ours.invitation.executions)} executions (${hours(ours.invitation.modelledMs)} modelled, ${fmt(ours.invitation.sheetsCalls)} Sheets calls) against naive ${fmt(naive.invitation.executions)} executions (${hours(naive.invitation.modelledMs)}, ${fmt(naive.invitation.sheetsCalls)} Sheets calls); reminder day ${fmt(ours.reminderDay.sheetsCalls)} Sheets calls and ${hours(ours.reminderDay.modelledMs)} against naive ${fmt(naive.reminderDay.sheetsCalls)} and ${hours(naive.reminderDay.modelledMs)}.`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
