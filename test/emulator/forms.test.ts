import type { Execution } from '../../emulator/core/execution';
import { MIME } from '../../emulator/core/workspace';
import {
  createFormApp,
  formResponseEvent,
  parsePrefilledUrl,
  submitFormAs,
  type Respondent,
} from '../../emulator/services/forms';
import { createDriveApi } from '../../emulator/services/drive-api';
import { createScriptApp, formSubmitTriggers, NO_SUCH_ITEM } from '../../emulator/services/script';
import { DOMAIN, newExec, newWorkspace } from './support';

const TEACHER = `teacher@${DOMAIN}`;
const STARTER = 'new.starter@gmail.example';
/** A new starter at a browser signed in to no Google account, typing their personal address. */
const NO_ACCOUNT: Respondent = { signedInAs: '', typedEmail: STARTER };

/** Shares a form with anyone who has its link as a responder (Drive permission, view "published"). */
function openToAnyone(exec: Execution, formId: string): void {
  createDriveApi(exec).Permissions.create({ type: 'anyone', role: 'reader', view: 'published' }, formId);
}

/**
 * An AUP form: a section header, a required name, an optional note and a required checkbox;
 * published to anyone with the link, asking respondents to type their email (as the add-on's Form does).
 */
function aupForm(exec: Execution) {
  const form = createFormApp(exec)
    .create('Acceptable Use Policy')
    .setPublished(true)
    .setEmailCollectionType(createFormApp(exec).EmailCollectionType.RESPONDER_INPUT);
  openToAnyone(exec, form.getId());
  form.addSectionHeaderItem().setTitle('About you').setHelpText('Tell us who you are');
  const name = form.addTextItem().setTitle('Full name').setRequired(true);
  const note = form.addParagraphTextItem().setTitle('Anything to add?');
  const agree = form.addCheckboxItem().setTitle('I agree').setRequired(true);
  agree.setChoices([agree.createChoice('I have read the policy'), agree.createChoice('I will follow it')]);
  return { form, name, note, agree };
}

describe('FormApp', () => {
  it('create stores a form in Drive and items come back in order with their types and 0-based indexes', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form, name, agree } = aupForm(exec);
    const file = ws.drive.get(form.getId());
    expect(file).toMatchObject({ mimeType: MIME.form, name: 'Acceptable Use Policy', owner: `bm@${DOMAIN}` });
    const items = form.getItems();
    expect(items.map((i) => String(i.getType()))).toEqual([
      'SECTION_HEADER',
      'TEXT',
      'PARAGRAPH_TEXT',
      'CHECKBOX',
    ]);
    expect(items.map((i) => i.getIndex())).toEqual([0, 1, 2, 3]);
    expect(form.getItems(createFormApp(exec).ItemType.TEXT).map((i) => i.getTitle())).toEqual(['Full name']);
    expect(form.getItemById(name.getId())!.asTextItem().isRequired()).toBe(true);
    expect(form.getItemById(12345)).toBeNull();
    expect(agree.getChoices().map((c) => c.getValue())).toEqual([
      'I have read the policy',
      'I will follow it',
    ]);
    expect(file!.content!.toText()).toContain('Full name *');
  });

  it('a published and an edit URL have the documented shapes, and openByUrl accepts both', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const form = createFormApp(exec).create('F', true);
    const id = form.getId();
    expect(form.getPublishedUrl()).toBe(`https://docs.google.com/forms/d/e/${id}/viewform`);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${id}/edit`);
    expect(createFormApp(exec).openByUrl(form.getEditUrl()).getId()).toBe(id);
    expect(createFormApp(exec).openByUrl(form.getPublishedUrl()).getId()).toBe(id);
  });

  it('openById needs edit access and throws the not-found message otherwise', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    const teacherForms = createFormApp(newExec(ws, TEACHER));
    expect(() => teacherForms.openById(form.getId())).toThrow(NO_SUCH_ITEM);
    expect(() => teacherForms.openById('missing')).toThrow(NO_SUCH_ITEM);
    form.addEditor(TEACHER);
    expect(teacherForms.openById(form.getId()).getTitle()).toBe('Acceptable Use Policy');
  });

  it('casting an item to the wrong type throws, and deleteItem removes by index or item', () => {
    const ws = newWorkspace();
    const { form, note } = aupForm(newExec(ws));
    const [header] = form.getItems();
    expect(() => header!.asTextItem()).toThrow(/cannot be cast/);
    form.deleteItem(0);
    form.deleteItem(note as unknown as GoogleAppsScript.Forms.Item);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Full name', 'I agree']);
    expect(() => form.deleteItem(7)).toThrow('Invalid argument: index');
  });

  it('FormResponse.submit records the response but fires no form-submit trigger', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form, name, agree } = aupForm(exec);
    createScriptApp(exec).newTrigger('onAupSubmit').forForm(form).onFormSubmit().create();
    const triggersBefore = JSON.stringify(ws.triggers);
    const draft = form.createResponse().withItemResponse(name.createResponse('Ann Example'));
    expect(draft.getId()).toBeNull();
    const withAgree = draft.withItemResponse(agree.createResponse(['I will follow it']));
    const before = ws.clock.now();
    const submitted = withAgree.submit();
    const after = ws.clock.now();
    expect(submitted.getTimestamp().getTime()).toBeGreaterThan(before);
    expect(submitted.getTimestamp().getTime()).toBeLessThanOrEqual(after);
    expect(form.getResponses()).toHaveLength(1);
    expect(submitted.getId()).toBe(form.getResponses()[0]!.getId());
    expect(submitted.getRespondentEmail()).toBe('');
    expect(submitted.getItemResponses().map((r) => r.getResponse())).toEqual([
      'Ann Example',
      ['I will follow it'],
    ]);
    // Nothing ran: no trigger state moved and no log was written; firing is the host's job.
    expect(JSON.stringify(ws.triggers)).toBe(triggersBefore);
    expect(ws.logs).toEqual([]);
    expect(formSubmitTriggers(ws, form.getId())).toHaveLength(1);
  });

  it('submitFormAs refuses a response missing a required item, naming it', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, { 'Full name': 'Ann Example' })).toThrow(
      '"I agree" is a required question',
    );
    expect(() =>
      submitFormAs(ws, form.getId(), NO_ACCOUNT, { 'Full name': '  ', 'I agree': ['I will follow it'] }),
    ).toThrow('"Full name" is a required question');
    expect(() =>
      submitFormAs(ws, form.getId(), NO_ACCOUNT, { 'Full name': 'A', 'I agree': ['Maybe'] }),
    ).toThrow(/"Maybe" is not a choice/);
    expect(form.getResponses()).toHaveLength(0);
  });

  it('submitFormAs records the email the respondent typed, or none when the form does not collect emails', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form, agree } = aupForm(exec);
    const answers = { 'Full name': 'Ann Example', 'I agree': ['I have read the policy', 'I will follow it'] };
    form.setEmailCollectionType(createFormApp(exec).EmailCollectionType.DO_NOT_COLLECT);
    const anonymous = submitFormAs(ws, form.getId(), NO_ACCOUNT, answers);
    form.setEmailCollectionType(createFormApp(exec).EmailCollectionType.RESPONDER_INPUT);
    const named = submitFormAs(ws, form.getId(), NO_ACCOUNT, answers);
    expect([anonymous.respondentEmail, named.respondentEmail]).toEqual(['', STARTER]);
    const [, second] = form.getResponses();
    expect(second!.getRespondentEmail()).toBe(STARTER);
    expect(second!.getResponseForItem(agree as unknown as GoogleAppsScript.Forms.Item).getResponse()).toEqual(
      ['I have read the policy', 'I will follow it'],
    );
    expect(form.getResponse(named.id).getId()).toBe(named.id);
  });

  it('a form that is not accepting responses refuses submitFormAs', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    form.setLimitOneResponsePerUser(false).setAcceptingResponses(false);
    expect(form.hasLimitOneResponsePerUser()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(() =>
      submitFormAs(ws, form.getId(), NO_ACCOUNT, { 'Full name': 'A', 'I agree': ['I will follow it'] }),
    ).toThrow(/no longer accepting responses/);
  });

  it('toPrefilledUrl and parsePrefilledUrl round-trip text and multiple checkbox answers', () => {
    const ws = newWorkspace();
    const { form, name, agree, note } = aupForm(newExec(ws));
    const url = form
      .createResponse()
      .withItemResponse(name.createResponse('Zoë O’Neil & Co'))
      .withItemResponse(note.createResponse('line one\nline two'))
      .withItemResponse(agree.createResponse(['I have read the policy', 'I will follow it']))
      .toPrefilledUrl();
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&entry.${name.getId()}=`)).toBe(true);
    expect(parsePrefilledUrl(ws, url)).toEqual({
      formId: form.getId(),
      answers: {
        'Full name': 'Zoë O’Neil & Co',
        'Anything to add?': 'line one\nline two',
        'I agree': ['I have read the policy', 'I will follow it'],
      },
    });
    const parsed = parsePrefilledUrl(ws, url);
    expect(submitFormAs(ws, parsed.formId, NO_ACCOUNT, parsed.answers).answers).toHaveLength(3);
  });

  it('formResponseEvent builds the documented form-submit event with objects usable in the trigger run', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    const record = submitFormAs(ws, form.getId(), NO_ACCOUNT, {
      'Full name': 'Ann',
      'I agree': ['I will follow it'],
    });
    const run = newExec(ws, `bm@${DOMAIN}`, 'trigger');
    const e = formResponseEvent(run, form.getId(), record.id, '123');
    expect(String(e.authMode)).toBe('FULL');
    expect(e.triggerUid).toBe('123');
    expect(e.source.getId()).toBe(form.getId());
    expect(e.response.getId()).toBe(record.id);
    expect(e.response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['Full name', 'Ann'],
      ['I agree', ['I will follow it']],
    ]);
    expect(run.elapsedMs).toBeGreaterThan(0);
  });

  it('copying the form file copies its questions but not its responses', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    submitFormAs(ws, form.getId(), NO_ACCOUNT, { 'Full name': 'Ann', 'I agree': ['I will follow it'] });
    const model = ws.drive.get(form.getId())!.content!;
    const copy = model.clone() as typeof model & { items: unknown[]; responses: unknown[] };
    expect(copy.items).toHaveLength(4);
    expect(copy.responses).toHaveLength(0);
    expect(copy.toText()).toBe(model.toText());
  });
});

describe('FormApp publishing and who may respond', () => {
  const answers = { 'Full name': 'Ann Example', 'I agree': ['I will follow it'] };

  it('forms created after 30 June 2026 start unpublished: no published URL, no responses, until setPublished(true)', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const form = createFormApp(exec).create('New');
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([false, false]);
    expect(() => form.getPublishedUrl()).toThrow('Operation not supported on unpublished form');
    expect(() => form.setAcceptingResponses(true)).toThrow('Operation not supported on unpublished form');
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, {})).toThrow(/is not published/);
    form.setPublished(true);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
    form.setPublished(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(form.supportsAdvancedResponderPermissions()).toBe(true);
  });

  it('a form created before the cut-over date starts published', () => {
    const ws = newWorkspace();
    ws.tenant.formsUnpublishedFrom = ws.clock.now() + 60_000;
    expect(createFormApp(newExec(ws)).create('Old').isPublished()).toBe(true);
  });

  it('VERIFIED (the default for a Workspace owner) needs a Google sign-in and records that account, whatever is typed', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form } = aupForm(exec);
    form.setEmailCollectionType(createFormApp(exec).EmailCollectionType.VERIFIED);
    expect(String(createFormApp(exec).create('Fresh', true).getEmailCollectionType())).toBe('VERIFIED');
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, answers)).toThrow(/sign in to Google first/);
    const other = submitFormAs(
      ws,
      form.getId(),
      { signedInAs: 'someone.else@gmail.example', typedEmail: STARTER },
      answers,
    );
    expect(other.respondentEmail).toBe('someone.else@gmail.example');
  });

  it('legacy setCollectEmail(true) is VERIFIED for a Workspace owner; false collects nothing', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form } = aupForm(exec);
    form.setCollectEmail(false);
    expect([form.collectsEmail(), String(form.getEmailCollectionType())]).toEqual([false, 'DO_NOT_COLLECT']);
    form.setCollectEmail(true);
    expect(String(form.getEmailCollectionType())).toBe('VERIFIED');
  });

  it('RESPONDER_INPUT needs a typed address and records it unchecked', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    expect(() => submitFormAs(ws, form.getId(), { signedInAs: '', typedEmail: '' }, answers)).toThrow(
      /"Email" is a required question/,
    );
    expect(submitFormAs(ws, form.getId(), NO_ACCOUNT, answers).respondentEmail).toBe(STARTER);
  });

  it('requiring sign-in admits only active users of the domain', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    form.setRequireLogin(true);
    expect(form.requiresLogin()).toBe(true);
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, answers)).toThrow(/only accepts responses from/);
    expect(() =>
      submitFormAs(ws, form.getId(), { signedInAs: 'someone@gmail.example', typedEmail: STARTER }, answers),
    ).toThrow(/only accepts responses from/);
    const teacher = { signedInAs: TEACHER, typedEmail: TEACHER };
    expect(submitFormAs(ws, form.getId(), teacher, answers).respondentEmail).toBe(TEACHER);
  });

  it('one response per user needs a sign-in, refuses a second from the same account and stops scripts submitting', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const { form, name } = aupForm(exec);
    form.setLimitOneResponsePerUser(true);
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, answers)).toThrow(/sign in to Google first/);
    const signedIn = { signedInAs: 'ann@gmail.example', typedEmail: 'ann@gmail.example' };
    submitFormAs(ws, form.getId(), signedIn, answers);
    expect(() => submitFormAs(ws, form.getId(), signedIn, answers)).toThrow(/already responded/);
    expect(() => form.createResponse().withItemResponse(name.createResponse('x')).submit()).toThrow(
      /cannot submit responses/,
    );
  });

  it('publishing names no responders: a new form answers only those it is shared with as responders', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const form = createFormApp(exec).create('New').setPublished(true);
    form.setEmailCollectionType(createFormApp(exec).EmailCollectionType.RESPONDER_INPUT);
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, {})).toThrow(/not shared with you/);
    const teacher = { signedInAs: TEACHER, typedEmail: TEACHER };
    expect(() => submitFormAs(ws, form.getId(), teacher, {})).toThrow(/not shared with you/);
    const api = createDriveApi(exec);
    api.Permissions.create(
      { type: 'domain', domain: DOMAIN, role: 'reader', view: 'published' },
      form.getId(),
    );
    expect(submitFormAs(ws, form.getId(), teacher, {}).respondentEmail).toBe(TEACHER);
    expect(() => submitFormAs(ws, form.getId(), NO_ACCOUNT, {})).toThrow(/not shared with you/);
    api.Permissions.create({ type: 'anyone', role: 'reader', view: 'published' }, form.getId());
    expect(submitFormAs(ws, form.getId(), NO_ACCOUNT, {}).respondentEmail).toBe(STARTER);
    const listed =
      api.Permissions.list(form.getId(), { includePermissionsForView: 'published' }).permissions ?? [];
    expect(listed.filter((p) => p.view === 'published').map((p) => p.type)).toEqual(['anyone', 'domain']);
  });

  it('responders of the published view: only forms, only reader, and not to anyone where the admin keeps forms inside', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const api = createDriveApi(exec);
    const form = createFormApp(exec).create('New');
    expect(() =>
      api.Permissions.create({ type: 'anyone', role: 'writer', view: 'published' }, form.getId()),
    ).toThrow(/only supported for forms/);
    ws.tenant.formsOutsideResponses = false;
    expect(() =>
      api.Permissions.create({ type: 'anyone', role: 'reader', view: 'published' }, form.getId()),
    ).toThrow('API call to drive.permissions.create failed with error: Bad Request. User message: ""');
  });

  it('a copy of a form starts unpublished', () => {
    const ws = newWorkspace();
    const { form } = aupForm(newExec(ws));
    const copy = ws.drive.get(form.getId())!.content!.clone() as unknown as { published: boolean };
    expect(copy.published).toBe(false);
  });
});
