import { changesFor, policyParagraphs, type PolicyChange, type PolicyParagraph } from '../core/changes';
import type { Config } from '../core/config';
import { fillText, type Placeholder } from '../core/placeholders';
import type { SignatureRequest } from '../core/request';
import { readDocLines } from '../gas/documents';
import type { Tracking } from '../gas/tracking';
import { readVersions, wordingAt, type VersionRecord } from '../gas/versions';

/** What changed for one person since the version they last signed, their placeholders filled. */
export interface ChangesSince {
  /** The policy version they last signed. */
  since: string;
  changes: PolicyChange[];
  /** The "changes" document of the wording they are asked to sign now ('' when it has none). */
  link: string;
}

/**
 * What changed for the person of request `r`: since the version they last signed before it
 * (`since` 'signed': a re-sign's changes), or since the wording `r` was made from up to the
 * wording in force now ('made': an editorial version's). Undefined when nothing is known to have changed.
 */
export type ChangesReader = (r: SignatureRequest, since?: 'signed' | 'made') => ChangesSince | undefined;

/** CacheService's limit on a value (100 KB); a version's paragraphs past it are read each time. */
const CACHE_MAX = 100_000;
/** How long a version's paragraphs stay cached (s): a template copy as published never changes. */
const CACHE_SECONDS = 6 * 3600;

/**
 * A reader of what changed for each person since the version they last signed: their latest
 * signed request of another version, the wording in force when each request was made (the
 * Versions sheet), and the paragraphs of each wording as their staff type reads them
 * ({@link changesFor}). Each version's paragraphs are read once per execution (one Docs API read)
 * and kept in the script cache between executions; the Versions sheet is read once, when first
 * needed. A person who never signed, or whose wording has not changed, gets undefined, as does one
 * whose earlier wording the Versions sheet does not have (a deployment older than it).
 * @param requests every request (for the person's earlier ones)
 */
export function changesReader(
  tracking: Tracking,
  config: Config,
  requests: () => Iterable<SignatureRequest>,
): ChangesReader {
  let versions: VersionRecord[] | undefined;
  let byEmail: Map<string, SignatureRequest[]> | undefined;
  const paragraphs = new Map<string, PolicyParagraph[]>();
  const read = (url: string): PolicyParagraph[] => {
    let got = paragraphs.get(url);
    if (!got) {
      got = cachedParagraphs(url);
      paragraphs.set(url, got);
    }
    return got;
  };
  return (r, since = 'signed') => {
    if (!byEmail) {
      byEmail = new Map();
      for (const x of requests()) byEmail.set(x.email, [...(byEmail.get(x.email) ?? []), x]);
    }
    const previous = since === 'signed' ? lastSigned(byEmail.get(r.email) ?? [], r) : r;
    if (!previous) return undefined;
    versions ??= readVersions(tracking);
    const from = wordingAt(versions, madeAt(previous));
    const to = since === 'signed' ? wordingAt(versions, madeAt(r)) : versions[versions.length - 1];
    if (!from || !to || from === to || !from.templateCopy || !to.templateCopy) return undefined;
    const values = (version: string): Partial<Record<Placeholder, string>> => ({
      'School Name': config.schoolName,
      Name: r.name,
      Role: r.role,
      'Staff Type': r.staffType,
      Email: r.email,
      'Policy Version': version,
    });
    const changes = changesFor(read(from.templateCopy), read(to.templateCopy), r.staffType).map(
      (c): PolicyChange => {
        if (c.kind === 'added') return { ...c, new: fillText(c.new, values(r.policyVersion)) };
        if (c.kind === 'removed') return { ...c, old: fillText(c.old, values(previous.policyVersion)) };
        return {
          ...c,
          old: fillText(c.old, values(previous.policyVersion)),
          new: fillText(c.new, values(r.policyVersion)),
        };
      },
    );
    return { since: since === 'signed' ? previous.policyVersion : from.version, changes, link: to.changes };
  };
}

/** The person's latest signed request of another policy version than `r`'s, signed before it was made. */
function lastSigned(own: readonly SignatureRequest[], r: SignatureRequest): SignatureRequest | undefined {
  const before = madeAt(r).getTime();
  const signed = own
    .filter(
      (x) =>
        x.requestId !== r.requestId &&
        x.policyVersion !== r.policyVersion &&
        x.signedAt !== null &&
        x.signedAt.getTime() <= before,
    )
    .sort((a, b) => (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0));
  return signed[signed.length - 1];
}

/** When a request's document was made from the wording then in force: its invitation, or now. */
function madeAt(r: SignatureRequest): Date {
  return r.invitedAt ?? r.signedAt ?? new Date();
}

/** A version's paragraphs, from the script cache or read from its template copy (and cached). */
function cachedParagraphs(url: string): PolicyParagraph[] {
  const cache = CacheService.getScriptCache();
  const key = `aup-paragraphs:${/\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? url}`;
  const hit = cache.get(key);
  if (hit) return JSON.parse(hit) as PolicyParagraph[];
  const got = policyParagraphs(readDocLines(url));
  const json = JSON.stringify(got);
  if (json.length * 3 < CACHE_MAX) cache.put(key, json, CACHE_SECONDS);
  return got;
}
