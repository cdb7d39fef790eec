import type { HomeState } from '../server/api';
import { actionButton, labelled, linkButton, text } from './widgets';

/**
 * The business manager's section: the Dashboard figures, the roster's problems (the first few;
 * the rest are on the Staff sheet), Send invitations, Add a person, Check deployment, Publish new
 * version, and Verify or an Evidence pack for one request.
 */
export function managerSection(state: HomeState): GoogleAppsScript.Card_Service.CardSection {
  const s = CardService.newCardSection().setHeader('Business manager');
  const m = state.manager;
  if (!m) return s.addWidget(text('—'));
  const figures = m.dashboard.filter(([k]) => k !== 'Updated' && k !== 'Policy version');
  s.addWidget(
    labelled(`Policy version ${state.policyVersion}`, figures.map(([k, v]) => `${k}: ${v}`).join(' · ')),
  );
  for (const p of m.rosterProblems) s.addWidget(text(p));
  s.addWidget(
    CardService.newButtonSet()
      .addButton(
        actionButton('Send invitations', CardService.newAction().setFunctionName('onSendInvitations'), true),
      )
      .addButton(actionButton('Add a person', CardService.newAction().setFunctionName('onShowAddPerson')))
      .addButton(linkButton('Open tracking sheet', m.trackingUrl))
      .addButton(
        actionButton('Check deployment', CardService.newAction().setFunctionName('onCheckDeployment')),
      ),
  );
  s.addWidget(CardService.newTextInput().setFieldName('newVersion').setTitle('New policy version label'));
  s.addWidget(
    CardService.newTextInput()
      .setFieldName('newTemplate')
      .setTitle('New template (Doc link; empty keeps the current one)'),
  );
  s.addWidget(
    CardService.newButtonSet().addButton(
      actionButton('Publish new version', CardService.newAction().setFunctionName('onPublishVersion')),
    ),
  );
  s.addWidget(
    CardService.newTextInput().setFieldName('evidenceQuery').setTitle('Request ID or email, to verify'),
  );
  s.addWidget(
    CardService.newButtonSet()
      .addButton(actionButton('Verify', CardService.newAction().setFunctionName('onVerify')))
      .addButton(actionButton('Evidence pack', CardService.newAction().setFunctionName('onEvidencePack'))),
  );
  return s;
}
