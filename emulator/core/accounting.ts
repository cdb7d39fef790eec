import { latencyOf } from './latency';

/** One row of the call ledger: how often a `Service.method` was called and its modelled time. */
export interface CallTally {
  method: string;
  calls: number;
  modelledMs: number;
}

/**
 * Counts every emulated service call as `Service.method` and adds up its modelled latency
 * (see `latency.ts` for the table and where each figure comes from).
 */
export class Accounting {
  private readonly counts = new Map<string, { calls: number; ms: number }>();

  /** Records one call; returns its modelled latency in milliseconds. */
  record(method: string, extraMs = 0): number {
    const ms = latencyOf(method) + extraMs;
    const row = this.counts.get(method) ?? { calls: 0, ms: 0 };
    row.calls += 1;
    row.ms += ms;
    this.counts.set(method, row);
    return ms;
  }

  /** Calls so far, most frequent first. */
  tally(): CallTally[] {
    return [...this.counts.entries()]
      .map(([method, r]) => ({ method, calls: r.calls, modelledMs: r.ms }))
      .sort((a, b) => b.calls - a.calls || a.method.localeCompare(b.method));
  }

  /** Total number of calls, optionally only those whose method starts with `prefix`. */
  total(prefix = ''): number {
    let n = 0;
    for (const [m, r] of this.counts) if (m.startsWith(prefix)) n += r.calls;
    return n;
  }

  /** Total modelled milliseconds of all calls. */
  totalMs(): number {
    let ms = 0;
    for (const r of this.counts.values()) ms += r.ms;
    return ms;
  }

  /** Forgets every count (to measure one step on its own). */
  reset(): void {
    this.counts.clear();
  }
}
