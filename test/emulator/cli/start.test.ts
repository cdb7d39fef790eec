import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MARKER } from '../../../emulator/cli/output';
import { runCli } from '../../../emulator/cli/start';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'aup-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const HEADER = 'Email,Name,Role,Staff Type\n';

/** `npm start -- …` as a process: its exit code, stdout and stderr. */
async function npmStart(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'emulator/cli/start.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, AUP_SIGNER_DEBUG: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The CLI in this process: its exit code and what it wrote to each stream, line by line. */
async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
  });
  return { code, out, err };
}

/** Each process waits for a CPU beside the good run and the other test files. */
const PROCESS_TIMEOUT = 30_000;

const oneLine = (stderr: string): string[] => stderr.replace(/\n$/, '').split('\n');

// Started at once, so they run side by side: bad inputs as processes, and the one good run.
const good = (() => {
  const out = join(dir, 'good-out');
  mkdirSync(out);
  writeFileSync(join(out, MARKER), '');
  writeFileSync(join(out, 'stale.txt'), 'from an earlier run');
  const roster = file(
    'good.csv',
    `${HEADER}olena@school.example,Олена Коваленко,Teacher,Staff\nnobody,No One,TA,Staff\nllyr@school.example,Llŷr Huws,Governor,Governor\n`,
  );
  return { out, roster, run: npmStart(['--roster', roster, '--out', out, '--school', 'Ysgol y Llan']) };
})();
const processes = {
  mistyped: npmStart(['--rostr', 'x.csv']),
  help: npmStart(['--help']),
  noEmail: npmStart(['--roster', file('no-email-p.csv', 'Name,Role,Staff Type\nAnn,TA,Staff\n')]),
  allBad: npmStart(['--roster', file('all-bad-p.csv', `${HEADER}nobody,Ann,TA,Staff\n`)]),
};

describe('npm start', () => {
  it.each([
    [
      'a mistyped flag',
      ['--rostr', 'x.csv'],
      /^Bad input: unknown option '--rostr' \(Did you mean --roster\?\)/,
    ],
    ['a flag without its value', ['--roster'], /^Bad input: option '--roster <file>' argument missing/],
    [
      'a flag followed by another',
      ['--roster', '--out', 'x'],
      /Give a file or folder name after the flag, not "--out"/,
    ],
    ['an argument without a flag', ['roster.csv'], /^Bad input: too many arguments/],
    ['a missing file', ['--roster', join(dir, 'missing.csv')], /missing\.csv: cannot be read \(ENOENT/],
    [
      'a template of the wrong type',
      ['--template', file('aup.pdf', '%PDF')],
      /aup\.pdf: a template must be \.txt, \.md or \.docx/,
    ],
    ['an empty template', ['--template', file('empty.txt', '\n \n')], /empty\.txt: the template is empty/],
    [
      'a roster without an Email column',
      ['--roster', file('no-email.csv', 'Name,Role,Staff Type\nAnn,TA,Staff\n')],
      /no-email\.csv:1: the header needs .*missing Email; found Name, Role, Staff Type\.$/,
    ],
    [
      'a roster in UTF-16 without a byte-order mark',
      ['--roster', file('utf16.csv', Buffer.from(`${HEADER}ann@school.example,Ann,TA,Staff\n`, 'utf16le'))],
      /utf16\.csv: it holds NUL bytes, so it is probably UTF-16 without a byte-order mark: save it as UTF-8/,
    ],
    [
      'a roster where every row is bad',
      ['--roster', file('all-bad.csv', `${HEADER}nobody,Ann,TA,Staff\nb@gmail.com,Bo,TA,Staff\n`)],
      /all-bad\.csv: no row can be used: all 2 need fixing, the first .*all-bad\.csv:2: email "nobody"/,
    ],
    [
      'an --out folder with something else in it',
      [
        '--out',
        (mkdirSync(join(dir, 'mine')), writeFileSync(join(dir, 'mine', 'notes.txt'), ''), join(dir, 'mine')),
      ],
      /mine: is not empty and is not an earlier output of npm start/,
    ],
    ['an --out that is a file', ['--out', file('out.txt', '')], /out\.txt: is a file/],
    [
      'an --out under a file',
      ['--out', join(file('plain.txt', ''), 'sub')],
      /sub: cannot be made: .*plain\.txt is a file, not a folder\./,
    ],
    [
      'an empty --new-version',
      ['--new-version', file('v2-empty.txt', '\n')],
      /v2-empty\.txt: the template is empty/,
    ],
    [
      'a --new-version with no file after it',
      ['--new-version', '--out'],
      /Give a file or folder name after the flag/,
    ],
    ['an empty --school', ['--school', ' '], /^Bad input: --school: give the name of the school\.$/],
    [
      'a --school with a direction override',
      ['--school', 'Oak\u202Efield'],
      /--school: it contains a Unicode direction override/,
    ],
  ])('exits 2 with one line on stderr for %s', async (_, args, message) => {
    const run = await cli(args);
    expect(run).toEqual({ code: 2, out: [], err: [expect.stringMatching(message)] });
  });

  it('--help prints the usage with every flag and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    for (const flag of [
      '--template <file>',
      '--roster <file>',
      '--out <dir>',
      '--school <name>',
      '--new-version <file>',
      '-h, --help',
    ])
      expect(run.out.join('\n')).toContain(flag);
  });

  it.each([
    ['mistyped', 2, /^Bad input: unknown option '--rostr'/],
    ['noEmail', 2, /no-email-p\.csv:1: the header needs .*missing Email/],
    ['allBad', 2, /all-bad-p\.csv: no row can be used/],
  ] as const)(
    'as a process (%s): exit %d, one line on stderr, no stack trace',
    async (name, code, message) => {
      const run = await processes[name];
      expect(run.code).toBe(code);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(message)]);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    },
    PROCESS_TIMEOUT,
  );

  it(
    'as a process, --help prints the usage on stdout and exits 0',
    async () => {
      const run = await processes.help;
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: npm start -- \[options\]/);
    },
    PROCESS_TIMEOUT,
  );

  it('a good run skips the bad row, counts the rest, and replaces its earlier output', async () => {
    const run = await good.run;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Roster ${good.roster}: 2 people go ahead.`);
    expect(run.stdout).toContain(
      `1 row left out (fix and run again):\n    ${good.roster}:3: email "nobody" is not a valid address.`,
    );
    expect(run.stdout).toMatch(/^ {2}2 of 2 complete with account active;/m);
    expect(readdirSync(good.out).sort()).toEqual(
      [
        MARKER,
        'audit.csv',
        'cards',
        'dashboard.csv',
        'directory.json',
        'docs',
        'mail',
        'signed',
        'staff.csv',
        'tracking.csv',
      ].sort(),
    );
    expect(readFileSync(join(good.out, 'tracking.csv'), 'utf8')).toMatch(/^Name,Staff Type,Role,Status,/);
    expect(run.stdout).toMatch(/^ {2}Emails: 2 of 2 signers got their signed copy, the PDF attached\.$/m);
    expect(run.stdout).toMatch(/^ {2}Emails: All \d+ HTML emails link with <a href>\.$/m);
    expect(existsSync(join(good.out, 'stale.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  }, 60_000);
});
