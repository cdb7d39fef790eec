/** gas-local (npm): loads an Apps Script project's .js files into a vm context. */
declare module 'gas-local' {
  import type { Context } from 'node:vm';
  /**
   * Runs every file of `folder` accepted by `options.filter` in a vm context made from
   * `globalObject`, and returns that context.
   */
  export function require(
    folder: string,
    globalObject?: Record<string, unknown>,
    options?: { filter?: (file: string) => boolean },
  ): Context;
}
