/**
 * `npm run cards -- [--out DIR]`: draws every card of the last `npm start` (DIR/cards/*.json,
 * default out/) as a PNG beside it, from an HTML rendering close to Gmail's side panel
 * (card-html.ts), in headless Chromium (Debian's `chromium`, or CHROMIUM_PATH). Exits 0 when
 * every card is drawn, 2 on bad input (no cards, no Chromium), each a one-line message.
 */
import { Command, CommanderError } from 'commander';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { cardHtml, type CardScreen } from './card-html';

/** Where Debian's chromium package puts the browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The flags this machine's closed network needs (/work/.library/env): no background connections,
 * no component updates, no first-run or sync, a fresh profile.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The card JSON files of DIR/cards, by name. @throws Error saying what to run first */
export function cardFiles(dir: string): string[] {
  const cards = join(dir, 'cards');
  if (!existsSync(cards))
    throw new Error(`No cards in ${cards}: run npm start first (or give --out DIR of a run).`);
  const files = readdirSync(cards)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.length) throw new Error(`No card JSON in ${cards}: run npm start first.`);
  return files.map((f) => join(cards, f));
}

/** The Chromium to use. @throws Error with how to install it */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('npm run cards --')
    .description("Draws each card of the last npm start as a PNG, as Gmail's side panel shows it.")
    .option('--out <dir>', 'the npm start output folder whose cards/ to draw', 'out')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  let dir: string;
  try {
    dir = program.parse(argv, { from: 'user' }).opts<{ out: string }>().out;
  } catch (e) {
    if (e instanceof CommanderError && e.exitCode === 0) {
      console.log(program.helpInformation());
      return 0;
    }
    console.error(`Bad input: ${(e as Error).message.replace(/^error: /, '')}`);
    return 2;
  }
  let files: string[];
  let executablePath: string;
  try {
    files = cardFiles(dir);
    executablePath = chromiumPath();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 800 }, deviceScaleFactor: 2 });
    for (const file of files) {
      const screen = JSON.parse(readFileSync(file, 'utf8')) as CardScreen;
      await page.setContent(cardHtml(screen, file), { waitUntil: 'load' });
      const png = await page.locator('#panel').screenshot();
      writeFileSync(file.replace(/\.json$/, '.png'), png);
    }
  } finally {
    await browser.close();
  }
  console.log(`Drew ${files.length} cards as PNG in ${join(dir, 'cards')}.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`The cards could not be drawn: ${(e as Error)?.message ?? String(e)}`);
      process.exit(1);
    },
  );
}
