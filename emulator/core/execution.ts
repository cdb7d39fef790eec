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

/**
 * One run of the add-on: a card callback, a trigger, a web-app request or an editor run.
 * Every emulated service call goes through {@link Execution.call}, which counts it, advances the
 * clock by its modelled latency and enforces the execution's time limit.
 */
export class Execution {
  readonly startedAt: number;
  private elapsed = 0;
  /** Set by the host once the vm context exists, so errors are the context's own `Error`s. */
  errorCtor: ErrorConstructor = Error;
  /** Locks this execution holds (released when it ends, as Apps Script does). */
  readonly heldLocks = new Set<string>();

  /**
   * @param ws the Workspace this runs against
   * @param kind how it was started
   * @param effectiveUser whose authority the script runs with (`Session.getEffectiveUser`)
   * @param activeUser who is using it (`Session.getActiveUser`); '' where Google would not say
   */
  constructor(
    readonly ws: Workspace,
    readonly kind: ExecutionKind,
    readonly effectiveUser: string,
    readonly activeUser: string,
  ) {
    this.startedAt = ws.clock.now();
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
   * Counts a call to `method` (`Service.method`), advances the clock by its modelled latency
   * plus `extraMs`, then runs `body`. Throws "Exceeded maximum execution time" past the limit.
   */
  call<T>(method: string, body: () => T, extraMs = 0): T {
    this.spend(this.ws.accounting.record(method, extraMs));
    return body();
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
