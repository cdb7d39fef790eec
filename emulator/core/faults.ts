/**
 * Faults on demand (DESIGN.md §6): a test makes the Nth call of a method fail, a lock time out,
 * the mail quota run out or an API answer with an HTTP error, so that every action can be proven
 * to recover. Rules are counted from the moment they are injected, across executions.
 *
 * What each kind does:
 * - `crash`: the execution dies at that call, as when Apps Script kills it (a server error, the
 *   process gone): the call throws, and every later service call of that execution throws too, so
 *   a `catch` in the add-on cannot carry on. `when: 'after'` lets the call take effect first (an
 *   email sent, a row written) and then dies before the add-on learns of it.
 * - `lockTimeout` (`Lock.waitLock` / `Lock.tryLock`): another process holds the lock for the
 *   whole wait, so `waitLock` spends its timeout and throws, `tryLock` returns false.
 * - `quota` (`MailApp.sendEmail`): the sender's daily recipient quota is spent just before the
 *   call, so it throws "Service invoked too many times for one day: email." and
 *   `getRemainingDailyQuota()` answers 0 for the rest of the day.
 * - `http` (`AdminDirectory.*`, `Drive.*`): the API answers with that status code, with the
 *   service's own error text.
 */
export type FaultKind =
  | { kind: 'crash'; when?: 'before' | 'after' }
  | { kind: 'lockTimeout' }
  | { kind: 'quota' }
  | { kind: 'http'; code: number };

/** Where and how often a fault strikes. */
export interface FaultPlace {
  /**
   * The counted name (`MailApp.sendEmail`, as in the call ledger), a prefix ending in `*`
   * (`AdminDirectory.Users.*`), or `*` for any call.
   */
  method: string;
  /** The first matching call (from now) that fails: 1 for the next one. */
  nth?: number;
  /** How many consecutive matching calls fail from there (default 1). */
  times?: number;
}

/** One injected rule and how far it has got. */
export interface FaultRule {
  place: Required<FaultPlace>;
  fault: FaultKind;
  /** Matching calls seen since injection. */
  seen: number;
  /** Calls it has failed. */
  fired: number;
}

/** The methods each kind of fault can strike: a rule elsewhere would silently never fire. */
const KIND_METHODS: Record<FaultKind['kind'], RegExp> = {
  crash: /./,
  lockTimeout: /^Lock\.(waitLock|tryLock)$|^Lock\.\*$/,
  quota: /^MailApp\.sendEmail$/,
  http: /^(AdminDirectory|Drive)\./,
};

/** The host's fault injector (`host.faults`), consulted by every counted call. */
export class Faults {
  private readonly rules: FaultRule[] = [];
  private trace: string[] | undefined;

  /**
   * Starts listing every counted call from now, in order (the methods `nth` counts), so a sweep
   * can find each point of an action to fail at. @returns the list, filled as calls happen
   */
  record(): string[] {
    this.trace = [];
    return this.trace;
  }

  /**
   * Injects a fault. @throws Error when the kind cannot strike that method (a lock timeout on a
   * spreadsheet call, say), so a test never relies on a rule that cannot fire.
   */
  inject(place: FaultPlace, fault: FaultKind): FaultRule {
    const nth = place.nth ?? 1;
    const times = place.times ?? 1;
    if (!(Number.isInteger(nth) && nth >= 1 && Number.isInteger(times) && times >= 1)) {
      throw new Error(`A fault needs nth >= 1 and times >= 1, got nth ${nth}, times ${times}`);
    }
    if (place.method !== '*' && !KIND_METHODS[fault.kind].test(place.method)) {
      throw new Error(`A ${fault.kind} fault cannot strike ${place.method}`);
    }
    if (fault.kind === 'http' && !(fault.code >= 400 && fault.code <= 599)) {
      throw new Error(`An http fault needs a 4xx or 5xx code, got ${fault.code}`);
    }
    const rule: FaultRule = { place: { method: place.method, nth, times }, fault, seen: 0, fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  /**
   * Counts a call of `method` against every rule and returns the fault that strikes it, if any
   * (the first rule injected wins when several do). Called once per counted call.
   */
  strike(method: string): FaultKind | undefined {
    this.trace?.push(method);
    let hit: FaultKind | undefined;
    for (const rule of this.rules) {
      if (!matches(rule.place.method, method) || !fits(rule.fault, method)) continue;
      rule.seen += 1;
      const { nth, times } = rule.place;
      if (rule.seen >= nth && rule.seen < nth + times) {
        rule.fired += 1;
        hit ??= rule.fault;
      }
    }
    return hit;
  }

  /** Rules that have not fired as often as they were asked to. */
  pending(): FaultRule[] {
    return this.rules.filter((r) => r.fired < r.place.times);
  }

  /** Forgets every rule. */
  clear(): void {
    this.rules.length = 0;
  }
}

function matches(pattern: string, method: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return method.startsWith(pattern.slice(0, -1));
  return pattern === method;
}

/** A `*` rule of a specific kind only counts the calls that kind can strike. */
function fits(fault: FaultKind, method: string): boolean {
  return KIND_METHODS[fault.kind].test(method);
}
