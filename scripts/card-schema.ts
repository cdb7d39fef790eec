/**
 * Regenerates emulator/card-schema.json: the JSON schema of a Google Workspace add-on card (card v2,
 * `chat_v1.Schema$GoogleAppsCardV1Card` in `@googleapis/chat`), used by
 * emulator/services/card/schema.ts to check every card the add-on builds.
 *
 * Every object in the schema is closed (`additionalProperties: false`) so a misspelt field fails,
 * and `null` is dropped from the `string | null` unions of the TypeScript types: a card's JSON never
 * carries `null` (Apps Script leaves an unset field out). The long field descriptions are dropped;
 * they live in node_modules/@googleapis/chat/build/v1.d.ts.
 *
 * Run: `npx tsx scripts/card-schema.ts`
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'node_modules/@googleapis/chat/build/v1.d.ts');
const OUT = join(ROOT, 'emulator/card-schema.json');
const TYPE = 'chat_v1.Schema$GoogleAppsCardV1Card';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Closes every object schema and removes `null` from type unions, recursively. */
function tighten(node: Json): Json {
  if (Array.isArray(node)) return node.map(tighten);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    out[key] = key === 'properties' ? closeProperties(value) : tighten(value);
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    out.type = types.length === 1 ? (types[0] ?? null) : types;
  }
  if (out.type === 'object' || out.properties !== undefined) out.additionalProperties = false;
  return out;
}

/** `properties` maps names to schemas: tighten each schema, keep the names. */
function closeProperties(props: Json): Json {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return props;
  return Object.fromEntries(Object.entries(props).map(([name, schema]) => [name, tighten(schema)]));
}

const generated = createGenerator({
  path: SOURCE,
  type: TYPE,
  skipTypeCheck: true,
  additionalProperties: false,
  expose: 'all',
  topRef: true,
}).createSchema(TYPE);

writeFileSync(OUT, JSON.stringify(tighten(generated as unknown as Json), null, 2) + '\n');
console.log(`wrote ${OUT}`);
