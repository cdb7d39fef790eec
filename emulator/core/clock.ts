/**
 * The host-controlled clock. The add-on bundle runs in a vm context whose global `Date` is
 * {@link Clock.DateClass}: `new Date()` and `Date.now()` read this clock, never the machine's.
 * Modelled service latency advances it, so time budgets inside the add-on see time pass.
 */
export class Clock {
  private nowMs: number;
  /** A `Date` subclass bound to this clock: instances are real `Date`s in every realm's eyes. */
  readonly DateClass: DateConstructor;

  /** @param start the instant the clock starts at. */
  constructor(start: Date) {
    this.nowMs = start.getTime();
    this.DateClass = makeDateClass(() => this.nowMs);
  }

  /** Milliseconds since the epoch. */
  now(): number {
    return this.nowMs;
  }

  /** Moves the clock forward by `ms` milliseconds (never backwards). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Clock.advance needs ms >= 0, got ${ms}`);
    this.nowMs += ms;
  }

  /** Sets the clock to an instant at or after now. */
  advanceTo(when: Date | number): void {
    const target = typeof when === 'number' ? when : when.getTime();
    if (target < this.nowMs) throw new RangeError('Clock.advanceTo cannot move the clock backwards');
    this.nowMs = target;
  }

  /** A `Date` of this clock's class for `ms` (now when omitted). */
  date(ms: number = this.nowMs): Date {
    return new this.DateClass(ms);
  }
}

function makeDateClass(now: () => number): DateConstructor {
  class EmulatedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
  }
  return EmulatedDate as unknown as DateConstructor;
}
