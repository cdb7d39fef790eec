import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './input-error';

/** Written into each output folder, so that a later run may replace it and nothing else. */
export const MARKER = '.aup-signer-output';

/** What the local run writes into an output folder (an output from before the marker holds only these). */
const OUTPUTS = new Set([
  'tracking.csv',
  'staff.csv',
  'audit.csv',
  'dashboard.csv',
  'docs',
  'mail',
  'signed',
  'directory.json',
  'cards',
]);

/**
 * Refuses an output folder that may hold something of the person's own: one is accepted when
 * it does not exist, is empty, has the {@link MARKER}, or holds only what the local run writes
 * (an output from before the marker).
 * @throws InputError naming the folder and what to do
 */
export function checkOutputFolder(out: string): void {
  if (!existsSync(out)) {
    let up = dirname(resolve(out));
    while (!existsSync(up)) up = dirname(up);
    if (!statSync(up).isDirectory())
      throw new InputError(out, undefined, `cannot be made: ${up} is a file, not a folder.`);
    return;
  }
  if (!statSync(out).isDirectory()) throw new InputError(out, undefined, 'is a file: --out takes a folder.');
  const entries = readdirSync(out);
  if (entries.includes(MARKER) || entries.every((e) => OUTPUTS.has(e))) return;
  throw new InputError(
    out,
    undefined,
    'is not empty and is not an earlier output of npm start: give --out a new or empty folder, so nothing of yours is replaced.',
  );
}

/**
 * Writes a run's outputs into a new folder beside `out` (with the {@link MARKER}), then puts it
 * in `out`'s place. If `write` throws, the new folder is removed and `out` is left as it was.
 * @param write fills the folder it is given
 * @returns what `write` returned
 * @throws whatever `write` or the file system throws
 */
export async function replaceOutputFolder<T>(out: string, write: (dir: string) => Promise<T>): Promise<T> {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  let result: T;
  try {
    writeFileSync(
      join(tmp, MARKER),
      'Written by npm start (AUP Signer); the next run replaces this folder.\n',
    );
    result = await write(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const previous = `${tmp}-previous`;
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(previous)) renameSync(previous, target);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  rmSync(previous, { recursive: true, force: true });
  return result;
}
