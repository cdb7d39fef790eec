import type { Execution } from '../../core/execution';
import { FakeItem, FakeItemResponse, handleId, ItemType, liveModel, typedItem } from './items';
import {
  editUrl,
  type EmailCollection,
  newItemId,
  prefilledUrl,
  viewUrl,
  type FormAnswer,
  type FormItemType,
  type FormModel,
  type FormResponseRecord,
} from './model';

/**
 * A form response (developers.google.com/apps-script/reference/forms/form-response): a draft from
 * `Form.createResponse()` or a submitted one. `submit()` records it and does NOT fire the form's
 * submit triggers (developers.google.com/apps-script/guides/triggers/installable#restrictions).
 * A draft has no ID or timestamp (null); a script-submitted response has no respondent email.
 */
export class FakeFormResponse implements Pick<
  GoogleAppsScript.Forms.FormResponse,
  | 'withItemResponse'
  | 'submit'
  | 'getId'
  | 'getTimestamp'
  | 'getRespondentEmail'
  | 'getItemResponses'
  | 'getResponseForItem'
  | 'toPrefilledUrl'
> {
  private readonly answers: Map<number, string | string[]>;

  constructor(
    private readonly exec: Execution,
    private readonly formId: string,
    private record: FormResponseRecord | undefined,
  ) {
    this.answers = new Map(record?.answers.map((a) => [a.itemId, a.response]));
  }

  private ordered(model: FormModel): FormAnswer[] {
    return model.items.flatMap((i) => {
      const response = this.answers.get(i.id);
      return response === undefined ? [] : [{ itemId: i.id, response }];
    });
  }

  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse): GoogleAppsScript.Forms.FormResponse {
    return this.exec.call('FormResponse.withItemResponse', () => {
      if (!(response instanceof FakeItemResponse) || response.formId !== this.formId) {
        throw this.exec.error('Invalid argument: response');
      }
      this.answers.set(response.itemId, response.value);
      return this as unknown as GoogleAppsScript.Forms.FormResponse;
    });
  }

  submit(): GoogleAppsScript.Forms.FormResponse {
    return this.exec.call('FormResponse.submit', () => {
      const model = liveModel(this.exec, this.formId);
      if (model.limitOneResponsePerUser) throw this.exec.error(SCRIPT_SUBMIT_REFUSED);
      const answers = this.ordered(model);
      const now = this.exec.ws.clock.now();
      if (this.record) {
        this.record.answers = answers;
        this.record.timestamp = now;
      } else {
        this.record = {
          id: this.exec.ws.ids.next(),
          timestamp: now,
          respondentEmail: '',
          account: '',
          answers,
        };
        model.responses.push(this.record);
      }
      return new FakeFormResponse(
        this.exec,
        this.formId,
        this.record,
      ) as unknown as GoogleAppsScript.Forms.FormResponse;
    });
  }

  getId(): string {
    return this.exec.call('FormResponse.getId', () => (this.record?.id ?? null) as string);
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    return this.exec.call('FormResponse.getTimestamp', () =>
      this.record ? this.exec.ws.clock.date(this.record.timestamp) : (null as unknown as Date),
    );
  }

  getRespondentEmail(): string {
    return this.exec.call('FormResponse.getRespondentEmail', () => this.record?.respondentEmail ?? '');
  }

  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    return this.exec.call('FormResponse.getItemResponses', () =>
      this.ordered(liveModel(this.exec, this.formId)).map(
        (a) =>
          new FakeItemResponse(
            this.exec,
            this.formId,
            a.itemId,
            a.response,
          ) as unknown as GoogleAppsScript.Forms.ItemResponse,
      ),
    );
  }

  /** The answer to `item`, or null when it was left empty. */
  getResponseForItem(item: GoogleAppsScript.Forms.Item): GoogleAppsScript.Forms.ItemResponse {
    return this.exec.call('FormResponse.getResponseForItem', () => {
      const id = handleId(item);
      if (id === undefined) throw this.exec.error('Invalid argument: item');
      const response = this.answers.get(id);
      return (response === undefined
        ? null
        : new FakeItemResponse(
            this.exec,
            this.formId,
            id,
            response,
          )) as unknown as GoogleAppsScript.Forms.ItemResponse;
    });
  }

  toPrefilledUrl(): string {
    return this.exec.call('FormResponse.toPrefilledUrl', () =>
      prefilledUrl(this.formId, this.ordered(liveModel(this.exec, this.formId))),
    );
  }
}

type FormMethods =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'collectsEmail'
  | 'setCollectEmail'
  | 'hasLimitOneResponsePerUser'
  | 'setLimitOneResponsePerUser'
  | 'getConfirmationMessage'
  | 'setConfirmationMessage'
  | 'isAcceptingResponses'
  | 'setAcceptingResponses'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addCheckboxItem'
  | 'addSectionHeaderItem'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'createResponse'
  | 'getResponses'
  | 'getResponse'
  | 'addEditor'
  | 'requiresLogin'
  | 'setRequireLogin'
  | 'setPublished'
  | 'isPublished'
  | 'supportsAdvancedResponderPermissions'
  | 'setEmailCollectionType'
  | 'getEmailCollectionType';

/** Apps Script's message for a call a form refuses while unpublished (as reported). */
export const UNPUBLISHED = 'Operation not supported on unpublished form';

/** What a script submitting to a one-response-per-user form is told (the reference: "the script cannot submit form responses at all"). */
export const SCRIPT_SUBMIT_REFUSED =
  'The form allows one response per user, so a script cannot submit responses to it.';

/** FormApp.EmailCollectionType values (see {@link EmailCollection}). */
export const EmailCollectionType: Record<EmailCollection, EmailCollection> = {
  VERIFIED: 'VERIFIED',
  RESPONDER_INPUT: 'RESPONDER_INPUT',
  DO_NOT_COLLECT: 'DO_NOT_COLLECT',
};

/**
 * A Google Form (developers.google.com/apps-script/reference/forms/form), backed by the Drive item's
 * {@link FormModel}. Item indexes are 0-based as in Apps Script; `getItemById` returns null for an
 * unknown ID. Publishing (developers.google.com/workspace/forms/api/guides/publish-form):
 * `setPublished(true)` also opens the form to responses, `setPublished(false)` closes it;
 * `getPublishedUrl()` and `setAcceptingResponses()` throw "Operation not supported on unpublished
 * form" while it is unpublished (as reported). Email collection: `setEmailCollectionType` (VERIFIED
 * needs respondents signed in to Google), and the legacy `setCollectEmail(true)`, which gives
 * VERIFIED for a Workspace owner. `setLimitOneResponsePerUser(true)` needs respondents signed in
 * and stops scripts submitting.
 */
export class FakeForm implements Pick<GoogleAppsScript.Forms.Form, FormMethods> {
  constructor(
    private readonly exec: Execution,
    /** The form's Drive ID. */
    readonly formId: string,
  ) {}

  private run<T>(method: string, body: (model: FormModel) => T): T {
    return this.exec.call(`Form.${method}`, () => body(liveModel(this.exec, this.formId)));
  }

  private change(method: string, body: (model: FormModel) => void): GoogleAppsScript.Forms.Form {
    return this.run(method, (m) => {
      body(m);
      const file = this.exec.ws.drive.get(this.formId);
      if (file) file.updated = this.exec.ws.clock.now();
      return this as unknown as GoogleAppsScript.Forms.Form;
    });
  }

  getId(): string {
    return this.run('getId', () => this.formId);
  }

  getTitle(): string {
    return this.run('getTitle', (m) => m.title);
  }

  setTitle(title: string): GoogleAppsScript.Forms.Form {
    return this.change('setTitle', (m) => (m.title = String(title)));
  }

  getDescription(): string {
    return this.run('getDescription', (m) => m.description);
  }

  setDescription(description: string): GoogleAppsScript.Forms.Form {
    return this.change('setDescription', (m) => (m.description = String(description)));
  }

  collectsEmail(): boolean {
    return this.run('collectsEmail', (m) => m.emailCollection !== 'DO_NOT_COLLECT');
  }

  setCollectEmail(collect: boolean): GoogleAppsScript.Forms.Form {
    return this.change('setCollectEmail', (m) => {
      if (!collect) m.emailCollection = 'DO_NOT_COLLECT';
      else if (m.emailCollection === 'DO_NOT_COLLECT') m.emailCollection = 'VERIFIED';
    });
  }

  setEmailCollectionType(type: GoogleAppsScript.Forms.EmailCollectionType): GoogleAppsScript.Forms.Form {
    return this.change('setEmailCollectionType', (m) => {
      const value = String(type);
      if (!(value in EmailCollectionType)) throw this.exec.error('Invalid argument: emailCollectionType');
      m.emailCollection = value as EmailCollection;
    });
  }

  getEmailCollectionType(): GoogleAppsScript.Forms.EmailCollectionType {
    return this.run(
      'getEmailCollectionType',
      (m) => m.emailCollection as unknown as GoogleAppsScript.Forms.EmailCollectionType,
    );
  }

  requiresLogin(): boolean {
    return this.run('requiresLogin', (m) => m.requireLogin);
  }

  /** Respondents must be signed in to the domain (forms of Workspace users only). */
  setRequireLogin(requireLogin: boolean): GoogleAppsScript.Forms.Form {
    return this.change('setRequireLogin', (m) => (m.requireLogin = Boolean(requireLogin)));
  }

  isPublished(): boolean {
    return this.run('isPublished', (m) => m.published);
  }

  setPublished(enabled: boolean): GoogleAppsScript.Forms.Form {
    return this.change('setPublished', (m) => {
      m.published = Boolean(enabled);
      m.acceptingResponses = m.published;
    });
  }

  /** True: every form made here supports publishing (only legacy forms do not). */
  supportsAdvancedResponderPermissions(): boolean {
    return this.run('supportsAdvancedResponderPermissions', () => true);
  }

  hasLimitOneResponsePerUser(): boolean {
    return this.run('hasLimitOneResponsePerUser', (m) => m.limitOneResponsePerUser);
  }

  setLimitOneResponsePerUser(enabled: boolean): GoogleAppsScript.Forms.Form {
    return this.change('setLimitOneResponsePerUser', (m) => (m.limitOneResponsePerUser = Boolean(enabled)));
  }

  getConfirmationMessage(): string {
    return this.run('getConfirmationMessage', (m) => m.confirmationMessage);
  }

  setConfirmationMessage(message: string): GoogleAppsScript.Forms.Form {
    return this.change('setConfirmationMessage', (m) => (m.confirmationMessage = String(message)));
  }

  isAcceptingResponses(): boolean {
    return this.run('isAcceptingResponses', (m) => m.acceptingResponses);
  }

  setAcceptingResponses(enabled: boolean): GoogleAppsScript.Forms.Form {
    return this.change('setAcceptingResponses', (m) => {
      if (!m.published) throw this.exec.error(UNPUBLISHED);
      m.acceptingResponses = Boolean(enabled);
    });
  }

  /** `https://docs.google.com/forms/d/e/<id>/viewform`; throws while the form is unpublished. */
  getPublishedUrl(): string {
    return this.run('getPublishedUrl', (m) => {
      if (!m.published) throw this.exec.error(UNPUBLISHED);
      return viewUrl(this.formId);
    });
  }

  /** `https://docs.google.com/forms/d/<id>/edit`. */
  getEditUrl(): string {
    return this.run('getEditUrl', () => editUrl(this.formId));
  }

  private add<T>(method: string, type: FormItemType): T {
    return this.run(method, (m) => {
      const item = {
        id: newItemId(this.exec.ws, m),
        type,
        title: '',
        helpText: '',
        required: false,
        choices: [],
      };
      m.items.push(item);
      return typedItem(this.exec, this.formId, item) as T;
    });
  }

  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('addTextItem', 'TEXT');
  }

  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.add('addParagraphTextItem', 'PARAGRAPH_TEXT');
  }

  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('addCheckboxItem', 'CHECKBOX');
  }

  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('addSectionHeaderItem', 'SECTION_HEADER');
  }

  /** All items in order, or only those of `itemType`. */
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    return this.run('getItems', (m) =>
      m.items
        .filter((i) => itemType === undefined || ItemType[i.type] === itemType)
        .map((i) => new FakeItem(this.exec, this.formId, i.id) as unknown as GoogleAppsScript.Forms.Item),
    );
  }

  getItemById(id: number): GoogleAppsScript.Forms.Item {
    return this.run('getItemById', (m) => {
      const item = m.item(Number(id));
      return (item
        ? new FakeItem(this.exec, this.formId, item.id)
        : null) as unknown as GoogleAppsScript.Forms.Item;
    });
  }

  /** Deletes the item at 0-based `index`, or the given item. */
  deleteItem(target: number | GoogleAppsScript.Forms.Item): void {
    this.run('deleteItem', (m) => {
      const index = typeof target === 'number' ? target : m.items.findIndex((i) => i.id === handleId(target));
      if (!(Number.isInteger(index) && index >= 0 && index < m.items.length))
        throw this.exec.error('Invalid argument: index');
      m.items.splice(index, 1);
    });
  }

  createResponse(): GoogleAppsScript.Forms.FormResponse {
    return this.run(
      'createResponse',
      () =>
        new FakeFormResponse(
          this.exec,
          this.formId,
          undefined,
        ) as unknown as GoogleAppsScript.Forms.FormResponse,
    );
  }

  /** Submitted responses, oldest first; with `timestamp`, only those at or after it. */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    return this.run('getResponses', (m) => {
      const from = timestamp === undefined ? -Infinity : (timestamp as Date).getTime();
      return m.responses
        .filter((r) => r.timestamp >= from)
        .map(
          (r) =>
            new FakeFormResponse(this.exec, this.formId, r) as unknown as GoogleAppsScript.Forms.FormResponse,
        );
    });
  }

  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    return this.run('getResponse', (m) => {
      const record = m.responses.find((r) => r.id === responseId);
      if (!record) throw this.exec.error(`No response with ID ${responseId} exists for this form.`);
      return new FakeFormResponse(
        this.exec,
        this.formId,
        record,
      ) as unknown as GoogleAppsScript.Forms.FormResponse;
    });
  }

  /** Shares the form's file for editing with a user (email or `User`). */
  addEditor(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Forms.Form {
    return this.change('addEditor', () => {
      const email = (typeof user === 'string' ? user : user.getEmail()).trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw this.exec.error(`Invalid argument: ${email}`);
      this.exec.ws.drive.get(this.formId)?.editors.add(email);
    });
  }
}
