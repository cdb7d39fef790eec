import { require as gasRequire } from 'gas-local';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { Execution, type ExecutionKind } from '../core/execution';
import type { Faults } from '../core/faults';
import {
  advancedServices,
  grantedScopes,
  readManifest,
  type Grant,
  type Manifest,
  type ModelledAdvancedService,
} from '../core/manifest';
import { MIME, Workspace, type TenantPolicy } from '../core/workspace';
import { executionGlobals } from '../globals';
import { formResponseEvent, submitFormAs, type FormResponseRecord, type Respondent } from '../services/forms';
import { releaseAllLocks } from '../services/lock';
import { dueTriggers, formSubmitTriggers, markFired, scriptId, webAppUrl } from '../services/script';
import { serveWebApp } from './web-app';
import { clockEvent } from './events';
import { UserSession } from './user-session';

const AUTH = 'https://www.googleapis.com/auth/';

/** Where `npm run build` puts the bundle clasp pushes. */
export const DEFAULT_BUNDLE_DIR = join(__dirname, '../../build');

/** One finished execution, for tests and the local run's log. */
export interface ExecutionRecord {
  fn: string;
  kind: ExecutionKind;
  user: string;
  startedAt: number;
  elapsedMs: number;
  error?: string;
}

/** Options for a {@link Host}. */
export interface HostOptions {
  /** Folder holding Code.js (build/ by default). */
  bundleDir?: string;
  domain?: string;
  /** The clock's starting instant. */
  start?: Date;
  seed?: string;
  /** The manifest to run under instead of the bundle's appsscript.json (tests of a changed manifest). */
  manifest?: Manifest;
}

/**
 * Plays Google's side for the add-on bundle: runs each execution (card callback, trigger, web
 * app request) as a given user in a fresh vm context loaded by gas-local from build/Code.js,
 * with only the emulated services as globals, under the bundle's manifest (build/appsscript.json:
 * its scopes, advanced services and URL allowlist); serves the web app as strictly as reported;
 * fires due installable triggers as the users who created them; lets people use Gmail, Drive and
 * Forms; and lets tests inject faults (`faults`) and set the tenant's policies (`tenant`).
 */
export class Host {
  readonly ws: Workspace;
  readonly executions: ExecutionRecord[] = [];
  /** The code as last pushed (HEAD): what cards, triggers, the editor and `/dev` run. */
  readonly head: Bundle;
  /** The version the web-app deployment serves at `/exec`, fixed when it was deployed. */
  deployed: Bundle | undefined;

  constructor(opts: HostOptions = {}) {
    this.ws = new Workspace(
      opts.domain ?? 'school.example',
      opts.start ?? new Date('2026-09-01T08:00:00Z'),
      opts.seed,
    );
    const dir = opts.bundleDir ?? DEFAULT_BUNDLE_DIR;
    if (!existsSync(join(dir, 'Code.js'))) {
      throw new Error(`${join(dir, 'Code.js')} is missing: run \`npm run build\` first.`);
    }
    this.head = bundleOf(dir, opts.manifest ?? readManifest(dir));
    this.ws.project = { scriptId: scriptId(this.ws) };
    this.ws.webAppHandler = (req) => serveWebApp(this, req);
  }

  /**
   * A host over a copy of this one's Workspace as it is now (same bundles, no executions yet), so
   * a test can run one action many times from the same moment, with a different fault each time.
   */
  fork(): Host {
    const copy = Object.create(Host.prototype) as Host;
    const ws = this.ws.fork();
    ws.webAppHandler = (req) => serveWebApp(copy, req);
    Object.assign(copy, { ws, executions: [], head: this.head, deployed: this.deployed });
    return copy;
  }

  /** The manifest HEAD runs under. */
  get manifest(): Manifest {
    return this.head.grant.manifest;
  }

  /** The fault injector: make the Nth call of a method fail, a lock time out, a quota run out. */
  get faults(): Faults {
    return this.ws.faults;
  }

  /** The tenant's admin policies (outside sharing, form responses, Cloud project APIs). */
  get tenant(): TenantPolicy {
    return this.ws.tenant;
  }

  /**
   * `owner` deploys the script: the project file is theirs (made on the first deployment, shared
   * with nobody), and the one versioned web-app deployment is created, or updated to a new
   * version with the same ID and URL (as `clasp create-deployment -i <id>` does): a snapshot of
   * HEAD's code and manifest, which `/exec` then serves until the next deploy, under its `webapp`
   * settings. @returns the deployment's `/exec` URL
   */
  deployWebApp(owner: string): string {
    const who = owner.toLowerCase();
    if (!this.ws.drive.has(scriptId(this.ws))) {
      this.ws.createItem(who, 'AUP Signer', MIME.script, { id: scriptId(this.ws) });
    }
    this.deployed = snapshotOf(this.head);
    const webapp = this.deployed.grant.manifest.webapp ?? {};
    const before = this.ws.webApp;
    this.ws.webApp = {
      deploymentId: before?.deploymentId ?? `AKfy${this.ws.ids.next(40)}`,
      executeAs: webapp.executeAs === 'USER_ACCESSING' ? '' : who,
      access: webapp.access ?? 'MYSELF',
      versionNumber: (before?.versionNumber ?? 0) + 1,
    };
    return webAppUrl(this.ws) as string;
  }

  /** A person using Gmail or Drive. A suspended account cannot sign in at all. */
  as(email: string): UserSession {
    const user = this.ws.users.get(email.toLowerCase());
    if (!user)
      throw new Error(`${email} has no account in ${this.ws.domain}: they cannot open Gmail or Drive.`);
    if (user.suspended) {
      throw new Error(
        `${email} is suspended: Google sign-in refuses them, so they cannot open Gmail or Drive.`,
      );
    }
    return new UserSession(this, user.primaryEmail);
  }

  /**
   * Runs the top-level function `fn` of the bundle in a new execution.
   * @returns what the function returned
   * @throws what it threw (an Error of the add-on's realm), after recording the execution
   */
  run(fn: string, args: unknown[], who: { user: string; activeUser?: string; kind: ExecutionKind }): unknown {
    return this.runIn(this.execution(who.kind, who.user, who.activeUser ?? who.user), fn, args);
  }

  /** A new execution of `bundle` (HEAD by default), under its manifest and scopes. */
  execution(kind: ExecutionKind, effectiveUser: string, activeUser: string, bundle = this.head): Execution {
    const exec = new Execution(this.ws, kind, effectiveUser, activeUser, bundle.grant);
    exec.spend(this.ws.accounting.record('Execution.start'));
    return exec;
  }

  /** Runs `fn` of `bundle` (HEAD by default) in a given execution (see {@link run}). */
  runIn(exec: Execution, fn: string, args: unknown[], bundle = this.head): unknown {
    const record: ExecutionRecord = {
      fn,
      kind: exec.kind,
      user: exec.effectiveUser,
      startedAt: exec.startedAt,
      elapsedMs: 0,
    };
    this.executions.push(record);
    try {
      const ctx = gasRequire(bundle.dir, executionGlobals(exec, bundle.advanced), {
        filter: (f: string) => f.endsWith('Code.js'),
      });
      exec.errorCtor = vm.runInContext('Error', ctx) as ErrorConstructor;
      const f = (ctx as Record<string, unknown>)[fn];
      if (typeof f !== 'function') throw exec.error(`Script function not found: ${fn}`);
      return (f as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      record.error = String((e as { message?: unknown })?.message ?? e);
      throw e;
    } finally {
      releaseAllLocks(exec);
      record.elapsedMs = exec.elapsedMs;
    }
  }

  /**
   * Moves the clock forward by `ms`, firing each installable time-driven trigger that falls due
   * on the way, in order, as the user who created it (a suspended creator's triggers do not run).
   * @returns the executions the triggers ran
   */
  advance(ms: number): ExecutionRecord[] {
    return this.advanceTo(this.ws.clock.now() + ms);
  }

  /** Moves the clock to `when`, firing due triggers (see {@link advance}). */
  advanceTo(when: Date | number): ExecutionRecord[] {
    const target = typeof when === 'number' ? when : when.getTime();
    const ran: ExecutionRecord[] = [];
    for (;;) {
      const next = dueTriggers(this.ws, target)[0];
      if (!next) break;
      if (next.nextAt > this.ws.clock.now()) this.ws.clock.advanceTo(next.nextAt);
      markFired(this.ws, next);
      if (this.ws.users.get(next.owner)?.suspended) continue;
      const record = this.executions.length;
      try {
        this.run(next.handler, [clockEvent(this.ws, next.uid)], { user: next.owner, kind: 'trigger' });
      } catch {
        // A failed trigger run is recorded in `executions`; Apps Script would email its owner.
      }
      ran.push(this.executions[record] as ExecutionRecord);
    }
    if (target > this.ws.clock.now()) this.ws.clock.advanceTo(target);
    return ran;
  }

  /**
   * A person submits the form in their browser: the response is recorded and each installable
   * form-submit trigger on the form runs as its creator. `who` is the person at the browser; an
   * address alone means they are signed in to Google as that address if it has a Google account
   * (an active domain user, or an outside address added with one), else signed in to nothing, and
   * they type that address where the form asks for an email.
   * @throws Error saying what they are shown when the form refuses them (see `submitFormAs`)
   */
  submitForm(
    formId: string,
    who: string | Respondent,
    answers: Record<string, string | string[]>,
  ): FormResponseRecord {
    const response = submitFormAs(
      this.ws,
      formId,
      typeof who === 'string' ? this.respondent(who) : who,
      answers,
    );
    for (const t of formSubmitTriggers(this.ws, formId)) {
      const exec = this.execution('trigger', t.owner, t.owner);
      try {
        this.runIn(exec, t.handler, [formResponseEvent(exec, formId, response.id, t.uid)]);
      } catch {
        // Recorded in `executions`.
      }
    }
    return response;
  }

  /**
   * Why the add-on cannot run in `hostApp` under its manifest, or undefined when it can: it must
   * extend that host app (`addOns.gmail` / `addOns.drive`) and hold its scope
   * (`gmail.addons.execute`, `drive.addons.metadata.readonly`; developers.google.com/workspace/
   * add-ons/concepts/workspace-scopes), and `script.locale` where it asks for the app's locale
   * (`useLocaleFromApp`). The texts are this project's: Google's own are not reported.
   */
  hostAppRefusal(hostApp: 'GMAIL' | 'DRIVE'): string | undefined {
    const addOns = this.manifest.addOns ?? {};
    const scopes = this.head.grant.scopes;
    const [section, app, scope] =
      hostApp === 'GMAIL'
        ? ['gmail', 'Gmail', 'gmail.addons.execute']
        : ['drive', 'Google Drive', 'drive.addons.metadata.readonly'];
    if (!addOns[section])
      return `The add-on does not extend ${app}: appsscript.json has no addOns.${section}.`;
    const needed = [`${AUTH}${scope}`];
    if ((addOns.common as { useLocaleFromApp?: boolean } | undefined)?.useLocaleFromApp)
      needed.push(`${AUTH}script.locale`);
    const missing = needed.filter((s) => !scopes.has(s));
    if (!missing.length) return undefined;
    return `Specified permissions are not sufficient to run the add-on in ${app}. Required permissions: ${missing.join(', ')}`;
  }

  /** The person behind an address at a browser (see {@link submitForm}). */
  private respondent(email: string): Respondent {
    const e = email.toLowerCase();
    const member = this.ws.users.get(e);
    const account = (member && !member.suspended) || this.ws.externals.get(e)?.googleAccount;
    return { signedInAs: account ? e : '', typedEmail: e };
  }
}

/** Code and manifest as one version of the script: where its Code.js is, what it is granted, its advanced services. */
export interface Bundle {
  dir: string;
  grant: Grant;
  advanced: ReadonlyMap<string, ModelledAdvancedService>;
}

function bundleOf(dir: string, manifest: Manifest): Bundle {
  return { dir, grant: { manifest, scopes: grantedScopes(manifest) }, advanced: advancedServices(manifest) };
}

/**
 * A copy of `head` that later builds do not change, named by its content so that equal versions
 * share one folder. Written whole and then renamed into place, so another process reading the
 * same version never sees it half-written.
 */
function snapshotOf(head: Bundle): Bundle {
  const code = readFileSync(join(head.dir, 'Code.js'), 'utf8');
  const manifest = JSON.stringify(head.grant.manifest);
  const hash = createHash('sha256').update(code).update(manifest).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `aup-version-${hash}`);
  if (!existsSync(join(dir, 'Code.js'))) {
    const draft = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(draft, { recursive: true });
    writeFileSync(join(draft, 'Code.js'), code);
    writeFileSync(join(draft, 'appsscript.json'), manifest);
    try {
      renameSync(draft, dir);
    } catch {
      rmSync(draft, { recursive: true, force: true });
    }
  }
  return bundleOf(dir, head.grant.manifest);
}
