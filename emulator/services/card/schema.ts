import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../card-schema.json';

let compiled: ValidateFunction | undefined;

/**
 * Checks card JSON against the card-v2 schema generated from `@googleapis/chat`
 * (`chat_v1.Schema$GoogleAppsCardV1Card`, see scripts/card-schema.ts), in which every object is
 * closed, so a misspelt or unknown field is an error.
 * Reference: https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1#card
 * @returns one message per problem (`<json pointer> <what is wrong>`), empty when the card is valid
 */
export function validateCardJson(json: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (compiled(json)) return [];
  return (compiled.errors ?? []).map((e) => {
    const extra = 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : '';
    return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
  });
}
