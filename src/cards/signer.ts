import { OPEN_TO_SIGN } from '../core/request';
import { listOf } from '../core/words';
import type { HomeState, RequestView } from '../server/api';
import { actionButton, esc, labelled, linkButton, text } from './widgets';

type Section = GoogleAppsScript.Card_Service.CardSection;

/** Earlier versions shown on the card, the latest ones (the Signatures sheet keeps them all). */
const MAX_HISTORY = 10;

/** Whether the caller has an AUP open to sign now. */
export function openToSign(state: HomeState): boolean {
  return Boolean(state.mine && OPEN_TO_SIGN.includes(state.mine.status));
}

/**
 * The signer's section, in the order a person works through it: one line saying what to do and
 * by when (or, once returned, who returned it and why), their copy to read first, the agreement,
 * the name box and a sentence saying that typing one's name is the signature; Sign itself is in
 * the card's fixed footer ({@link signerFooter}). Once signed, what happens next; once complete,
 * that nothing more is needed. Earlier versions follow.
 */
export function signerSection(state: HomeState): Section {
  const s = CardService.newCardSection().setHeader('Your Acceptable Use Policy');
  const mine = state.mine;
  if (!mine) {
    s.addWidget(text(`You have nothing to sign for ${state.policyVersion}.`));
  } else if (openToSign(state)) {
    openWidgets(s, state, mine);
  } else {
    doneWidgets(s, state, mine);
  }
  for (const h of state.history.slice(-MAX_HISTORY))
    s.addWidget(labelled(`${h.policyVersion}`, historyLine(h)));
  return s;
}

function openWidgets(s: Section, state: HomeState, mine: RequestView): void {
  if (mine.status === 'Returned') {
    s.addWidget(bold('Returned — please sign again'));
    if (mine.returned) s.addWidget(labelled(`${mine.returned.by} returned it, saying`, mine.returned.reason));
    s.addWidget(text('Your earlier signature no longer counts; the school’s records keep it.'));
  } else if (mine.status === 'Overdue') {
    s.addWidget(bold(`Your signature was due on ${mine.dueBy}: please read and sign your AUP now.`));
  } else {
    s.addWidget(bold(`Please read and sign your AUP by ${mine.dueBy}.`));
  }
  if (mine.document)
    s.addWidget(CardService.newButtonSet().addButton(linkButton('Read your AUP', mine.document)));
  if (state.changes) changedWidgets(s, state.changes);
  s.addWidget(
    CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.CHECK_BOX)
      .setFieldName('consent')
      .setTitle('Your agreement')
      .addItem(state.agreementText, 'agree', false),
  );
  s.addWidget(
    CardService.newTextInput()
      .setFieldName('typedName')
      .setTitle('Type your full name')
      .setHint(`As the school has it: ${mine.name}`),
  );
  s.addWidget(text('Typing your full name and pressing Sign is your electronic signature.'));
}

/** What changed since the version the signer last signed: the counts, each change, the rest by link. */
function changedWidgets(s: Section, c: NonNullable<HomeState['changes']>): void {
  s.addWidget(labelled(`What changed since you signed ${c.since}`, `${c.counts}:`));
  for (const item of c.items) s.addWidget(text(item));
  if (c.more) s.addWidget(text(`…and ${c.more} more in the changes document.`));
  if (c.link) s.addWidget(CardService.newButtonSet().addButton(linkButton('All the changes', c.link)));
}

function doneWidgets(s: Section, state: HomeState, mine: RequestView): void {
  const approvers = listOf(state.approverNames, 'or') || 'an approver';
  if (mine.status === 'Signed') {
    s.addWidget(bold(`Signed on ${mine.signedAt}. Thank you.`));
    s.addWidget(
      text(
        `What happens next: ${approvers} will counter-sign it. A copy of what you signed is on its way to you by email, and you will hear from us when it is complete.`,
      ),
    );
  } else if (mine.status === 'Approved') {
    s.addWidget(bold(`Counter-signed by ${mine.approvedByName || 'your approver'}.`));
    s.addWidget(text('Your records are being completed; you will hear from us by email when it is done.'));
  } else if (mine.status === 'Complete') {
    s.addWidget(bold('Complete. There is nothing more for you to do.'));
    s.addWidget(text(`Signed on ${mine.signedAt}, counter-signed by ${mine.approvedByName}.`));
  } else {
    s.addWidget(text(`Your AUP for ${mine.policyVersion} is ${mine.status.toLowerCase()}.`));
  }
  if (mine.document)
    s.addWidget(CardService.newButtonSet().addButton(linkButton('Open your copy', mine.document)));
}

/**
 * The fixed footer while the caller's AUP is open to sign: Sign, and "Ask a question", which
 * opens a Gmail message to the business manager.
 */
export function signerFooter(state: HomeState): GoogleAppsScript.Card_Service.FixedFooter | undefined {
  const mine = state.mine;
  if (!mine || !openToSign(state)) return undefined;
  const footer = CardService.newFixedFooter().setPrimaryButton(
    actionButton(
      'Sign',
      CardService.newAction().setFunctionName('onSign').setParameters({ requestId: mine.requestId }),
      true,
    ),
  );
  if (state.contact.email) footer.setSecondaryButton(linkButton('Ask a question', askUrl(state)));
  return footer;
}

/** A Gmail compose window to the business manager, the subject filled in. */
function askUrl(state: HomeState): string {
  const subject = `A question about my AUP (${state.policyVersion})`;
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(state.contact.email)}&su=${encodeURIComponent(subject)}`;
}

function bold(t: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(`<b>${esc(t)}</b>`);
}

function historyLine(r: RequestView): string {
  if (r.status === 'Complete') return `Complete: signed ${r.signedAt}, counter-signed by ${r.approvedByName}`;
  return `${r.status}${r.signedAt ? `, signed ${r.signedAt}` : ''}`;
}
