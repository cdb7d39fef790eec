import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Execution, type ExecutionKind } from '../../emulator/core/execution';
import type { Manifest } from '../../emulator/core/manifest';
import { Host } from '../../emulator/host/host';
import { Workspace } from '../../emulator/core/workspace';

/** The domain every emulator test runs in. */
export const DOMAIN = 'school.example';

/** A Workspace at 09:00 on 1 September 2026 with a business manager (admin) and a teacher. */
export function newWorkspace(): Workspace {
  const ws = new Workspace(DOMAIN, new Date('2026-09-01T08:00:00Z'));
  ws.addUser({ email: `bm@${DOMAIN}`, name: 'Bea Manager', admin: true });
  ws.addUser({ email: `teacher@${DOMAIN}`, name: 'Tom Teacher' });
  return ws;
}

/** An execution in `ws` run by `user` (business manager by default). */
export function newExec(ws: Workspace, user = `bm@${DOMAIN}`, kind: ExecutionKind = 'editor'): Execution {
  return new Execution(ws, kind, user, user);
}

/** The scopes a probe bundle's manifest grants by default: what the probes below call. */
export const PROBE_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/drive.addons.metadata.readonly',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
];

/** A manifest for a probe bundle (overrides replace whole fields). */
export function probeManifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    timeZone: 'Europe/London',
    runtimeVersion: 'V8',
    oauthScopes: PROBE_SCOPES,
    urlFetchWhitelist: ['https://script.google.com/', 'https://script.googleusercontent.com/'],
    webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' },
    addOns: { common: { name: 'Probe' }, gmail: {}, drive: {} },
    ...overrides,
  };
}

/**
 * A folder standing in for build/: `code` as Code.js and `manifest` as appsscript.json, for a
 * Host to run probe functions under a chosen manifest. Named by its content, so reruns reuse it;
 * each file is written aside and renamed into place, so a test in another worker never reads it
 * half-written.
 */
export function probeBundle(code: string, manifest: Manifest = probeManifest()): string {
  const json = JSON.stringify(manifest);
  const dir = join(
    tmpdir(),
    `aup-probe-${createHash('sha256').update(code).update(json).digest('hex').slice(0, 16)}`,
  );
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [
    ['appsscript.json', json],
    ['Code.js', code],
  ] as const) {
    const draft = join(dir, `${name}.${process.pid}.draft`);
    writeFileSync(draft, text);
    renameSync(draft, join(dir, name));
  }
  return dir;
}

/** A host running probe functions `code` under `manifest`, with the business manager (an admin) as its one user. */
export function probeHost(code: string, manifest: Manifest = probeManifest()): Host {
  const host = new Host({ bundleDir: probeBundle(code, manifest) });
  host.ws.addUser({ email: `bm@${DOMAIN}`, name: 'Bea Manager', admin: true });
  return host;
}
