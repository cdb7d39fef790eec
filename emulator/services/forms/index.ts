import type { Execution } from '../../core/execution';
import { MIME } from '../../core/workspace';
import { AuthMode, gasEnum, NO_SUCH_ITEM } from '../script';
import { EmailCollectionType, FakeForm, FakeFormResponse } from './form';
import { ItemType } from './items';
import { FormModel, formModel } from './model';

export { parsePrefilledUrl, submitFormAs, type FormResponseRecord, type Respondent } from './model';
export { FakeForm, FakeFormResponse } from './form';

/** FormApp.DestinationType (developers.google.com/apps-script/reference/forms/destination-type). */
export const DestinationType = gasEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);

/** Opens form `id` for the effective user, who must be able to edit it. */
function open(exec: Execution, id: string): GoogleAppsScript.Forms.Form {
  const file = exec.ws.drive.get(id);
  if (!file || !formModel(exec.ws, id) || !exec.ws.canEdit(file, exec.effectiveUser))
    throw exec.error(NO_SUCH_ITEM);
  return new FakeForm(exec, id) as unknown as GoogleAppsScript.Forms.Form;
}

/**
 * The `FormApp` global (developers.google.com/apps-script/reference/forms/form-app). `create` makes a
 * form in the effective user's My Drive, unpublished once the tenant's `formsUnpublishedFrom` has
 * come ("forms created by the API after June 30, 2026 will be created in an unpublished state");
 * `create(title, isPublished)` says which. `openById`/`openByUrl` need edit access (respondents have
 * none) and otherwise throw "No item with the given ID could be found, or you do not have permission
 * to access it." `openByUrl` accepts the edit URL and the published `viewform` URL.
 */
export function createFormApp(
  exec: Execution,
): Pick<
  GoogleAppsScript.Forms.FormApp,
  'ItemType' | 'DestinationType' | 'EmailCollectionType' | 'create' | 'openById' | 'openByUrl'
> {
  return {
    ItemType,
    DestinationType,
    EmailCollectionType: EmailCollectionType as unknown as typeof GoogleAppsScript.Forms.EmailCollectionType,
    create: (title: string, isPublished?: boolean) =>
      exec.call('FormApp.create', () => {
        const name = String(title);
        const published =
          isPublished === undefined
            ? exec.ws.clock.now() < exec.ws.tenant.formsUnpublishedFrom
            : Boolean(isPublished);
        const file = exec.ws.createItem(exec.effectiveUser, name, MIME.form, {
          content: new FormModel(name, published),
        });
        return new FakeForm(exec, file.id) as unknown as GoogleAppsScript.Forms.Form;
      }),
    openById: (id: string) => exec.call('FormApp.openById', () => open(exec, String(id))),
    openByUrl: (url: string) =>
      exec.call('FormApp.openByUrl', () => {
        const id = /^https:\/\/docs\.google\.com\/forms\/d\/(?:e\/)?([A-Za-z0-9_-]+)/.exec(String(url))?.[1];
        if (!id) throw exec.error('Invalid argument: url');
        return open(exec, id);
      }),
  };
}

/**
 * Host side: the event object an installable form-submit trigger receives
 * (developers.google.com/apps-script/guides/triggers/events#form-submit_1): `{authMode, response,
 * source, triggerUid}`, with a `FormResponse` and `Form` usable inside `exec` (the trigger's run).
 */
export function formResponseEvent(
  exec: Execution,
  formId: string,
  responseId: string,
  triggerUid = '',
): GoogleAppsScript.Events.FormsOnFormSubmit {
  const record = formModel(exec.ws, formId)?.responses.find((r) => r.id === responseId);
  if (!record) throw new Error(`Form ${formId} has no response ${responseId}`);
  return {
    authMode: AuthMode.FULL,
    response: new FakeFormResponse(exec, formId, record) as unknown as GoogleAppsScript.Forms.FormResponse,
    source: new FakeForm(exec, formId) as unknown as GoogleAppsScript.Forms.Form,
    triggerUid,
  } as GoogleAppsScript.Events.FormsOnFormSubmit;
}
