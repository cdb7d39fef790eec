/**
 * A text paragraph widget showing `t` as plain text: escaped, since a TextParagraph renders
 * Google's card HTML (developers.google.com/apps-script/add-ons/concepts/widgets#text_formatting)
 * and `t` often carries what people typed (a return reason, a name).
 */
export function text(t: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(esc(t));
}

/** A label-and-value widget, both shown as plain text (escaped, as {@link text}). */
export function labelled(label: string, value: string): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText()
    .setTopLabel(esc(label))
    .setText(esc(value) || '—')
    .setWrapText(true);
}

/** A button opening a URL in a new tab. */
export function linkButton(label: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton().setText(label).setOpenLink(CardService.newOpenLink().setUrl(url));
}

/** A button running a card action (a top-level function of the bundle) with string parameters. */
export function actionButton(
  label: string,
  action: GoogleAppsScript.Card_Service.Action,
  filled = false,
): GoogleAppsScript.Card_Service.TextButton {
  const b = CardService.newTextButton().setText(label).setOnClickAction(action);
  return filled ? b.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : b;
}

/** Escapes text for a card's limited HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
