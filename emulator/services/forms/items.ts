import type { Execution } from '../../core/execution';
import { gasEnum, NO_SUCH_ITEM } from '../script';
import { formModel, type FormItemRecord, type FormItemType, type FormModel } from './model';

type F = typeof GoogleAppsScript.Forms;

/** FormApp.ItemType (developers.google.com/apps-script/reference/forms/item-type). */
export const ItemType = gasEnum<F['ItemType']>([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
]);

/** The live model of a form, or Apps Script's not-found error when it has gone. */
export function liveModel(exec: Execution, formId: string): FormModel {
  const model = formModel(exec.ws, formId);
  if (!model) throw exec.error(NO_SUCH_ITEM);
  return model;
}

/** Handle on one item of a form; each call reads the live model, so handles see later edits. */
abstract class ItemHandle<Self> {
  /** Apps Script class name used for call accounting (`TextItem`, `Item`...). */
  protected abstract readonly cls: string;

  constructor(
    protected readonly exec: Execution,
    /** The form's Drive ID. */
    readonly formId: string,
    /** The item's ID. */
    readonly itemId: number,
  ) {}

  /** The item's record; throws when the item was deleted. */
  protected record(): FormItemRecord {
    const item = liveModel(this.exec, this.formId).item(this.itemId);
    if (!item) throw this.exec.error('Item has been deleted.');
    return item;
  }

  protected run<T>(method: string, body: (item: FormItemRecord) => T): T {
    return this.exec.call(`${this.cls}.${method}`, () => body(this.record()));
  }

  protected change(method: string, body: (item: FormItemRecord) => void): Self {
    return this.run(method, (item) => {
      body(item);
      return this as unknown as Self;
    });
  }

  getId(): number {
    return this.run('getId', (i) => i.id);
  }

  getTitle(): string {
    return this.run('getTitle', (i) => i.title);
  }

  setTitle(title: string): Self {
    return this.change('setTitle', (i) => (i.title = String(title)));
  }

  getHelpText(): string {
    return this.run('getHelpText', (i) => i.helpText);
  }

  setHelpText(text: string): Self {
    return this.change('setHelpText', (i) => (i.helpText = String(text)));
  }

  /** 0-based position among the form's items. */
  getIndex(): number {
    return this.run('getIndex', (i) => liveModel(this.exec, this.formId).items.indexOf(i));
  }

  getType(): GoogleAppsScript.Forms.ItemType {
    return this.run('getType', (i) => ItemType[i.type]);
  }
}

/** The item ID behind an item handle of any type, or undefined for anything else. */
export function handleId(value: unknown): number | undefined {
  return value instanceof ItemHandle ? value.itemId : undefined;
}

/** An item that can be answered: required flag and `createResponse`. */
abstract class QuestionHandle<Self> extends ItemHandle<Self> {
  isRequired(): boolean {
    return this.run('isRequired', (i) => i.required);
  }

  setRequired(enabled: boolean): Self {
    return this.change('setRequired', (i) => (i.required = Boolean(enabled)));
  }

  protected respond(response: string | string[]): GoogleAppsScript.Forms.ItemResponse {
    return this.run(
      'createResponse',
      (i) =>
        new FakeItemResponse(
          this.exec,
          this.formId,
          i.id,
          response,
        ) as unknown as GoogleAppsScript.Forms.ItemResponse,
    );
  }
}

type Common = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getIndex' | 'getType';
type Question = Common | 'isRequired' | 'setRequired' | 'createResponse';

/** A short-answer question (developers.google.com/apps-script/reference/forms/text-item). */
export class FakeTextItem
  extends QuestionHandle<GoogleAppsScript.Forms.TextItem>
  implements Pick<GoogleAppsScript.Forms.TextItem, Question>
{
  protected readonly cls = 'TextItem';

  /** A response holding `response` as text. */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    return this.respond(String(response));
  }
}

/** A long-answer question (developers.google.com/apps-script/reference/forms/paragraph-text-item). */
export class FakeParagraphTextItem
  extends QuestionHandle<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, Question>
{
  protected readonly cls = 'ParagraphTextItem';

  /** A response holding `response` as text. */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    return this.respond(String(response));
  }
}

/** A choice of a checkbox item (developers.google.com/apps-script/reference/forms/choice). */
export class FakeChoice implements Pick<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(
    private readonly exec: Execution,
    /** The choice's text. */
    readonly value: string,
  ) {}

  getValue(): string {
    return this.exec.call('Choice.getValue', () => this.value);
  }
}

/**
 * A tick-boxes question (developers.google.com/apps-script/reference/forms/checkbox-item).
 * Responses are arrays of choice values.
 */
export class FakeCheckboxItem
  extends QuestionHandle<GoogleAppsScript.Forms.CheckboxItem>
  implements
    Pick<
      GoogleAppsScript.Forms.CheckboxItem,
      Question | 'setChoiceValues' | 'setChoices' | 'createChoice' | 'getChoices'
    >
{
  protected readonly cls = 'CheckboxItem';

  setChoiceValues(values: string[]): GoogleAppsScript.Forms.CheckboxItem {
    if (!Array.isArray(values)) throw this.exec.error('Invalid argument: values');
    return this.change('setChoiceValues', (i) => (i.choices = values.map(String)));
  }

  setChoices(choices: GoogleAppsScript.Forms.Choice[]): GoogleAppsScript.Forms.CheckboxItem {
    if (!Array.isArray(choices)) throw this.exec.error('Invalid argument: choices');
    return this.change(
      'setChoices',
      (i) => (i.choices = choices.map((c) => (c as unknown as FakeChoice).value)),
    );
  }

  createChoice(value: string): GoogleAppsScript.Forms.Choice {
    return this.run(
      'createChoice',
      () => new FakeChoice(this.exec, String(value)) as unknown as GoogleAppsScript.Forms.Choice,
    );
  }

  getChoices(): GoogleAppsScript.Forms.Choice[] {
    return this.run('getChoices', (i) =>
      i.choices.map((c) => new FakeChoice(this.exec, c) as unknown as GoogleAppsScript.Forms.Choice),
    );
  }

  /** A response ticking `responses` (choice values). */
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    if (!Array.isArray(responses)) throw this.exec.error('Invalid argument: responses');
    return this.respond(responses.map(String));
  }
}

/** A section title with help text (developers.google.com/apps-script/reference/forms/section-header-item). */
export class FakeSectionHeaderItem
  extends ItemHandle<GoogleAppsScript.Forms.SectionHeaderItem>
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, Common>
{
  protected readonly cls = 'SectionHeaderItem';
}

const AS: Record<string, FormItemType> = {
  asTextItem: 'TEXT',
  asParagraphTextItem: 'PARAGRAPH_TEXT',
  asCheckboxItem: 'CHECKBOX',
  asSectionHeaderItem: 'SECTION_HEADER',
};

/**
 * A generic form item (developers.google.com/apps-script/reference/forms/item), as `Form.getItems()`
 * returns. `asTextItem()` and the other casts throw when the item is of another type.
 */
export class FakeItem
  extends ItemHandle<GoogleAppsScript.Forms.Item>
  implements
    Pick<
      GoogleAppsScript.Forms.Item,
      Common | 'asTextItem' | 'asParagraphTextItem' | 'asCheckboxItem' | 'asSectionHeaderItem'
    >
{
  protected readonly cls = 'Item';

  private cast<T>(method: string, make: new (exec: Execution, formId: string, itemId: number) => unknown): T {
    return this.run(method, (i) => {
      if (i.type !== AS[method])
        throw this.exec.error(`Item of type ${i.type} cannot be cast to ${AS[method]}.`);
      return new make(this.exec, this.formId, i.id) as T;
    });
  }

  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.cast('asTextItem', FakeTextItem);
  }

  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.cast('asParagraphTextItem', FakeParagraphTextItem);
  }

  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.cast('asCheckboxItem', FakeCheckboxItem);
  }

  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.cast('asSectionHeaderItem', FakeSectionHeaderItem);
  }
}

/** A typed handle for a new item of `type` (what `Form.addTextItem()` and friends return). */
export function typedItem(exec: Execution, formId: string, item: FormItemRecord): unknown {
  const make = {
    TEXT: FakeTextItem,
    PARAGRAPH_TEXT: FakeParagraphTextItem,
    CHECKBOX: FakeCheckboxItem,
    SECTION_HEADER: FakeSectionHeaderItem,
  }[item.type];
  return new make(exec, formId, item.id);
}

/**
 * One answer (developers.google.com/apps-script/reference/forms/item-response): `getResponse()` is a
 * string for text items and a string array for checkbox items.
 */
export class FakeItemResponse implements Pick<
  GoogleAppsScript.Forms.ItemResponse,
  'getItem' | 'getResponse'
> {
  constructor(
    private readonly exec: Execution,
    /** The form's Drive ID. */
    readonly formId: string,
    /** The answered item's ID. */
    readonly itemId: number,
    /** The answer. */
    readonly value: string | string[],
  ) {}

  getItem(): GoogleAppsScript.Forms.Item {
    return this.exec.call(
      'ItemResponse.getItem',
      () => new FakeItem(this.exec, this.formId, this.itemId) as unknown as GoogleAppsScript.Forms.Item,
    );
  }

  getResponse(): string | string[] {
    return this.exec.call('ItemResponse.getResponse', () =>
      Array.isArray(this.value) ? [...this.value] : this.value,
    );
  }
}
