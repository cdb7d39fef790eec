import type { HomeState } from '../server/api';
import { approverSection } from './approver';
import { managerSection } from './manager';
import { setupCard } from './setup';
import { openToSign, signerFooter, signerSection } from './signer';
import { text } from './widgets';

/**
 * The homepage for the caller's roles: the setup card for the owner before setup; otherwise their
 * own AUP first while it is open to sign (Sign in the fixed footer), then approvals for approvers
 * and the figures for business managers, and their own AUP last once signed.
 */
export function homeCard(state: HomeState): GoogleAppsScript.Card_Service.Card {
  if (!state.configured) {
    if (state.canSetUp) return setupCard(null, state.me);
    return CardService.newCardBuilder()
      .setName('home')
      .setHeader(CardService.newCardHeader().setTitle('AUP Signer'))
      .addSection(
        CardService.newCardSection().addWidget(
          text('AUP Signer is not set up yet: ask your business manager.'),
        ),
      )
      .build();
  }
  const card = CardService.newCardBuilder()
    .setName('home')
    .setHeader(
      CardService.newCardHeader()
        .setTitle(`${state.schoolName} AUP`)
        .setSubtitle(state.myName || state.me),
    );
  if (openToSign(state)) card.addSection(signerSection(state));
  if (state.isApprover) card.addSection(approverSection(state));
  if (state.isBusinessManager) card.addSection(managerSection(state));
  if (!openToSign(state)) card.addSection(signerSection(state));
  const footer = signerFooter(state);
  if (footer) card.setFixedFooter(footer);
  return card.build();
}
