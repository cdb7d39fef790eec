import type { RequestView } from '../server/api';
import { actionButton, labelled, linkButton, text } from './widgets';

/**
 * One request for the approver to review, one task on the card: who signed and when, their copy
 * to read, the systems to grant (ticked as Settings say for their staff type), any further
 * permissions; Approve and Return in the fixed footer, Return asking its reason on its own card
 * ({@link returnCard}). `page` is the queue's page it was opened from, where both go back to.
 */
export function reviewCard(
  r: RequestView,
  systems: readonly string[],
  ticked: readonly string[],
  page: string,
): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection();
  s.addWidget(labelled('Signed', `${r.signedAt}, in ${r.signedVia}`));
  if (r.document)
    s.addWidget(CardService.newButtonSet().addButton(linkButton('Read their signed copy', r.document)));
  const grant = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName('systems')
    .setTitle('Systems to grant');
  for (const sys of systems) grant.addItem(sys, sys, ticked.includes(sys));
  s.addWidget(grant);
  s.addWidget(
    CardService.newTextInput()
      .setFieldName('permissions')
      .setTitle('Further permissions, if any')
      .setHint('For example: admin rights on the MIS'),
  );
  const id = { requestId: r.requestId, page, name: r.name };
  const footer = CardService.newFixedFooter()
    .setPrimaryButton(
      actionButton('Approve', CardService.newAction().setFunctionName('onApprove').setParameters(id), true),
    )
    .setSecondaryButton(
      actionButton('Return', CardService.newAction().setFunctionName('onShowReturn').setParameters(id)),
    );
  return CardService.newCardBuilder()
    .setName('review')
    .setHeader(CardService.newCardHeader().setTitle(r.name).setSubtitle(`${r.role} · ${r.staffType}`))
    .addSection(s)
    .setFixedFooter(footer)
    .build();
}

/** Returning a signed AUP, on its own card: the reason (sent to the person), and Return. */
export function returnCard(
  requestId: string,
  name: string,
  page: string,
): GoogleAppsScript.Card_Service.Card {
  const s = CardService.newCardSection()
    .addWidget(
      text(`${name} will be emailed your reason and asked to sign again; their signature no longer counts.`),
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName('reason')
        .setTitle('Why are you returning it?')
        .setMultiline(true),
    );
  return CardService.newCardBuilder()
    .setName('return')
    .setHeader(CardService.newCardHeader().setTitle(`Return ${name}'s AUP`))
    .addSection(s)
    .setFixedFooter(
      CardService.newFixedFooter().setPrimaryButton(
        actionButton(
          'Return',
          CardService.newAction().setFunctionName('onReturn').setParameters({ requestId, page }),
          true,
        ),
      ),
    )
    .build();
}
