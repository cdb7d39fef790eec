import type { ItemContent, Workspace } from '../../core/workspace';
import { MIME } from '../../core/workspace';

/** The item types modelled (FormApp.ItemType names). */
export type FormItemType = 'TEXT' | 'PARAGRAPH_TEXT' | 'CHECKBOX' | 'SECTION_HEADER';

/** One question or section header of a form. */
export interface FormItemRecord {
  /** Apps Script item IDs are integers. */
  id: number;
  type: FormItemType;
  title: string;
  helpText: string;
  required: boolean;
  /** CHECKBOX: the choice values in order. */
  choices: string[];
}

/** One answer inside a response: text items hold a string, checkbox items the ticked values. */
export interface FormAnswer {
  itemId: number;
  response: string | string[];
}

/** A submitted form response. */
export interface FormResponseRecord {
  id: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** '' unless the form collects email addresses. */
  respondentEmail: string;
  /** The Google account the respondent was signed in to ('' for none); never shown to the script. */
  account: string;
  answers: FormAnswer[];
}

/**
 * How a form collects respondents' emails (FormApp.EmailCollectionType; Forms API
 * FormSettings.emailCollectionType): VERIFIED takes the signed-in Google account's address (so it
 * needs a Google sign-in), RESPONDER_INPUT a field the respondent types, DO_NOT_COLLECT none.
 */
export type EmailCollection = 'VERIFIED' | 'RESPONDER_INPUT' | 'DO_NOT_COLLECT';

/**
 * Who may respond to a published form: Drive permissions with `view: "published"` and role
 * reader (developers.google.com/workspace/forms/api/guides/publish-form): anyone with the link,
 * everyone in the domain, or named users. Publishing alone names nobody.
 */
export interface Responders {
  anyone: boolean;
  domain: boolean;
  users: Set<string>;
}

/** Who is at the browser when a form is submitted. */
export interface Respondent {
  /** The Google account the browser is signed in to, or '' (no Google account, or signed out). */
  signedInAs: string;
  /** What they type into the form's email field, where it asks for one (RESPONDER_INPUT). */
  typedEmail: string;
}

/**
 * A Google Form's model, stored as the Drive item's `content` (MIME `application/vnd.google-apps.form`).
 * Copying the file (`clone`) copies the questions and settings but not the responses, as Drive does;
 * the copy starts unpublished (reported for forms copied with Drive).
 *
 * Defaults, modelled strictly: a form made by a Workspace user collects VERIFIED emails (the Forms
 * API's documented default for Workspace owners), does not require sign-in to the domain, and is
 * published only if created before the tenant's `formsUnpublishedFrom` (then, as forms were before
 * responder permissions, to anyone with the link); one made after has no responders until they
 * are shared with it. A copy has no responders.
 */
export class FormModel implements ItemContent {
  title: string;
  description = '';
  emailCollection: EmailCollection = 'VERIFIED';
  requireLogin = false;
  limitOneResponsePerUser = false;
  confirmationMessage = '';
  published: boolean;
  acceptingResponses: boolean;
  readonly responders: Responders;
  items: FormItemRecord[] = [];
  responses: FormResponseRecord[] = [];

  constructor(title: string, published = true) {
    this.title = title;
    this.published = published;
    this.acceptingResponses = published;
    this.responders = { anyone: published, domain: false, users: new Set() };
  }

  clone(): FormModel {
    const copy = new FormModel(this.title, false);
    copy.responders.anyone = false;
    copy.description = this.description;
    copy.emailCollection = this.emailCollection;
    copy.requireLogin = this.requireLogin;
    copy.limitOneResponsePerUser = this.limitOneResponsePerUser;
    copy.confirmationMessage = this.confirmationMessage;
    copy.items = this.items.map((i) => ({ ...i, choices: [...i.choices] }));
    return copy;
  }

  /** The form as text: title, description, then each item (`*` marks required ones). */
  toText(): string {
    const lines = [this.title];
    if (this.description) lines.push(this.description);
    for (const item of this.items) {
      lines.push('', `${item.title}${item.required ? ' *' : ''}`);
      if (item.helpText) lines.push(item.helpText);
      for (const c of item.choices) lines.push(`[ ] ${c}`);
    }
    return `${lines.join('\n')}\n`;
  }

  /** The item with `id`, if any. */
  item(id: number): FormItemRecord | undefined {
    return this.items.find((i) => i.id === id);
  }
}

/** The form model of Drive item `formId`, or undefined when it is not a live form. */
export function formModel(ws: Workspace, formId: string): FormModel | undefined {
  const file = ws.drive.get(formId);
  if (!file || file.trashed || file.mimeType !== MIME.form || !(file.content instanceof FormModel))
    return undefined;
  return file.content;
}

/** A fresh item ID: a positive integer not yet used in the form. */
export function newItemId(ws: Workspace, model: FormModel): number {
  for (;;) {
    let n = 0;
    for (const c of ws.ids.next(16)) n = (n * 64 + c.charCodeAt(0)) % 2_000_000_000;
    const id = n + 100_000_000;
    if (!model.item(id)) return id;
  }
}

/** The published (respondent) URL of a form. */
export function viewUrl(formId: string): string {
  return `https://docs.google.com/forms/d/e/${formId}/viewform`;
}

/** The editor URL of a form. */
export function editUrl(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/edit`;
}

/** A pre-filled respondent link: `viewform?usp=pp_url&entry.<itemId>=<value>` (repeated for checkboxes). */
export function prefilledUrl(formId: string, answers: FormAnswer[]): string {
  const query = new URLSearchParams({ usp: 'pp_url' });
  for (const a of answers) {
    for (const v of Array.isArray(a.response) ? a.response : [a.response])
      query.append(`entry.${a.itemId}`, v);
  }
  return `${viewUrl(formId)}?${query.toString()}`;
}

/**
 * Host side: reads a pre-filled link (as `FormResponse.toPrefilledUrl()` makes) back into the form ID
 * and its answers keyed by item title (checkbox items as arrays). Throws for a link that is not one
 * of this Workspace's forms.
 */
export function parsePrefilledUrl(
  ws: Workspace,
  url: string,
): { formId: string; answers: Record<string, string | string[]> } {
  const parsed = new URL(url);
  const match = /^\/forms\/d\/e\/([^/]+)\/viewform$/.exec(parsed.pathname);
  const formId = match?.[1];
  const model = formId ? formModel(ws, formId) : undefined;
  if (!formId || !model || parsed.hostname !== 'docs.google.com') throw new Error(`Not a form link: ${url}`);
  const answers: Record<string, string | string[]> = {};
  for (const [key, value] of parsed.searchParams) {
    const item = key.startsWith('entry.') ? model.item(Number(key.slice(6))) : undefined;
    if (!item) continue;
    if (item.type !== 'CHECKBOX') answers[item.title] = value;
    else answers[item.title] = [...((answers[item.title] as string[] | undefined) ?? []), value];
  }
  return { formId, answers };
}

/**
 * Host side: a person opens the form's link and submits it in the browser. `answers` are keyed by
 * item title (strings for text items, arrays of choice values for checkboxes). Refused, with an
 * Error saying what the person is shown, when:
 * - the form is unpublished, or not accepting responses;
 * - it is not shared with them as a responder (anyone with the link, the domain, or them by name;
 *   its editors may always respond);
 * - it only accepts the domain (it requires sign-in to the domain, or the tenant blocks outside
 *   sharing and has turned off outside responses to forms) and they are not signed in to it;
 * - it collects VERIFIED emails, or allows one response per user, and they are signed in to no
 *   Google account (a person without one cannot respond at all); one response per user refuses a
 *   second from the same account;
 * - it asks for their email (RESPONDER_INPUT) and they give none;
 * - an answer names an unknown question, misses a required one or is not one of the choices.
 * The respondent email recorded is the signed-in account (VERIFIED), what they typed
 * (RESPONDER_INPUT, unchecked) or '' (DO_NOT_COLLECT). The host fires the form-submit triggers
 * afterwards (see `formSubmitTriggers` in script.ts).
 */
export function submitFormAs(
  ws: Workspace,
  formId: string,
  respondent: Respondent,
  answers: Record<string, string | string[]>,
): FormResponseRecord {
  const model = formModel(ws, formId);
  if (!model) throw new Error(`No form with ID ${formId}`);
  if (!model.published) throw new Error(`The form "${model.title}" is not published: its link opens nothing`);
  if (!model.acceptingResponses)
    throw new Error(`The form "${model.title}" is no longer accepting responses`);
  const account = respondent.signedInAs.toLowerCase();
  const member = ws.users.get(account);
  const inDomain = Boolean(member && !member.suspended);
  const file = ws.drive.get(formId);
  const editor = Boolean(account && file && ws.canEdit(file, account));
  const r = model.responders;
  if (!(r.anyone || (r.domain && inDomain) || (account && r.users.has(account)) || editor)) {
    throw new Error(
      `The form "${model.title}" is not shared with you: its owner has not added you as a responder`,
    );
  }
  const domainOnly =
    model.requireLogin || (ws.tenant.outsideSharing === 'blocked' && !ws.tenant.formsOutsideResponses);
  if (domainOnly && !inDomain) {
    throw new Error(
      `The form "${model.title}" only accepts responses from ${ws.domain}: sign in with an account of ${ws.domain}`,
    );
  }
  const needsAccount = model.emailCollection === 'VERIFIED' || model.limitOneResponsePerUser;
  if (needsAccount && !account) {
    throw new Error(
      `The form "${model.title}" asks you to sign in to Google first, and you have no Google account`,
    );
  }
  if (model.limitOneResponsePerUser && model.responses.some((r) => r.account === account)) {
    throw new Error(`You've already responded to "${model.title}"`);
  }
  const typed = respondent.typedEmail.trim().toLowerCase();
  if (model.emailCollection === 'RESPONDER_INPUT' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed)) {
    throw new Error(`"Email" is a required question of "${model.title}": give a valid address`);
  }
  const recorded = answersOf(model, answers);
  const record: FormResponseRecord = {
    id: ws.ids.next(),
    timestamp: ws.clock.now(),
    respondentEmail:
      model.emailCollection === 'VERIFIED'
        ? account
        : model.emailCollection === 'RESPONDER_INPUT'
          ? typed
          : '',
    account,
    answers: recorded,
  };
  model.responses.push(record);
  return record;
}

/** The answers as the form records them, checked against its questions. */
function answersOf(model: FormModel, answers: Record<string, string | string[]>): FormAnswer[] {
  const byTitle = new Map(model.items.map((i) => [i.title, i]));
  for (const title of Object.keys(answers)) {
    const item = byTitle.get(title);
    if (!item || item.type === 'SECTION_HEADER')
      throw new Error(`The form "${model.title}" has no question "${title}"`);
  }
  const recorded: FormAnswer[] = [];
  for (const item of model.items) {
    if (item.type === 'SECTION_HEADER') continue;
    const given = answers[item.title];
    if (Array.isArray(given) && item.type !== 'CHECKBOX')
      throw new Error(`"${item.title}" takes one text answer`);
    const values =
      given === undefined ? [] : (Array.isArray(given) ? given : [given]).filter((v) => v.trim() !== '');
    if (values.length === 0) {
      if (item.required) throw new Error(`"${item.title}" is a required question`);
      continue;
    }
    if (item.type === 'CHECKBOX') {
      const bad = values.find((v) => !item.choices.includes(v));
      if (bad !== undefined) throw new Error(`"${bad}" is not a choice of "${item.title}"`);
      recorded.push({ itemId: item.id, response: values });
    } else {
      recorded.push({ itemId: item.id, response: values[0] ?? '' });
    }
  }
  return recorded;
}
