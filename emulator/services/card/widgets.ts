import { MESSAGES, Widget } from './base';
import { FakeAction } from './actions';
import { FakeTextButton, OnClick } from './buttons';
import { SelectionInputType } from './enums';
import type { WidgetJson } from './json';

type TextParagraph = GoogleAppsScript.Card_Service.TextParagraph;
type DecoratedText = GoogleAppsScript.Card_Service.DecoratedText;
type TextInput = GoogleAppsScript.Card_Service.TextInput;
type SelectionInput = GoogleAppsScript.Card_Service.SelectionInput;

/**
 * CardService TextParagraph: a paragraph of (simple HTML) text.
 * Reference: https://developers.google.com/apps-script/reference/card-service/text-paragraph
 * JSON: `{ textParagraph: { text } }`.
 */
export class FakeTextParagraph extends Widget implements Pick<TextParagraph, 'setText'> {
  readonly kind = 'TextParagraph';
  private text?: string;

  /** Sets the text. */
  setText(text: string): TextParagraph {
    return this.run('setText', () => {
      this.text = String(text);
      return this as unknown as TextParagraph;
    });
  }

  /** The widget JSON. */
  toWidgetJson(): WidgetJson {
    return { textParagraph: { ...(this.text !== undefined && { text: this.text }) } };
  }
}

/**
 * CardService DecoratedText: text with labels above and below, an optional button, and an optional
 * action when the whole widget is clicked.
 * Reference: https://developers.google.com/apps-script/reference/card-service/decorated-text
 * JSON: `{ decoratedText: { topLabel, text, bottomLabel, wrapText, button, onClick } }`.
 */
export class FakeDecoratedText
  extends Widget
  implements
    Pick<
      DecoratedText,
      'setTopLabel' | 'setText' | 'setBottomLabel' | 'setWrapText' | 'setButton' | 'setOnClickAction'
    >
{
  readonly kind = 'DecoratedText';
  private readonly fields: { topLabel?: string; text?: string; bottomLabel?: string; wrapText?: boolean } =
    {};
  private button?: FakeTextButton;
  private readonly onClick = new OnClick();

  /** Sets the label above the text. */
  setTopLabel(text: string): DecoratedText {
    return this.run('setTopLabel', () => {
      this.fields.topLabel = String(text);
      return this as unknown as DecoratedText;
    });
  }

  /** Sets the text. */
  setText(text: string): DecoratedText {
    return this.run('setText', () => {
      this.fields.text = String(text);
      return this as unknown as DecoratedText;
    });
  }

  /** Sets the label below the text. */
  setBottomLabel(text: string): DecoratedText {
    return this.run('setBottomLabel', () => {
      this.fields.bottomLabel = String(text);
      return this as unknown as DecoratedText;
    });
  }

  /** Sets whether the text wraps (default: truncated to one line). */
  setWrapText(wrapText: boolean): DecoratedText {
    return this.run('setWrapText', () => {
      this.fields.wrapText = Boolean(wrapText);
      return this as unknown as DecoratedText;
    });
  }

  /** Sets the button shown to the right of the text. */
  setButton(button: GoogleAppsScript.Card_Service.Button): DecoratedText {
    return this.run('setButton', () => {
      this.button = this.arg('setButton', button, FakeTextButton);
      return this as unknown as DecoratedText;
    });
  }

  /** Sets the action run when the widget is clicked. */
  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): DecoratedText {
    return this.run('setOnClickAction', () => {
      this.onClick.set(this.arg('setOnClickAction', action, FakeAction));
      return this as unknown as DecoratedText;
    });
  }

  /** The widget JSON. */
  toWidgetJson(): WidgetJson {
    const onClick = this.onClick.toJson();
    return {
      decoratedText: {
        ...this.fields,
        ...(this.button && { button: this.button.toButtonJson() }),
        ...(onClick && { onClick }),
      },
    };
  }
}

/**
 * CardService TextInput: a text field whose value arrives in `e.commonEventObject.formInputs`.
 * Reference: https://developers.google.com/apps-script/reference/card-service/text-input
 * JSON: `{ textInput: { name, label, hintText, value, type: 'SINGLE_LINE' | 'MULTIPLE_LINE' } }`
 * (setTitle writes `label`, setHint writes `hintText`). A field name is required when the card is
 * built.
 */
export class FakeTextInput
  extends Widget
  implements Pick<TextInput, 'setFieldName' | 'setTitle' | 'setHint' | 'setValue' | 'setMultiline'>
{
  readonly kind = 'TextInput';
  private readonly fields: { name?: string; label?: string; hintText?: string; value?: string } = {};
  private multiline = false;

  /** Sets the key of the field in the event's form inputs. */
  setFieldName(fieldName: string): TextInput {
    return this.run('setFieldName', () => {
      this.fields.name = String(fieldName);
      return this as unknown as TextInput;
    });
  }

  /** Sets the label above the field. */
  setTitle(title: string): TextInput {
    return this.run('setTitle', () => {
      this.fields.label = String(title);
      return this as unknown as TextInput;
    });
  }

  /** Sets the hint shown below the field. */
  setHint(hint: string): TextInput {
    return this.run('setHint', () => {
      this.fields.hintText = String(hint);
      return this as unknown as TextInput;
    });
  }

  /** Sets the pre-filled value. */
  setValue(value: string): TextInput {
    return this.run('setValue', () => {
      this.fields.value = String(value);
      return this as unknown as TextInput;
    });
  }

  /** Sets whether the field takes several lines. */
  setMultiline(multiline: boolean): TextInput {
    return this.run('setMultiline', () => {
      this.multiline = Boolean(multiline);
      return this as unknown as TextInput;
    });
  }

  /** The widget JSON; throws when no field name was set. */
  toWidgetJson(): WidgetJson {
    if (!this.fields.name) throw this.fail(MESSAGES.fieldNameMissing);
    return { textInput: { ...this.fields, type: this.multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE' } };
  }
}

/**
 * CardService SelectionInput: check boxes, radio buttons, switches or a dropdown.
 * Reference: https://developers.google.com/apps-script/reference/card-service/selection-input
 * JSON: `{ selectionInput: { name, label, type, items: [{ text, value, selected }] } }`; the type is
 * CHECK_BOX unless set. `addItem` converts non-string text and value to strings, as documented. A
 * field name is required when the card is built.
 */
export class FakeSelectionInput
  extends Widget
  implements Pick<SelectionInput, 'setType' | 'setFieldName' | 'setTitle' | 'addItem'>
{
  readonly kind = 'SelectionInput';
  private type: string = SelectionInputType.CHECK_BOX;
  private name?: string;
  private label?: string;
  private readonly items: Array<{ text: string; value: string; selected: boolean }> = [];

  /** Sets how the choices are shown. */
  setType(type: GoogleAppsScript.Card_Service.SelectionInputType): SelectionInput {
    return this.run('setType', () => {
      this.type = this.enumArg('setType', type, SelectionInputType);
      return this as unknown as SelectionInput;
    });
  }

  /** Sets the key of the field in the event's form inputs. */
  setFieldName(fieldName: string): SelectionInput {
    return this.run('setFieldName', () => {
      this.name = String(fieldName);
      return this as unknown as SelectionInput;
    });
  }

  /** Sets the label above the choices. */
  setTitle(title: string): SelectionInput {
    return this.run('setTitle', () => {
      this.label = String(title);
      return this as unknown as SelectionInput;
    });
  }

  /** Appends a choice: shown `text`, submitted `value`, initially `selected`. */
  addItem(text: unknown, value: unknown, selected: boolean): SelectionInput {
    return this.run('addItem', () => {
      this.items.push({ text: String(text), value: String(value), selected: Boolean(selected) });
      return this as unknown as SelectionInput;
    });
  }

  /** The widget JSON; throws when no field name was set. */
  toWidgetJson(): WidgetJson {
    if (!this.name) throw this.fail(MESSAGES.fieldNameMissing);
    return {
      selectionInput: {
        name: this.name,
        ...(this.label !== undefined && { label: this.label }),
        type: this.type,
        items: this.items.map((item) => ({ ...item })),
      },
    };
  }
}

/**
 * CardService Divider: a horizontal line.
 * Reference: https://developers.google.com/apps-script/reference/card-service/divider
 * JSON: `{ divider: {} }`.
 */
export class FakeDivider extends Widget implements Pick<GoogleAppsScript.Card_Service.Divider, never> {
  readonly kind = 'Divider';

  /** The widget JSON. */
  toWidgetJson(): WidgetJson {
    return { divider: {} };
  }
}
