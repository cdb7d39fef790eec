import type { HomeState, RequestView } from '../server/api';
import { actionButton, labelled, linkButton, text } from './widgets';

type Section = GoogleAppsScript.Card_Service.CardSection;

/** Earlier versions shown on the card, the latest ones (the Signatures sheet keeps them all). */
const MAX_HISTORY = 10;

/**
 * The signer's section: their request (status, due date, document link) and, while it is open
 * to sign, the agreement wording with a consent checkbox, a typed-full-name input and Sign.
 * Someone with nothing to sign sees their history.
 */
export function signerSection(state: HomeState): Section {
  const s = CardService.newCardSection().setHeader('Your Acceptable Use Policy');
  const mine = state.mine;
  if (!mine) {
    s.addWidget(text(`You have nothing to sign for ${state.policyVersion}.`));
    for (const h of state.history.slice(-MAX_HISTORY))
      s.addWidget(labelled(`${h.policyVersion}`, historyLine(h)));
    return s;
  }
  s.addWidget(labelled('Status', statusLine(mine)));
  if (mine.dueBy) s.addWidget(labelled('Due by', mine.dueBy));
  if (mine.document)
    s.addWidget(CardService.newButtonSet().addButton(linkButton('Open my AUP', mine.document)));
  if (['Invited', 'Overdue', 'Returned'].includes(mine.status)) {
    if (mine.status === 'Returned' && mine.notes)
      s.addWidget(labelled('Returned by your approver', mine.notes));
    s.addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.CHECK_BOX)
        .setFieldName('consent')
        .setTitle('Agreement')
        .addItem(state.agreementText, 'agree', false),
    );
    s.addWidget(
      CardService.newTextInput()
        .setFieldName('typedName')
        .setTitle('Type your full name (your signature)')
        .setHint(`As the school has it: ${mine.name}`),
    );
    s.addWidget(
      CardService.newButtonSet().addButton(
        actionButton(
          'Sign',
          CardService.newAction().setFunctionName('onSign').setParameters({ requestId: mine.requestId }),
          true,
        ),
      ),
    );
  }
  for (const h of state.history.slice(-MAX_HISTORY))
    s.addWidget(labelled(`${h.policyVersion}`, historyLine(h)));
  return s;
}

function statusLine(r: RequestView): string {
  if (r.status === 'Signed') return `Signed ${r.signedAt}: waiting for your approver.`;
  if (r.status === 'Approved') return `Approved by ${r.approvedBy}. ${r.notes}`.trim();
  if (r.status === 'Complete') return `Complete: signed ${r.signedAt}, approved by ${r.approvedBy}.`;
  return r.status;
}

function historyLine(r: RequestView): string {
  return `${r.status}${r.signedAt ? `, signed ${r.signedAt}` : ''}`;
}
