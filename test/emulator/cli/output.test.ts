import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputFolder, MARKER, replaceOutputFolder } from '../../../emulator/cli/output';

const dir = mkdtempSync(join(tmpdir(), 'aup-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('output folder', () => {
  it('accepts a new, empty, marked or pre-marker output folder; refuses anything else', () => {
    expect(() => checkOutputFolder(join(dir, 'new'))).not.toThrow();
    mkdirSync(join(dir, 'empty'));
    expect(() => checkOutputFolder(join(dir, 'empty'))).not.toThrow();
    mkdirSync(join(dir, 'old'));
    for (const f of ['tracking.csv', 'cards']) writeFileSync(join(dir, 'old', f), '');
    expect(() => checkOutputFolder(join(dir, 'old'))).not.toThrow();
    writeFileSync(join(dir, 'old', 'thesis.docx'), '');
    expect(() => checkOutputFolder(join(dir, 'old'))).toThrow(
      /old: is not empty and is not an earlier output/,
    );
    writeFileSync(join(dir, 'old', MARKER), '');
    expect(() => checkOutputFolder(join(dir, 'old'))).not.toThrow();
    writeFileSync(join(dir, 'file'), '');
    expect(() => checkOutputFolder(join(dir, 'file'))).toThrow(/file: is a file: --out takes a folder/);
  });

  it('replaces the previous output only once the new one is written', async () => {
    const out = join(dir, 'out');
    await replaceOutputFolder(out, async (d) => writeFileSync(join(d, 'tracking.csv'), 'first'));
    expect(readdirSync(out).sort()).toEqual([MARKER, 'tracking.csv']);

    await expect(
      replaceOutputFolder(out, async (d) => {
        writeFileSync(join(d, 'tracking.csv'), 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(out, 'tracking.csv'), 'utf8')).toBe('first');

    expect(
      await replaceOutputFolder(out, async (d) => (writeFileSync(join(d, 'audit.csv'), 'second'), 7)),
    ).toBe(7);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'audit.csv']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.out.'))).toEqual([]);
    expect(existsSync(join(out, MARKER))).toBe(true);
  });
});
