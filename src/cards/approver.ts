import type { HomeState } from '../server/api';
import { actionButton, esc, labelled, linkButton, text } from './widgets';

/**
 * The approver's section: each request awaiting counter-signature (name, role, signed at,
 * document link) with the systems to grant (multi-select), additional permissions and Approve,
 * or a reason and Return.
 * Input names carry the request ID so each request's inputs stay apart on one card.
 */
export function approverSection(state: HomeState): GoogleAppsScript.Card_Service.CardSection {
  const s = CardService.newCardSection().setHeader(`Awaiting your approval (${state.pending.length})`);
  if (state.pendingAccounts) {
    s.addWidget(text(`${state.pendingAccounts} approved account(s) wait for a directory administrator.`));
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Enable accounts hourly (directory administrators)',
          CardService.newAction().setFunctionName('onInstallEnablement'),
        ),
      ),
    );
  }
  if (!state.pending.length) return s.addWidget(text('Nothing awaits your approval.'));
  for (const r of state.pending) {
    s.addWidget(
      labelled(`${esc(r.role)} · ${esc(r.staffType)}`, `<b>${esc(r.name)}</b> signed ${r.signedAt}`),
    );
    if (r.document)
      s.addWidget(CardService.newButtonSet().addButton(linkButton(`Read ${r.name}'s AUP`, r.document)));
    const systems = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.CHECK_BOX)
      .setFieldName(`systems_${r.requestId}`)
      .setTitle('Systems to grant');
    for (const sys of state.systems) systems.addItem(sys, sys, false);
    s.addWidget(systems);
    s.addWidget(
      CardService.newTextInput()
        .setFieldName(`permissions_${r.requestId}`)
        .setTitle('Additional permissions (e.g. admin)'),
    );
    s.addWidget(
      CardService.newTextInput()
        .setFieldName(`reason_${r.requestId}`)
        .setTitle('Reason, to return it instead'),
    );
    s.addWidget(
      CardService.newButtonSet()
        .addButton(
          actionButton(
            `Approve ${r.name}`,
            CardService.newAction().setFunctionName('onApprove').setParameters({ requestId: r.requestId }),
            true,
          ),
        )
        .addButton(
          actionButton(
            `Return ${r.name}`,
            CardService.newAction().setFunctionName('onReturn').setParameters({ requestId: r.requestId }),
          ),
        ),
    );
  }
  return s;
}
