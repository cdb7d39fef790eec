import { allChanges, policyParagraphs, type PolicyChange, type PolicyParagraph } from '../core/changes';
import type { Config } from '../core/config';
import type { DocLine } from '../core/template';
import { readDocLines } from '../gas/documents';
import { withScriptLock } from '../gas/lock';
import type { Publishing } from '../gas/publish-record';
import { Tracking } from '../gas/tracking';
import {
  keepTemplate,
  readVersions,
  recordVersion,
  writeChangesDoc,
  type VersionRecord,
} from '../gas/versions';
import { ukDate } from './context';
import { sharePolicy } from './personal-doc';

/** The name of a version's kept template. */
export function templateCopyName(version: string): string {
  return `AUP ${version} — template as published`;
}

/**
 * The first version's record, at setup (or when Settings change the version before anyone is
 * invited): its template kept as published and its Versions row. Call under the script lock.
 */
export function recordFirstVersion(config: Config, actor: string): void {
  const tracking = Tracking.open(config);
  recordVersion(tracking, {
    version: config.policyVersion,
    kind: 'First',
    publishedAt: new Date(),
    publishedBy: actor,
    templateCopy: keepTemplate(config.templateDocId, templateCopyName(config.policyVersion), config.folderId),
    policyCopy: config.policyUrl,
    changes: '',
  });
}

/**
 * The wording in force now, as the Versions sheet has it; for a deployment older than the sheet,
 * the version `wasVersion` gives (the current one by default) read from its policy copy (clause markers
 * gone: every clause reads as everyone's), in force since its first invitation (its `since`, or
 * the cycle's opening), recorded as its first row when `save` is set (call under the script lock
 * then).
 */
export function currentWording(
  config: Config,
  tracking: Tracking,
  save = false,
  wasVersion: () => { version: string; since: Date } = () => ({
    version: config.edition ?? config.policyVersion,
    since: new Date(`${config.cycleOpenedOn}T00:00:00Z`),
  }),
): VersionRecord {
  const versions = readVersions(tracking);
  const last = versions[versions.length - 1];
  if (last) return last;
  const was = wasVersion();
  const old: VersionRecord = {
    version: was.version,
    kind: 'First',
    publishedAt: was.since,
    publishedBy: config.owner,
    templateCopy: config.policyUrl,
    policyCopy: config.policyUrl,
    changes: '',
  };
  if (save) recordVersion(tracking, old);
  return old;
}

/** What changed from the wording in force to `lines` (a template about to be published), whoever reads it. */
export function changesToTemplate(
  config: Config,
  lines: readonly DocLine[],
): { from: string; changes: PolicyChange[] } {
  const now = currentWording(config, Tracking.open(config));
  return { from: now.version, changes: allChanges(paragraphsOf(now.templateCopy), policyParagraphs(lines)) };
}

function paragraphsOf(url: string): PolicyParagraph[] {
  return policyParagraphs(readDocLines(url));
}

/**
 * A publication's record, step by step, each kept in the publication's record (`record`) the
 * moment it exists, so a run that stops is carried on without a second copy: the template kept as
 * published, the "changes" document beside the policy copy (what changed since the wording it
 * replaces, whoever reads it; shared as the policy copy is), and the Versions row.
 * @param config the configuration with the replaced version's policy copy still in it (its label
 *   and cycle are the new version's already: the replaced one is `p.from`)
 */
export function recordPublication(
  config: Config,
  p: Publishing,
  policyCopy: string,
  record: () => void,
): void {
  const tracking = Tracking.open(config);
  const kind = p.kind ?? 'Substantive';
  const previous = withScriptLock(() =>
    currentWording(config, tracking, true, () => replaced(tracking, p.from)),
  );
  if (!p.made.templateCopy) {
    p.made.templateCopy = keepTemplate(p.templateDocId, templateCopyName(p.version), config.folderId);
    record();
  }
  if (!p.made.changes) {
    const changes = allChanges(paragraphsOf(previous.templateCopy), paragraphsOf(p.made.templateCopy));
    const file = writeChangesDoc(
      `AUP ${p.version} — what changed since ${previous.version}`,
      `${config.schoolName} staff Acceptable Use Policy ${p.version}, ${kind === 'Editorial' ? 'an editorial version' : 'a version everyone signs again'}, published on ${ukDate(new Date(p.at), true)}, compared with ${previous.version}:`,
      changes,
      config.folderId,
    );
    sharePolicy(file);
    p.made.changes = file.getUrl();
    record();
  }
  const row: VersionRecord = {
    version: p.version,
    kind,
    publishedAt: new Date(p.at),
    publishedBy: p.actor,
    templateCopy: p.made.templateCopy,
    policyCopy,
    changes: p.made.changes,
  };
  withScriptLock(() => recordVersion(tracking, row));
}

/** The replaced version as a deployment older than the Versions sheet had it: its label, in force since its first invitation. */
function replaced(tracking: Tracking, version: string): { version: string; since: Date } {
  const invited = tracking
    .readSignatures()
    .requests.map((s) => s.request)
    .filter((r) => r.policyVersion === version && r.invitedAt)
    .map((r) => (r.invitedAt as Date).getTime());
  return { version, since: new Date(invited.length ? Math.min(...invited) : 0) };
}
