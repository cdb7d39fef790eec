import { fitCell, templateTooLong } from '../core/limits';
import { DEFAULT_AGREEMENT, type Config } from '../core/config';
import { OPEN_TO_SIGN } from '../core/request';
import { templateReport } from '../core/template-report';
import { CONFIG_KEY, loadConfig, saveConfig } from '../gas/config-store';
import { readDocLines } from '../gas/documents';
import { installFormTrigger, relinkPolicyForm } from '../gas/forms';
import { withScriptLock } from '../gas/lock';
import { PUBLISH_KEY, readPublishing, type Publishing } from '../gas/publish-record';
import { Tracking, type AuditEntry } from '../gas/tracking';
import { londonDay } from './context';
import { syncFilterViews } from './filter-views';
import { jobOwed, runInvitations, scheduleInvitationJob, type InvitationRun, NO_INVITATIONS } from './invite';
import { scheduleResume } from './pending-steps';
import { editionStores, versionStores } from './provision';
import { tellOfEdition } from './edition';
import { recordPublication } from './version-record';
import { mutate } from './store';

/** States a new version supersedes: everything not yet Complete (Complete requests stay as history). */
const SUPERSEDED_FROM = [...OPEN_TO_SIGN, 'Signed', 'Approved'];

/** How long a run holds a publication (ms) before another may carry it on: past a run's 6 minutes. */
const PUBLISH_LEASE_MS = 7 * 60_000;

/** How a publication ended for the run that asked. */
export type PublishOutcome =
  | { ok: true; joined: boolean; config: Config; superseded: number; run: InvitationRun }
  | { ok: true; joined: true; background: true; config: Config }
  | { ok: false; message: string };

/**
 * Publishes a policy version (a new template and label, or the same template for the next annual
 * cycle) as one recorded operation. Under the script lock the new version is saved first, with
 * the record of what publishing still owes, in one Script Properties write; then, resumably:
 * every open request of the old version becomes Superseded (Complete ones stay as history), the
 * version gets its own read-only copy and Form (the old Form stops accepting responses and loses
 * its trigger), and everyone on the Staff sheet is invited within `budgetMs`, the rest on a
 * trigger. A second publish of the same label, or the daily cycle at the same moment, joins the
 * one under way (with another template, once no run holds it, it goes on with that template: the
 * way to mend a publication whose template was deleted); another label waits until it is done.
 * Active accounts stay active.
 * @param from the version the caller saw as current: refused when it changed meanwhile
 */
export function publishVersion(
  from: string,
  next: { version: string; templateDocId: string; kind?: 'Substantive' | 'Editorial' },
  actor: string,
  started: number,
  budgetMs: number,
): PublishOutcome {
  const lines = readDocLines(next.templateDocId);
  const large = templateTooLong(lines);
  if (large) return { ok: false, message: large };
  const report = templateReport(lines, loadConfig()?.staffTypes ?? []);
  const agreementText = report.agreement ?? DEFAULT_AGREEMENT;
  const kind = next.kind ?? 'Substantive';
  const begun = withScriptLock(
    (): { ok: true; joined: boolean } | { ok: false; message: string } => {
      const config = loadConfig();
      const running = readPublishing();
      if (running) {
        if (running.version === next.version && running.templateDocId !== next.templateDocId) {
          if (running.leaseUntil > Date.now()) {
            return {
              ok: false,
              message: `Policy version ${running.version} is being published right now: try again in a few minutes.`,
            };
          }
          const redone: Publishing = {
            ...running,
            templateDocId: next.templateDocId,
            made: {},
            leaseUntil: 0,
            retryAt: 0,
            attempts: 1,
          };
          PropertiesService.getScriptProperties().setProperties({
            [CONFIG_KEY]: JSON.stringify({
              ...(config as Config),
              templateDocId: next.templateDocId,
              agreementText,
            }),
            [PUBLISH_KEY]: JSON.stringify(redone),
          });
        }
        return running.version === next.version
          ? { ok: true, joined: true }
          : {
              ok: false,
              message: `Policy version ${running.version} is being published: try again when it is done.`,
            };
      }
      if (!config) return { ok: false, message: 'AUP Signer is not set up yet.' };
      if (config.policyVersion === next.version)
        return { ok: false, message: `${next.version} is already the current version.` };
      if (config.policyVersion !== from)
        return { ok: false, message: 'The policy version changed meanwhile: open the add-on again.' };
      if (config.edition === next.version)
        return { ok: false, message: `${next.version} is already the current version.` };
      if (kind === 'Editorial' && agreementText !== config.agreementText)
        return {
          ok: false,
          message:
            'The agreement people consent to has changed wording: publish this as a substantive change, so that everyone signs it.',
        };
      const record: Publishing = {
        version: next.version,
        from,
        fromFormId: config.form.id,
        templateDocId: next.templateDocId,
        kind,
        actor,
        at: Date.now(),
        made: {},
        leaseUntil: Date.now() + PUBLISH_LEASE_MS,
        attempts: 1,
      };
      const updated: Config =
        kind === 'Editorial'
          ? { ...config, templateDocId: next.templateDocId, edition: next.version }
          : {
              ...config,
              policyVersion: next.version,
              templateDocId: next.templateDocId,
              agreementText,
              cycleOpenedOn: londonDay(),
              edition: undefined,
            };
      PropertiesService.getScriptProperties().setProperties({
        [CONFIG_KEY]: JSON.stringify(updated),
        [PUBLISH_KEY]: JSON.stringify(record),
      });
      return { ok: true, joined: false };
    },
    { sheets: false },
  );
  if (!begun.ok) return begun;
  const res = continuePublishing(actor, started, budgetMs, !begun.joined);
  if (!res) return { ok: true, joined: true, background: true, config: loadConfig() as Config };
  return { ...res, joined: begun.joined };
}

/**
 * Carries on the publication under way, when no other run holds it (`mine`: this run recorded it
 * and holds it already): supersedes, makes the version's copy and Form, saves them, forgets the
 * record and invites. A step that fails gives the publication up to the next run (the one-off
 * resume trigger is scheduled) and rethrows.
 * @returns what it did, or undefined when nothing is under way or another run holds it
 */
export function continuePublishing(
  actor: string,
  started: number,
  budgetMs: number,
  mine = false,
): { ok: true; config: Config; superseded: number; run: InvitationRun } | undefined {
  const p = mine ? readPublishing() : takePublishing();
  if (!p) return undefined;
  try {
    const config = loadConfig() as Config;
    const editorial = p.kind === 'Editorial';
    const superseded = editorial ? 0 : supersede(config, p);
    const assets = editorial ? editionAssets(config, p) : versionAssets(config, p);
    recordPublication(config, p, assets.policyUrl, () =>
      PropertiesService.getScriptProperties().setProperty(PUBLISH_KEY, JSON.stringify(p)),
    );
    const updated: Config = { ...config, ...assets };
    saveConfig(updated);
    PropertiesService.getScriptProperties().deleteProperty(PUBLISH_KEY);
    if (editorial) {
      const told = tellOfEdition(updated, p.version, started, budgetMs);
      if (told.remaining > 0) scheduleInvitationJob();
      return { ok: true, config: updated, superseded, run: { ...NO_INVITATIONS, remaining: told.remaining } };
    }
    syncFilterViews(updated);
    const run = runInvitations(updated, actor, started, budgetMs);
    if (jobOwed(run)) scheduleInvitationJob();
    return { ok: true, config: updated, superseded, run };
  } catch (e) {
    publishingStopped(p, String((e as Error)?.message ?? e));
    throw e;
  }
}

/** Runs the resume trigger carries a stopped publication on quickly; then the daily run, once a day. */
const FAST_ATTEMPTS = 5;

/**
 * A run carrying the publication on stopped: it is given back for a later run, sooner at first
 * (the resume trigger 1, 2, 4 and 8 minutes on), then once a day, and after {@link FAST_ATTEMPTS}
 * runs the Audit says once why ("Publishing stopped"): a deleted or unreadable template is put
 * right by publishing the same label again with a template that opens.
 */
function publishingStopped(p: Publishing, error: string): void {
  const left = readPublishing();
  if (!left) return;
  const attempts = p.attempts ?? 1;
  const delay = attempts < FAST_ATTEMPTS ? 60_000 * 2 ** (attempts - 1) : 12 * 3_600_000;
  PropertiesService.getScriptProperties().setProperty(
    PUBLISH_KEY,
    JSON.stringify({ ...left, leaseUntil: 0, retryAt: Date.now() + delay - 30_000 }),
  );
  if (attempts < FAST_ATTEMPTS) scheduleResume(delay);
  if (attempts !== FAST_ATTEMPTS) return;
  const config = loadConfig();
  if (!config) return;
  withScriptLock(() =>
    Tracking.open(config).appendAudit([
      {
        at: new Date(),
        actor: 'AUP Signer',
        action: 'Publishing stopped',
        requestId: '',
        details: fitCell(
          `${p.from} → ${p.version}: ${attempts} runs stopped (last: ${error}); the daily run tries again each day. Publish ${p.version} again with a template that opens to put it right.`,
        ),
      },
    ]),
  );
}

/** Takes the publication under way over when its lease is over, under the script lock. */
function takePublishing(): Publishing | undefined {
  const free = (p: Publishing | undefined): p is Publishing =>
    p !== undefined && p.leaseUntil <= Date.now() && (p.retryAt ?? 0) <= Date.now();
  if (!free(readPublishing())) return undefined;
  return withScriptLock(
    () => {
      const p = readPublishing();
      if (!free(p)) return undefined;
      const taken = { ...p, leaseUntil: Date.now() + PUBLISH_LEASE_MS, attempts: (p.attempts ?? 1) + 1 };
      PropertiesService.getScriptProperties().setProperty(PUBLISH_KEY, JSON.stringify(taken));
      return taken;
    },
    { sheets: false },
  );
}

/**
 * Step 1: the replaced version's open requests become Superseded, with their Audit rows and the
 * "Version published" row, each written once: a run that stopped between the rows and their Audit
 * rows has those written now, and none twice.
 */
function supersede(config: Config, p: Publishing): number {
  const published = `${p.from} → ${p.version}; template ${p.templateDocId}`;
  return mutate(config, (snap, t) => {
    const now = new Date();
    const note = `Superseded by policy version ${p.version}.`;
    const changed = snap.requests
      .filter((s) => s.request.policyVersion === p.from && SUPERSEDED_FROM.includes(s.request.status))
      .map((s) => ({ row: s.row, request: { ...s.request, status: 'Superseded' as const, notes: note } }));
    const audited = t.auditedRequests('Superseded');
    const unaudited = snap.requests.filter(
      (s) =>
        s.request.policyVersion === p.from && s.request.notes === note && !audited.has(s.request.requestId),
    );
    const audit: AuditEntry[] = [...changed, ...unaudited].map((c) => ({
      at: now,
      actor: p.actor,
      action: 'Superseded',
      requestId: c.request.requestId,
      details: `By policy version ${p.version}`,
    }));
    const recorded = t.readAudit('').some((a) => a.action === 'Version published' && a.details === published);
    if (!recorded)
      audit.push({ at: now, actor: p.actor, action: 'Version published', requestId: '', details: published });
    return { changed, audit, result: changed.length };
  });
}

/**
 * Step 2: the old Form closed and its trigger removed (so triggers never pile up towards Apps
 * Script's 20 per user), then the version's own copy and Form, each recorded the moment it
 * exists, and the new Form's trigger.
 */
function versionAssets(config: Config, p: Publishing): Pick<Config, 'policyUrl' | 'policyShared' | 'form'> {
  closeForm(p.fromFormId);
  const record = (): void => {
    PropertiesService.getScriptProperties().setProperty(PUBLISH_KEY, JSON.stringify(p));
  };
  const assets = versionStores(
    { schoolName: config.schoolName, policyVersion: p.version, templateDocId: p.templateDocId },
    config.agreementText,
    config.folderId,
    p.made,
    record,
  );
  installFormTrigger(assets.form.id);
  return assets;
}

/**
 * Step 2 of an editorial publication: the version's own policy copy to read, shared, and the
 * current Form's description pointed at it; the Form itself stays (nobody signs anything new).
 */
function editionAssets(config: Config, p: Publishing): Pick<Config, 'policyUrl' | 'policyShared' | 'form'> {
  const record = (): void => {
    PropertiesService.getScriptProperties().setProperty(PUBLISH_KEY, JSON.stringify(p));
  };
  const assets = editionStores(
    { schoolName: config.schoolName, policyVersion: p.version, templateDocId: p.templateDocId },
    config.folderId,
    p.made,
    record,
  );
  relinkPolicyForm(
    config.form.id,
    assets.policyShared === 'anyone' ? assets.policyUrl : '',
    config.agreementText,
  );
  return { ...assets, form: config.form };
}

/** Stops a version's Form accepting responses and removes its form-submit trigger. */
export function closeForm(formId: string): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() === formId)
      ScriptApp.deleteTrigger(t);
  }
  const old = FormApp.openById(formId);
  if (old.isPublished() && old.isAcceptingResponses()) old.setAcceptingResponses(false);
}

/**
 * A version's own stores made at once, for a settings save that changes the version before any
 * invitation has gone (setup's path: nothing to supersede yet).
 */
export function newVersionAssets(
  previous: Config,
  next: Pick<Config, 'schoolName' | 'policyVersion' | 'templateDocId' | 'folderId'>,
  agreementText: string,
): Pick<Config, 'policyUrl' | 'policyShared' | 'form'> {
  closeForm(previous.form.id);
  const assets = versionStores(next, agreementText, next.folderId, {}, () => undefined);
  installFormTrigger(assets.form.id);
  return assets;
}
