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
  answers: FormAnswer[];
}

/**
 * A Google Form's model, stored as the Drive item's `content` (MIME `application/vnd.google-apps.form`).
 * Copying the file (`clone`) copies the questions and settings but not the responses, as Drive does.
 */
export class FormModel implements ItemContent {
  title: string;
  description = '';
  collectEmail = false;
  limitOneResponsePerUser = false;
  confirmationMessage = '';
  acceptingResponses = true;
  items: FormItemRecord[] = [];
  responses: FormResponseRecord[] = [];

  constructor(title: string) {
    this.title = title;
  }

  clone(): FormModel {
    const copy = new FormModel(this.title);
    copy.description = this.description;
    copy.collectEmail = this.collectEmail;
    copy.limitOneResponsePerUser = this.limitOneResponsePerUser;
    copy.confirmationMessage = this.confirmationMessage;
    copy.acceptingResponses = this.acceptingResponses;
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
 * Host side: a person fills in and submits the form in the browser. `answers` are keyed by item
 * title (strings for text items, arrays of choice values for checkboxes). Throws an Error naming the
 * first required item left empty, an unknown title, or a value that is not one of the choices.
 * The respondent's email is recorded only when the form collects emails. The host fires the
 * form-submit triggers afterwards (see `formSubmitTriggers` in script.ts).
 */
export function submitFormAs(
  ws: Workspace,
  formId: string,
  respondentEmail: string,
  answers: Record<string, string | string[]>,
): FormResponseRecord {
  const model = formModel(ws, formId);
  if (!model) throw new Error(`No form with ID ${formId}`);
  if (!model.acceptingResponses)
    throw new Error(`The form "${model.title}" is no longer accepting responses`);
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
  const record: FormResponseRecord = {
    id: ws.ids.next(),
    timestamp: ws.clock.now(),
    respondentEmail: model.collectEmail ? respondentEmail.toLowerCase() : '',
    answers: recorded,
  };
  model.responses.push(record);
  return record;
}
