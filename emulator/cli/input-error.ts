/** Bad input to the local run: names the file, the line (when there is one) and what to fix. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}
