/**
 * Builds the add-on for `clasp push`: bundles src/index.ts into build/Code.js for the Apps Script
 * V8 runtime and copies appsscript.json beside it.
 *
 * Apps Script calls functions by name (manifest runFunction, Action.setFunctionName,
 * ScriptApp.newTrigger), and only finds top-level function declarations. esbuild's IIFE hides
 * everything in one global object, so each export of src/index.ts gets a top-level stub:
 *   function onHomepage() { return AUPSigner.onHomepage.apply(this, arguments); }
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'build');
const GLOBAL = 'AUPSigner';

/** The names src/index.ts exports: the add-on's entry points. */
async function entryPointNames(): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error('esbuild produced no output for src/index.ts');
  return [...output.exports].sort();
}

/** One top-level function declaration per entry point. */
export function stubs(names: readonly string[]): string {
  return names
    .map((n) => `function ${n}() {\n  return ${GLOBAL}.${n}.apply(this, arguments);\n}\n`)
    .join('\n');
}

async function main(): Promise<void> {
  const names = await entryPointNames();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    outfile: join(OUT, 'Code.js'),
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0]?.text ?? '';
  const header = '// AUP Signer: built by scripts/build.ts from src/. Do not edit; run `npm run build`.\n';
  writeFileSync(join(OUT, 'Code.js'), `${header}${bundle}\n${stubs(names)}`);
  copyFileSync(join(ROOT, 'appsscript.json'), join(OUT, 'appsscript.json'));
  console.log(`build/Code.js: ${names.length} entry points (${names.join(', ')}), ${bundle.length} bytes`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
