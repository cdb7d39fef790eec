/**
 * `npm run deploy`: pushes build/ and updates the one pinned deployment, so the web app's URL
 * never changes, then writes that `/exec` URL into Script Properties.
 *
 * 1. `clasp push --force` (build/Code.js and build/appsscript.json; `npm run deploy` builds first).
 * 2. `clasp --json create-deployment -i <pinned ID>`: a new version on the same deployment (same
 *    ID, same URL). The first time, with no ID pinned yet, a deployment is created and its ID is
 *    written to deployment.json, which is committed so every later deploy updates it.
 * 3. `clasp --json run-function setServerUrl --params '["<url>"]'`: stores the URL the cards call.
 *    This needs the Apps Script API and clasp logged in with the project's OAuth client (README,
 *    Deploying); where it cannot run, or the function fails, the one manual step is printed instead.
 *
 * Options: --description TEXT (the version's description), --project DIR (the folder holding
 * .clasp.json and deployment.json; the repository by default). The clasp command is
 * node_modules/.bin/clasp, or $CLASP.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** What deployment.json pins: the deployment every deploy updates, and the school's domain. */
export interface PinnedDeployment {
  /** The web app's deployment ID ('' until the first deploy creates it). */
  deploymentId: string;
  /** The Workspace domain, for the `/a/macros/<domain>/` URL form ('' for the short form). */
  domain: string;
}

/** The web app's `/exec` URL for a deployment. */
export function execUrl(pin: PinnedDeployment): string {
  const base = pin.domain
    ? `https://script.google.com/a/macros/${pin.domain}`
    : 'https://script.google.com/macros';
  return `${base}/s/${pin.deploymentId}/exec`;
}

function readPin(file: string): PinnedDeployment {
  if (!existsSync(file)) return { deploymentId: '', domain: '' };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<PinnedDeployment>;
  return { deploymentId: String(raw.deploymentId ?? ''), domain: String(raw.domain ?? '') };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      description: { type: 'string', default: `AUP Signer ${new Date().toISOString().slice(0, 10)}` },
      project: { type: 'string', default: join(__dirname, '..') },
    },
    strict: true,
  });
  const dir = values.project as string;
  const clasp = process.env.CLASP || join(__dirname, '../node_modules/.bin/clasp');
  const run = (args: string[]): string =>
    execFileSync(clasp, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const pinFile = join(dir, 'deployment.json');
  const pin = readPin(pinFile);

  run(['push', '--force']);
  const args = ['--json', 'create-deployment', '--description', values.description as string];
  if (pin.deploymentId) args.push('--deploymentId', pin.deploymentId);
  const out = JSON.parse(run(args)) as { deploymentId?: string; versionNumber?: number };
  if (!out.deploymentId)
    throw new Error(`clasp did not say which deployment it made: ${JSON.stringify(out)}`);
  if (pin.deploymentId && out.deploymentId !== pin.deploymentId) {
    throw new Error(`clasp updated ${out.deploymentId}, not the pinned ${pin.deploymentId}`);
  }
  const first = !pin.deploymentId;
  const next: PinnedDeployment = { ...pin, deploymentId: out.deploymentId };
  if (first) writeFileSync(pinFile, `${JSON.stringify(next, null, 2)}\n`);
  const url = execUrl(next);
  console.log(
    `${first ? 'Created' : 'Updated'} deployment ${next.deploymentId} (version ${out.versionNumber ?? '?'}): ${url}`,
  );
  if (first)
    console.log('deployment.json now pins it: commit it, so every later deploy updates the same URL.');
  const why = storeUrl(run, url);
  if (why) {
    console.error(
      `Could not run setServerUrl with clasp (${why}). Set it once by hand: Apps Script editor › Project Settings › Script Properties › AUP_SIGNER_SERVER_URL = ${url}`,
    );
  } else {
    console.log('Script Property AUP_SIGNER_SERVER_URL set: the cards call this URL.');
  }
  return 0;
}

/**
 * Runs `setServerUrl(url)` in the project through `clasp --json run-function`, which exits 0 even
 * when the function throws: only its JSON answer says whether it ran. @returns why it did not, or ''
 */
function storeUrl(run: (args: string[]) => string, url: string): string {
  let out: { response?: unknown; error?: { message?: string; details?: { errorMessage?: string }[] } };
  try {
    out = JSON.parse(
      run(['--json', 'run-function', 'setServerUrl', '--params', JSON.stringify([url])]),
    ) as typeof out;
  } catch (e) {
    return (
      String((e as { stderr?: string }).stderr || (e as Error).message)
        .trim()
        .split('\n')[0] ?? ''
    );
  }
  if (out.error) return out.error.details?.[0]?.errorMessage ?? out.error.message ?? 'the function failed';
  if (typeof out.response !== 'string' || !out.response.includes(url)) return 'the function gave no answer';
  return '';
}

if (require.main === module) {
  try {
    process.exit(main());
  } catch (e) {
    const err = e as { stderr?: string; message?: string };
    console.error(
      `Deploy failed: ${
        String(err.stderr || err.message)
          .trim()
          .split('\n')[0]
      }`,
    );
    process.exit(1);
  }
}
