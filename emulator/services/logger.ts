import type { Execution } from '../core/execution';
import { formatString } from './utilities/text';

/** Execution-log levels as the Apps Script execution log shows them. */
export type LogLevel = 'Info' | 'Warning' | 'Error';

/** One value as a log line shows it: strings as they are, objects as JSON. */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.prototype.toString.call(value) !== '[object Date]'
  ) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** A message from `format, ...values` (`%s`-style when there are values) or from one value. */
function message(first: unknown, rest: unknown[]): string {
  if (typeof first === 'string' && rest.length && first.includes('%')) return formatString(first, rest);
  return [first, ...rest].map(show).join(' ');
}

/** Appends one line, `Level: message`, to the Workspace's execution log `ws.logs`. */
function record(exec: Execution, level: LogLevel, text: string): void {
  exec.ws.logs.push(`${level}: ${text}`);
}

/**
 * The `Logger` global (developers.google.com/apps-script/reference/base/logger) for one
 * execution: `log(data)` or `log(format, ...values)` with `%s`-style placeholders writes an Info
 * line to the execution log (`ws.logs`) and to this execution's log, which `getLog()` returns
 * (lines joined by newlines) and `clear()` empties.
 */
export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private readonly lines: string[] = [];

  constructor(private readonly exec: Execution) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    return this.exec.call('Logger.log', () => {
      const text = message(data, values);
      this.lines.push(text);
      record(this.exec, 'Info', text);
      return this as unknown as GoogleAppsScript.Base.Logger;
    });
  }

  getLog(): string {
    return this.exec.call('Logger.getLog', () => this.lines.join('\n'));
  }

  clear(): void {
    this.exec.call('Logger.clear', () => {
      this.lines.length = 0;
    });
  }
}

/** The `Logger` global for one execution. */
export function createLogger(
  exec: Execution,
): Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  return new FakeLogger(exec);
}

type ConsoleMethods = 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd';

/**
 * The `console` global of Apps Script's V8 runtime
 * (developers.google.com/apps-script/reference/base/console): `log`/`info` write Info lines,
 * `warn` Warning lines and `error` Error lines to the execution log (`ws.logs`), formatting
 * `%s`-style placeholders; `time(label)`/`timeEnd(label)` log `label: Nms` of modelled time.
 */
export function createConsole(exec: Execution): Pick<Console, ConsoleMethods> {
  const timers = new Map<string, number>();
  const writer =
    (method: string, level: LogLevel) =>
    (first?: unknown, ...rest: unknown[]): void =>
      exec.call(`console.${method}`, () => record(exec, level, message(first ?? '', rest)));
  return {
    log: writer('log', 'Info'),
    info: writer('info', 'Info'),
    warn: writer('warn', 'Warning'),
    error: writer('error', 'Error'),
    time: (label: string) =>
      exec.call('console.time', () => void timers.set(String(label), exec.ws.clock.now())),
    timeEnd: (label: string) =>
      exec.call('console.timeEnd', () => {
        const started = timers.get(String(label));
        if (started === undefined) return;
        timers.delete(String(label));
        record(exec, 'Info', `${label}: ${exec.ws.clock.now() - started}ms`);
      }),
  };
}
