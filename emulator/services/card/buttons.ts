import { FakeAction, FakeOpenLink } from './actions';
import { CardPart, MESSAGES, Widget } from './base';
import { TextButtonStyle } from './enums';
import type { ButtonJson, CardJson, OnClickJson, WidgetJson } from './json';

type TextButton = GoogleAppsScript.Card_Service.TextButton;
type ButtonSet = GoogleAppsScript.Card_Service.ButtonSet;
type FixedFooter = GoogleAppsScript.Card_Service.FixedFooter;
type CardAction = GoogleAppsScript.Card_Service.CardAction;

/**
 * What a click does. Apps Script keeps one: setting an action replaces a link and vice versa
 * ("A UI object can only have one of setOpenLink, setOnClickAction … set").
 */
/** What a click does: run an action or open a link (card-v2 `OnClick`). */
export class OnClick {
  private target?: FakeAction | FakeOpenLink;

  set(target: FakeAction | FakeOpenLink): void {
    this.target = target;
  }

  toJson(): OnClickJson | undefined {
    if (this.target instanceof FakeAction) return { action: this.target.toJson() };
    if (this.target instanceof FakeOpenLink) return { openLink: this.target.toJson() };
    return undefined;
  }
}

/**
 * CardService TextButton: a button with a text label.
 * Reference: https://developers.google.com/apps-script/reference/card-service/text-button
 * JSON: `{ text, onClick: { action } | { openLink }, type?, disabled? }` (`type` is the
 * TextButtonStyle; the deprecated `TEXT` style is written as `BORDERLESS`). A button without text,
 * or without an action or a link, is refused when the card is built.
 */
export class FakeTextButton
  extends CardPart
  implements
    Pick<TextButton, 'setText' | 'setOnClickAction' | 'setOpenLink' | 'setTextButtonStyle' | 'setDisabled'>
{
  readonly kind = 'TextButton';
  private text?: string;
  private style?: string;
  private disabled?: boolean;
  private readonly onClick = new OnClick();

  /** Sets the label. */
  setText(text: string): TextButton {
    return this.run('setText', () => {
      this.text = String(text);
      return this as unknown as TextButton;
    });
  }

  /** Makes the button run `action` (replacing a link). */
  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): TextButton {
    return this.run('setOnClickAction', () => {
      this.onClick.set(this.arg('setOnClickAction', action, FakeAction));
      return this as unknown as TextButton;
    });
  }

  /** Makes the button open `openLink` (replacing an action). */
  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): TextButton {
    return this.run('setOpenLink', () => {
      this.onClick.set(this.arg('setOpenLink', openLink, FakeOpenLink));
      return this as unknown as TextButton;
    });
  }

  /** Sets the style (OUTLINED by default). */
  setTextButtonStyle(textButtonStyle: GoogleAppsScript.Card_Service.TextButtonStyle): TextButton {
    return this.run('setTextButtonStyle', () => {
      const style = this.enumArg('setTextButtonStyle', textButtonStyle, TextButtonStyle);
      this.style = style === TextButtonStyle.TEXT ? TextButtonStyle.BORDERLESS : style;
      return this as unknown as TextButton;
    });
  }

  /** Shows the button inactive when `disabled` is true. */
  setDisabled(disabled: boolean): TextButton {
    return this.run('setDisabled', () => {
      this.disabled = Boolean(disabled);
      return this as unknown as TextButton;
    });
  }

  /** The button JSON; throws when it has no text or nothing to do on click. */
  toButtonJson(): ButtonJson {
    if (!this.text) throw this.fail(MESSAGES.buttonNeedsText);
    const onClick = this.onClick.toJson();
    if (!onClick) throw this.fail(MESSAGES.buttonNeedsClick);
    const json: ButtonJson = { text: this.text, onClick };
    if (this.style) json.type = this.style;
    if (this.disabled !== undefined) json.disabled = this.disabled;
    return json;
  }
}

/**
 * CardService ButtonSet: buttons in a row.
 * Reference: https://developers.google.com/apps-script/reference/card-service/button-set
 * JSON: `{ buttonList: { buttons: [...] } }`.
 */
export class FakeButtonSet extends Widget implements Pick<ButtonSet, 'addButton'> {
  readonly kind = 'ButtonSet';
  private readonly buttons: FakeTextButton[] = [];

  /** Appends a button. */
  addButton(button: GoogleAppsScript.Card_Service.Button): ButtonSet {
    return this.run('addButton', () => {
      this.buttons.push(this.arg('addButton', button, FakeTextButton));
      return this as unknown as ButtonSet;
    });
  }

  /** The widget JSON. */
  toWidgetJson(): WidgetJson {
    return { buttonList: { buttons: this.buttons.map((b) => b.toButtonJson()) } };
  }
}

/**
 * CardService FixedFooter: the buttons fixed at the bottom of a card.
 * Reference: https://developers.google.com/apps-script/reference/card-service/fixed-footer
 * JSON: `{ primaryButton, secondaryButton }`.
 */
export class FakeFixedFooter
  extends CardPart
  implements Pick<FixedFooter, 'setPrimaryButton' | 'setSecondaryButton'>
{
  readonly kind = 'FixedFooter';
  private primary?: FakeTextButton;
  private secondary?: FakeTextButton;

  /** Sets the primary (filled) button. */
  setPrimaryButton(button: TextButton): FixedFooter {
    return this.run('setPrimaryButton', () => {
      this.primary = this.arg('setPrimaryButton', button, FakeTextButton);
      return this as unknown as FixedFooter;
    });
  }

  /** Sets the secondary button. */
  setSecondaryButton(button: TextButton): FixedFooter {
    return this.run('setSecondaryButton', () => {
      this.secondary = this.arg('setSecondaryButton', button, FakeTextButton);
      return this as unknown as FixedFooter;
    });
  }

  /** The footer JSON. */
  toJson(): NonNullable<CardJson['fixedFooter']> {
    return {
      ...(this.primary && { primaryButton: this.primary.toButtonJson() }),
      ...(this.secondary && { secondaryButton: this.secondary.toButtonJson() }),
    };
  }
}

/**
 * CardService CardAction: an item of the card's menu.
 * Reference: https://developers.google.com/apps-script/reference/card-service/card-action
 * JSON: `{ actionLabel, onClick }`.
 */
export class FakeCardAction
  extends CardPart
  implements Pick<CardAction, 'setText' | 'setOnClickAction' | 'setOpenLink'>
{
  readonly kind = 'CardAction';
  private text?: string;
  private readonly onClick = new OnClick();

  /** Sets the menu item's label. */
  setText(text: string): CardAction {
    return this.run('setText', () => {
      this.text = String(text);
      return this as unknown as CardAction;
    });
  }

  /** Makes the item run `action`. */
  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): CardAction {
    return this.run('setOnClickAction', () => {
      this.onClick.set(this.arg('setOnClickAction', action, FakeAction));
      return this as unknown as CardAction;
    });
  }

  /** Makes the item open `openLink`. */
  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): CardAction {
    return this.run('setOpenLink', () => {
      this.onClick.set(this.arg('setOpenLink', openLink, FakeOpenLink));
      return this as unknown as CardAction;
    });
  }

  /** The card-action JSON; throws when nothing happens on click. */
  toJson(): NonNullable<CardJson['cardActions']>[number] {
    const onClick = this.onClick.toJson();
    if (!onClick) throw this.fail(MESSAGES.buttonNeedsClick);
    return { ...(this.text !== undefined && { actionLabel: this.text }), onClick };
  }
}
