import type { FaultKind } from './faults';
import type { Grant } from './manifest';
import { missingScope } from './scopes';
import type { Workspace } from './workspace';

/** How an execution was started; decides its time limit and who it runs as. */
export type ExecutionKind = 'card' | 'trigger' | 'webapp' | 'editor';

/**
 * Execution time limits in ms.
 * Source: developers.google.com/apps-script/guides/services/quotas ("Script runtime: 6 min /
 * execution") and developers.google.com/workspace/add-ons/concepts/actions ("callback functions
 * ... must complete within 30 seconds").
 */
export const EXECUTION_LIMIT_MS: Record<ExecutionKind, number> = {
  card: 30_000,
  trigger: 6 * 60_000,
  webapp: 6 * 60_000,
  editor: 6 * 60_000,
};

/** Apps Script's message when an execution runs past its limit. */
export const EXCEEDED_MESSAGE = 'Exceeded maximum execution time';

/** Apps Script's message for a server-side failure: what an injected crash throws. */
export const CRASH_MESSAGE = "We're sorry, a server error occurred. Please wait a bit and try again.";

/**
 * One run of the add-on: a card callback, a trigger, a web-app request or an editor run.
 * Every emulated service call goes through {@link Execution.call}, which checks it against the
 * scopes the execution was granted, counts it, advances the clock by its modelled latency,
 * enforces the execution's time limit and lets an injected fault strike.
 */
export class Execution {
  readonly startedAt: number;
  private elapsed = 0;
  /** Set by the host once the vm context exists, so errors are the context's own `Error`s. */
  errorCtor: ErrorConstructor = Error;
  /** Locks this execution holds (released when it ends, as Apps Script does). */
  readonly heldLocks = new Set<string>();
  /** Set once an injected crash has killed this execution: where it died. */
  crashedAt: string | undefined;
  /** The fault striking the call now running, for the service to act out (lock timeout, quota, HTTP error). */
  private fault: FaultKind | undefined;

  /**
   * @param ws the Workspace this runs against
   * @param kind how it was started
   * @param effectiveUser whose authority the script runs with (`Session.getEffectiveUser`)
   * @param activeUser who is using it (`Session.getActiveUser`); '' where Google would not say
   * @param grant the manifest the script runs under and the OAuth scopes granted from it; a call
   *   needing another scope throws Apps Script's message. Undefined only for the host acting as a
   *   person in Google's own UI (typing into Sheets, say), where no script and no scope is involved.
   */
  constructor(
    readonly ws: Workspace,
    readonly kind: ExecutionKind,
    readonly effectiveUser: string,
    readonly activeUser: string,
    readonly grant?: Grant,
  ) {
    this.startedAt = ws.clock.now();
  }

  /** The scopes granted to this execution (undefined: Google's own UI, no script). */
  get scopes(): ReadonlySet<string> | undefined {
    return this.grant?.scopes;
  }

  /** Modelled milliseconds since this execution started. */
  get elapsedMs(): number {
    return this.elapsed;
  }

  /** Time limit of this execution in ms. */
  get limitMs(): number {
    return EXECUTION_LIMIT_MS[this.kind];
  }

  /**
   * Runs one service call `method` (`Service.method`): refuses it without a granted scope
   * (see scopes.ts), counts it, advances the clock by its modelled latency plus `extraMs`, then
   * runs `body`, unless an injected fault strikes it. Throws "Exceeded maximum execution time" past
   * the limit, and {@link CRASH_MESSAGE} for every call after an injected crash.
   */
  call<T>(method: string, body: () => T, extraMs = 0): T {
    if (this.crashedAt) throw this.error(CRASH_MESSAGE);
    const refusal = this.scopes ? missingScope(method, this.scopes) : undefined;
    if (refusal) {
      const e = this.error(refusal.message);
      if (refusal.httpCode) {
        e.name = 'GoogleJsonResponseException';
        const errors = [{ domain: 'global', reason: 'insufficientPermissions', message: refusal.message }];
        Object.assign(e, { details: { code: refusal.httpCode, message: refusal.message, errors } });
      }
      throw e;
    }
    this.spend(this.ws.accounting.record(method, extraMs));
    const fault = this.ws.faults.strike(method);
    if (!fault) return body();
    if (fault.kind === 'crash') {
      if (fault.when === 'after') body();
      this.crashedAt = method;
      throw this.error(CRASH_MESSAGE);
    }
    this.fault = fault;
    try {
      return body();
    } finally {
      this.fault = undefined;
    }
  }

  /** The fault of `kind` striking the call now running, if any: the service acts it out. */
  takeFault<K extends FaultKind['kind']>(kind: K): Extract<FaultKind, { kind: K }> | undefined {
    const f = this.fault;
    if (f?.kind !== kind) return undefined;
    this.fault = undefined;
    return f as Extract<FaultKind, { kind: K }>;
  }

  /** Advances this execution's modelled time by `ms` (sleeps, lock waits, nested runs). */
  spend(ms: number): void {
    this.elapsed += ms;
    this.ws.clock.advance(ms);
    if (this.elapsed > this.limitMs) throw this.error(EXCEEDED_MESSAGE);
  }

  /**
   * Adds `ms` of time that already passed on the clock (a nested web-app run this execution
   * waited for) to this execution's elapsed time, and enforces its limit.
   */
  absorb(ms: number): void {
    this.elapsed += ms;
    if (this.elapsed > this.limitMs) throw this.error(EXCEEDED_MESSAGE);
  }

  /** An `Error` of the add-on's own realm with Apps Script's message text. */
  error(message: string): Error {
    return new this.errorCtor(message);
  }
}
