import { parse, type Node } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build` writes the add-on. */
export const BUILD_DIR = join(__dirname, '../../build');

/** build/Code.js as text. @throws when the add-on has not been built. */
export function readBundle(): string {
  const file = join(BUILD_DIR, 'Code.js');
  if (!existsSync(file)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first).');
  return readFileSync(file, 'utf8');
}

/** The manifest, as built. */
export function readManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
}

/** Names of the top-level function declarations of a script. */
export function topLevelFunctions(code: string): Set<string> {
  const ast = parse(code, { ecmaVersion: 2022, sourceType: 'script' }) as unknown as { body: Node[] };
  const names = new Set<string>();
  for (const node of ast.body) {
    const fn = node as Node & { id?: { name: string } | null };
    if (node.type === 'FunctionDeclaration' && fn.id) names.add(fn.id.name);
  }
  return names;
}

/** Function names the code hands to Apps Script by string, and call sites whose name is not a literal. */
export function namesPassedByString(code: string): { names: Set<string>; nonLiteral: string[] } {
  const ast = parse(code, { ecmaVersion: 2022, sourceType: 'script', locations: true });
  const names = new Set<string>();
  const nonLiteral: string[] = [];
  walk(ast as unknown as Node, (node) => {
    const call = node as Node & {
      callee?: Node & { property?: { name?: string } };
      arguments?: (Node & { value?: unknown })[];
      loc?: { start: { line: number } };
    };
    if (node.type !== 'CallExpression' || call.callee?.type !== 'MemberExpression') return;
    const method = call.callee.property?.name;
    if (method !== 'setFunctionName' && method !== 'newTrigger') return;
    const arg = call.arguments?.[0];
    if (arg && arg.type === 'Literal' && typeof arg.value === 'string') names.add(arg.value);
    else nonLiteral.push(`${method}(…) at build/Code.js line ${call.loc?.start.line ?? '?'}`);
  });
  return { names, nonLiteral };
}

/** Every function name the manifest names (runFunction, onTriggerFunction), anywhere in it. */
export function manifestFunctions(manifest: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'runFunction' || k === 'onTriggerFunction') && typeof x === 'string') names.add(x);
        else visit(x);
      }
    }
  };
  visit(manifest);
  return names;
}

/**
 * Which of `candidates` the script refers to as a variable (an identifier that is not a property
 * name), as an advanced service's global is referred to: names in strings and `x.Drive` do not count.
 */
export function globalsNamed(code: string, candidates: readonly string[]): Set<string> {
  const ast = parse(code, { ecmaVersion: 2022, sourceType: 'script' }) as unknown as Node;
  const found = new Set<string>();
  const visit = (node: Node, parent: Node | undefined, key: string): void => {
    const id = node as Node & { name?: string };
    const p = parent as (Node & { computed?: boolean; shorthand?: boolean }) | undefined;
    const isPropertyName =
      (p?.type === 'MemberExpression' && key === 'property' && !p.computed) ||
      (p?.type === 'Property' && key === 'key' && !p.computed && !p.shorthand);
    if (node.type === 'Identifier' && id.name && candidates.includes(id.name) && !isPropertyName) found.add(id.name);
    for (const [k, value] of Object.entries(node)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v && typeof v === 'object' && typeof (v as Node).type === 'string') visit(v as Node, node, k);
      }
    }
  };
  visit(ast, undefined, '');
  return found;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') walk(v as Node, visit);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      walk(value as Node, visit);
    }
  }
}
