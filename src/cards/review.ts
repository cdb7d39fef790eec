import type { RequestView } from '../server/api';
import { actionButton, labelled, linkButton } from './widgets';

/**
 * One request for the approver to review: who signed and when, their AUP, the systems to grant,
 * additional permissions, and Approve; or a reason and Return. `page` is the queue's page it was
 * opened from, where Approve and Return go back to.
 */
export function reviewCard(
  r: RequestView,
  systems: readonly string[],
  page: string,
): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection();
  s.addWidget(labelled('Signed', `${r.signedAt} (${r.signedVia})`));
  if (r.document)
    s.addWidget(CardService.newButtonSet().addButton(linkButton(`Read ${r.name}'s AUP`, r.document)));
  const grant = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName('systems')
    .setTitle('Systems to grant');
  for (const sys of systems) grant.addItem(sys, sys, false);
  s.addWidget(grant);
  s.addWidget(
    CardService.newTextInput().setFieldName('permissions').setTitle('Additional permissions (e.g. admin)'),
  );
  s.addWidget(CardService.newTextInput().setFieldName('reason').setTitle('Reason, to return it instead'));
  const id = { requestId: r.requestId, page };
  s.addWidget(
    CardService.newButtonSet()
      .addButton(
        actionButton('Approve', CardService.newAction().setFunctionName('onApprove').setParameters(id), true),
      )
      .addButton(
        actionButton('Return', CardService.newAction().setFunctionName('onReturn').setParameters(id)),
      ),
  );
  return CardService.newCardBuilder()
    .setName('review')
    .setHeader(CardService.newCardHeader().setTitle(r.name).setSubtitle(`${r.role} · ${r.staffType}`))
    .addSection(s)
    .build();
}
