import { require as gasRequire } from 'gas-local';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { Execution, type ExecutionKind } from '../core/execution';
import { Workspace, type WebAppRequest, type WebAppResponse } from '../core/workspace';
import { executionGlobals } from '../globals';
import { formResponseEvent, submitFormAs, type FormResponseRecord } from '../services/forms';
import { releaseAllLocks } from '../services/lock';
import { dueTriggers, formSubmitTriggers, markFired } from '../services/script';
import { clockEvent } from './events';
import { UserSession } from './user-session';

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
}

/**
 * Plays Google's side for the add-on bundle: runs each execution (card callback, trigger, web
 * app request) as a given user in a fresh vm context loaded by gas-local from build/Code.js,
 * with only the emulated services as globals; serves the web app; fires due installable
 * triggers as the users who created them; and lets people use Gmail, Drive and Forms.
 */
export class Host {
  readonly ws: Workspace;
  readonly bundleDir: string;
  readonly executions: ExecutionRecord[] = [];

  constructor(opts: HostOptions = {}) {
    this.ws = new Workspace(
      opts.domain ?? 'school.example',
      opts.start ?? new Date('2026-09-01T08:00:00Z'),
      opts.seed,
    );
    this.bundleDir = opts.bundleDir ?? DEFAULT_BUNDLE_DIR;
    if (!existsSync(join(this.bundleDir, 'Code.js'))) {
      throw new Error(`${join(this.bundleDir, 'Code.js')} is missing: run \`npm run build\` first.`);
    }
    this.ws.webAppHandler = (req) => this.serveWebApp(req);
  }

  /**
   * Deploys the script as a web app executing as `owner` (manifest webapp: USER_DEPLOYING,
   * DOMAIN), so `ScriptApp.getService().getUrl()` answers and UrlFetchApp can reach `doPost`.
   */
  deployWebApp(owner: string): void {
    this.ws.webApp = {
      deploymentId: `AKfy${this.ws.ids.next(40)}`,
      executeAs: owner.toLowerCase(),
      access: 'DOMAIN',
    };
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
    const exec = new Execution(this.ws, who.kind, who.user, who.activeUser ?? who.user);
    return this.runIn(exec, fn, args);
  }

  /** Runs `fn` in a given execution (see {@link run}). */
  runIn(exec: Execution, fn: string, args: unknown[]): unknown {
    const record: ExecutionRecord = {
      fn,
      kind: exec.kind,
      user: exec.effectiveUser,
      startedAt: exec.startedAt,
      elapsedMs: 0,
    };
    this.executions.push(record);
    try {
      const ctx = gasRequire(this.bundleDir, executionGlobals(exec), {
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
   * form-submit trigger on the form runs as its creator.
   */
  submitForm(
    formId: string,
    respondentEmail: string,
    answers: Record<string, string | string[]>,
  ): FormResponseRecord {
    const response = submitFormAs(this.ws, formId, respondentEmail, answers);
    for (const t of formSubmitTriggers(this.ws, formId)) {
      const exec = new Execution(this.ws, 'trigger', t.owner, t.owner);
      try {
        this.runIn(exec, t.handler, [formResponseEvent(exec, formId, response.id, t.uid)]);
      } catch {
        // Recorded in `executions`.
      }
    }
    return response;
  }

  /** The web app: runs `doPost` as the deploying user, for the caller the token names. */
  private serveWebApp(req: WebAppRequest): WebAppResponse {
    const app = this.ws.webApp;
    if (!app)
      return { code: 404, contentType: 'text/html', body: 'Sorry, unable to open the file at this time.' };
    if (!req.caller)
      return { code: 401, contentType: 'text/html', body: 'Sign in to continue to Google Apps Script.' };
    if (!this.ws.inDomain(req.caller)) {
      return {
        code: 403,
        contentType: 'text/html',
        body: 'You need access: this web app is limited to its domain.',
      };
    }
    const exec = new Execution(this.ws, 'webapp', app.executeAs, req.caller);
    const query = Object.entries(req.parameters)
      .map(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'))
      .join('&');
    const e = {
      queryString: query,
      parameter: Object.fromEntries(Object.entries(req.parameters).map(([k, v]) => [k, v[0]])),
      parameters: req.parameters,
      contextPath: '',
      contentLength: req.body.length,
      postData: { contents: req.body, length: req.body.length, type: req.contentType, name: 'postData' },
    };
    const fn = req.method === 'post' ? 'doPost' : 'doGet';
    try {
      const out = this.runIn(exec, fn, [e]) as { getContent(): string; contentType(): string };
      return { code: 200, contentType: out.contentType(), body: out.getContent() };
    } catch (err) {
      const message = String((err as { message?: unknown })?.message ?? err);
      return { code: 200, contentType: 'text/html', body: `<html><body>Error: ${message}</body></html>` };
    } finally {
      req.from.absorb(exec.elapsedMs);
    }
  }
}
