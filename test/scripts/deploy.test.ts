import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execUrl } from '../../scripts/deploy';
import { isExecUrl } from '../../src/core/server-answer';

const ROOT = join(__dirname, '../..');

/**
 * A stand-in for clasp on PATH: records each call, answers `create-deployment` as clasp 3 does with
 * --json (a new ID without -i, the same ID with it), and fails `run-function` when told to.
 */
function fakeClasp(dir: string): string {
  const file = join(dir, 'clasp');
  writeFileSync(
    file,
    `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(join(dir, 'calls.log'))}, JSON.stringify(args) + '\\n');
if (args.includes('create-deployment')) {
  const i = args.indexOf('--deploymentId');
  const n = fs.readFileSync(${JSON.stringify(join(dir, 'calls.log'))}, 'utf8').split('\\n').filter((l) => l.includes('create-deployment')).length;
  console.log(JSON.stringify({ deploymentId: i >= 0 ? args[i + 1] : 'AKfycbNEW123', versionNumber: n }));
}
if (args.includes('run-function')) {
  if (process.env.FAIL_RUN === 'exit') { console.error('Unable to run script function. Please make sure you have permission to run the script function.'); process.exit(1); }
  const url = JSON.parse(args[args.indexOf('--params') + 1])[0];
  const error = { code: 3, message: 'ScriptError', details: [{ errorMessage: 'Not a web app /exec URL' }] };
  console.log(JSON.stringify(process.env.FAIL_RUN === 'throw' ? { error } : { response: "AUP Signer's cards will call " + url + '.' }));
}
`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** A fresh project folder, removed after the tests. */
const made: string[] = [];
function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aup-deploy-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function deploy(dir: string, env: Record<string, string> = {}) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/deploy.ts'), '--project', dir], {
    encoding: 'utf8',
    env: { ...process.env, CLASP: fakeClasp(dir), ...env },
  });
}

describe('npm run deploy', () => {
  it('creates the deployment once, pins its ID, then updates the same one: the URL never changes', () => {
    const dir = projectDir();
    writeFileSync(
      join(dir, 'deployment.json'),
      JSON.stringify({ deploymentId: '', domain: 'school.example' }),
    );
    const first = deploy(dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      'Created deployment AKfycbNEW123 (version 1): https://script.google.com/a/macros/school.example/s/AKfycbNEW123/exec',
    );
    expect(JSON.parse(readFileSync(join(dir, 'deployment.json'), 'utf8'))).toEqual({
      deploymentId: 'AKfycbNEW123',
      domain: 'school.example',
    });
    expect(first.stdout).toContain('Script Property AUP_SIGNER_SERVER_URL set');
    const second = deploy(dir);
    expect(second.stdout).toContain('Updated deployment AKfycbNEW123 (version 2)');
    const calls = readFileSync(join(dir, 'calls.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    const url = 'https://script.google.com/a/macros/school.example/s/AKfycbNEW123/exec';
    expect(calls.map((c) => c.filter((a) => !a.startsWith('AUP Signer ')))).toEqual([
      ['push', '--force'],
      ['--json', 'create-deployment', '--description'],
      ['--json', 'run-function', 'setServerUrl', '--params', JSON.stringify([url])],
      ['push', '--force'],
      ['--json', 'create-deployment', '--description', '--deploymentId', 'AKfycbNEW123'],
      ['--json', 'run-function', 'setServerUrl', '--params', JSON.stringify([url])],
    ]);
  });

  it.each([
    [
      'cannot run setServerUrl',
      'exit',
      'Unable to run script function. Please make sure you have permission to run the script function.',
    ],
    ['runs setServerUrl but it fails (clasp still exits 0)', 'throw', 'Not a web app /exec URL'],
  ])('where clasp %s, it says so and the one manual step', (_what, mode, why) => {
    const dir = projectDir();
    writeFileSync(join(dir, 'deployment.json'), JSON.stringify({ deploymentId: 'AKfycbPINNED', domain: '' }));
    const res = deploy(dir, { FAIL_RUN: mode });
    expect(res.status).toBe(0);
    expect(res.stdout).not.toContain('AUP_SIGNER_SERVER_URL set');
    expect(res.stderr.trim()).toBe(
      `Could not run setServerUrl with clasp (${why}). Set it once by hand: Apps Script editor › Project Settings › Script Properties › AUP_SIGNER_SERVER_URL = https://script.google.com/macros/s/AKfycbPINNED/exec`,
    );
  });

  it('the URL it writes is one the add-on accepts as a versioned /exec URL', () => {
    expect(isExecUrl(execUrl({ deploymentId: 'AKfycbX', domain: 'school.example' }))).toBe(true);
    expect(isExecUrl(execUrl({ deploymentId: 'AKfycbX', domain: '' }))).toBe(true);
    expect(isExecUrl('https://script.google.com/macros/s/AKfycbX/dev')).toBe(false);
  });
});
