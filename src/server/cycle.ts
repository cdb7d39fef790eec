import { DEFAULT_AGREEMENT, type Config } from '../core/config';
import { OPEN_TO_SIGN } from '../core/request';
import { templateReport } from '../core/template-report';
import { loadConfig, saveConfig } from '../gas/config-store';
import { openDoc } from '../gas/documents';
import { createPolicyForm, installFormTrigger, openForNewStarters } from '../gas/forms';
import { withScriptLock } from '../gas/lock';
import { londonDay } from './context';
import { runInvitations, scheduleInvitationJob, type InvitationRun } from './invite';
import { makePolicyCopy, sharePolicy } from './personal-doc';
import { mutate } from './store';

/** States a new version supersedes: everything not yet Complete (Complete requests stay as history). */
const SUPERSEDED_FROM = [...OPEN_TO_SIGN, 'Signed', 'Approved'];

/**
 * Publishes a policy version (a new template and label, or the same template for the next annual
 * cycle): every open request of the old version becomes Superseded, Complete ones stay as history,
 * the version gets its own read-only copy and Form (the old form's trigger is removed), and
 * everyone on the Staff sheet is invited again within `budgetMs`, the rest on a trigger. Active
 * accounts stay active: the add-on never suspends anyone. Returns undefined when another run
 * published first (a double click, or the daily trigger at the same moment): nothing is done twice.
 */
export function publishVersion(
  config: Config,
  next: { version: string; templateDocId: string },
  actor: string,
  started: number,
  budgetMs: number,
): { config: Config; superseded: number; run: InvitationRun } | undefined {
  const report = templateReport(openDoc(next.templateDocId).lines, config.staffTypes);
  const superseded = mutate(config, (snap) => {
    if (loadConfig()?.policyVersion !== config.policyVersion) return { result: -1 };
    const now = new Date();
    const changed = snap.requests
      .filter(
        (s) => s.request.policyVersion === config.policyVersion && SUPERSEDED_FROM.includes(s.request.status),
      )
      .map((s) => ({
        row: s.row,
        request: {
          ...s.request,
          status: 'Superseded' as const,
          notes: `Superseded by policy version ${next.version}.`,
        },
      }));
    return {
      changed,
      audit: [
        ...changed.map((c) => ({
          at: now,
          actor,
          action: 'Superseded',
          requestId: c.request.requestId,
          details: `By policy version ${next.version}`,
        })),
        {
          at: now,
          actor,
          action: 'Version published',
          requestId: '',
          details: `${config.policyVersion} → ${next.version}; template ${next.templateDocId}`,
        },
      ],
      result: changed.length,
    };
  });
  if (superseded < 0) return undefined;
  const agreementText = report.agreement ?? DEFAULT_AGREEMENT;
  const settings = { ...config, policyVersion: next.version, templateDocId: next.templateDocId };
  const assets = versionAssets(config, settings, agreementText);
  const updated: Config = { ...settings, ...assets, agreementText, cycleOpenedOn: londonDay() };
  withScriptLock(() => saveConfig(updated));
  const run = runInvitations(updated, actor, started, budgetMs);
  if (run.remaining > 0 && !run.blockedByQuota) scheduleInvitationJob();
  return { config: updated, superseded, run };
}

/**
 * What each policy version has of its own: a read-only copy of the policy and a Form with its
 * form-submit trigger. The previous version's Form stops accepting responses and loses its
 * trigger (so triggers never pile up towards Apps Script's 20 per user).
 */
export function versionAssets(
  previous: Config,
  next: Pick<Config, 'schoolName' | 'policyVersion' | 'templateDocId' | 'folderId'>,
  agreementText: string,
): Pick<Config, 'policyUrl' | 'policyShared' | 'form'> {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() === previous.form.id)
      ScriptApp.deleteTrigger(t);
  }
  const old = FormApp.openById(previous.form.id);
  if (old.isPublished()) old.setAcceptingResponses(false);
  const copy = makePolicyCopy(next, next.folderId);
  const policyShared = sharePolicy(copy);
  const made = createPolicyForm(
    `${next.schoolName} Acceptable Use Policy ${next.policyVersion}`,
    agreementText,
    policyShared === 'anyone' ? copy.getUrl() : '',
    next.folderId,
  );
  const form = { ...made, url: openForNewStarters(FormApp.openById(made.id)).url };
  installFormTrigger(form.id);
  return { policyUrl: copy.getUrl(), policyShared, form };
}
