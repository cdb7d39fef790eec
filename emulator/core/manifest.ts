import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An advanced service the manifest enables (`dependencies.enabledAdvancedServices[]`). */
export interface AdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

/**
 * The parts of `appsscript.json` that rule an execution
 * (developers.google.com/apps-script/manifest, …/manifest/dependencies,
 * …/manifest/web-app-api-executable, …/manifest/allowlist-url).
 */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: AdvancedService[] };
  urlFetchWhitelist?: string[];
  webapp?: {
    executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING';
    access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
  };
  executionApi?: { access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS' };
  addOns?: Record<string, unknown>;
}

/** The advanced services the emulator models, by `serviceId/version`. */
export const MODELLED_ADVANCED_SERVICES = ['admin/directory_v1', 'docs/v1', 'drive/v3', 'sheets/v4'] as const;
export type ModelledAdvancedService = (typeof MODELLED_ADVANCED_SERVICES)[number];

/**
 * Reads `appsscript.json` from the bundle folder (build/, beside Code.js).
 * @throws Error when it is missing or not JSON: Apps Script refuses a project without a manifest
 */
export function readManifest(bundleDir: string): Manifest {
  const file = join(bundleDir, 'appsscript.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/** What an execution of the script runs under: its manifest and the scopes granted from it. */
export interface Grant {
  manifest: Manifest;
  scopes: ReadonlySet<string>;
}

/**
 * The scopes an execution of the script is granted: exactly the manifest's `oauthScopes`. A
 * Workspace add-on must list its scopes explicitly (developers.google.com/workspace/add-ons/
 * concepts/workspace-scopes); a manifest without the field grants nothing here (Apps Script
 * would detect scopes for a plain script, which an add-on cannot rely on).
 */
export function grantedScopes(manifest: Manifest): ReadonlySet<string> {
  return new Set(manifest.oauthScopes ?? []);
}

/**
 * The advanced services the manifest enables, keyed by the global each defines (its userSymbol).
 * @throws Error for one the emulator does not model, so a test never runs without it unawares
 */
export function advancedServices(manifest: Manifest): Map<string, ModelledAdvancedService> {
  const out = new Map<string, ModelledAdvancedService>();
  for (const s of manifest.dependencies?.enabledAdvancedServices ?? []) {
    const key = `${s.serviceId}/${s.version}`;
    if (!(MODELLED_ADVANCED_SERVICES as readonly string[]).includes(key)) {
      throw new Error(
        `appsscript.json enables the advanced service ${s.userSymbol} (${key}), which the emulator does not model.`,
      );
    }
    out.set(s.userSymbol, key as ModelledAdvancedService);
  }
  return out;
}

/**
 * Whether `url` is covered by the manifest's `urlFetchWhitelist`
 * (developers.google.com/apps-script/manifest/allowlist-url): a prefix is an `https://` URL with a
 * non-empty path; the URL matches when it is the prefix or one of its children (`…/foo` covers
 * `…/foo`, `…/foo/bar`, `…/foo?x`, `…/foo#x`, not `…/foobar`); the path compares case-sensitively;
 * one leading `*.` stands for one or more subdomains (never for none). With no list at all nothing
 * is covered: the field is required for versioned deployments, and the emulator models those.
 */
export function urlAllowed(manifest: Manifest, url: string): boolean {
  return (manifest.urlFetchWhitelist ?? []).some((prefix) => covers(prefix, url));
}

/** Apps Script's message for a fetch the allowlist does not cover (as reported; the text is not documented). */
export function notAllowlistedMessage(url: string): string {
  return `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`;
}

function covers(prefix: string, url: string): boolean {
  const p = /^https:\/\/([^/?#]+)(\/[^]*)$/.exec(prefix);
  const u = /^https:\/\/([^/?#]+)([/?#][^]*)?$/.exec(url);
  if (!p || !u) return false;
  const [, pHost = '', pPath = ''] = p;
  const [, uHostRaw = '', uRest = '/'] = u;
  const uHost = uHostRaw.toLowerCase();
  const host = pHost.toLowerCase();
  const hostOk = host.startsWith('*.')
    ? uHost.endsWith(host.slice(1)) && uHost.length > host.length - 1
    : uHost === host;
  if (!hostOk) return false;
  const rest = uRest.startsWith('/') ? uRest : `/${uRest}`;
  if (!rest.startsWith(pPath)) return false;
  if (rest.length === pPath.length || pPath.endsWith('/')) return true;
  return ['/', '?', '#'].includes(rest.charAt(pPath.length));
}
