import {
  actionResponseJson,
  cardJson,
  isActionResponse,
  isCard,
  validateCardJson,
  type CardJson,
} from '../services/card';
import { canReadMail } from '../services/gmail';
import type { Host } from './host';
import { addOnEvent, type FormInputs, type HostApp } from './events';

/** What the person sees after an action: the top card and any notification or error. */
export interface Screen {
  card: CardJson | undefined;
  notification: string | undefined;
  /** The error Google shows when the add-on's function threw. */
  error: string | undefined;
}

type Button = {
  text?: string | null;
  onClick?: {
    action?: {
      function?: string | null;
      parameters?: { key?: string | null; value?: string | null }[] | null;
    } | null;
  } | null;
};

/**
 * One person using the add-on in Gmail or Drive, as the host app's UI would: open the homepage,
 * open a message, select Drive items, type into inputs and click buttons by their text, with the
 * card stack and notifications the add-on's responses ask for. Every card is checked against the
 * card-v2 schema.
 */
export class UserSession {
  private stack: CardJson[] = [];
  private hostApp: HostApp = 'GMAIL';
  private context: Parameters<typeof addOnEvent>[2] = {};
  notification: string | undefined;
  error: string | undefined;

  constructor(
    private readonly host: Host,
    readonly email: string,
  ) {}

  /** The card on top of the stack. */
  get card(): CardJson | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Opens the add-on's homepage in Gmail or Drive (homepage trigger). */
  openHomepage(hostApp: HostApp): Screen {
    this.hostApp = hostApp;
    this.context = {};
    return this.render('onHomepage', addOnEvent(this.host.ws, hostApp));
  }

  /** Opens a message in Gmail: the contextual trigger runs with its message ID and access token. */
  openMessage(messageId: string, fn = 'onGmailMessageOpen'): Screen {
    const mail = this.host.ws.sentMail.find((m) => m.id === messageId);
    if (!mail || !canReadMail(mail, this.email)) throw new Error(`${this.email} has no message ${messageId}`);
    this.hostApp = 'GMAIL';
    this.context = { gmail: { messageId, threadId: mail.threadId, accessToken: `msg-token-${messageId}` } };
    return this.render(fn, addOnEvent(this.host.ws, 'GMAIL', this.context));
  }

  /** Selects files in Drive: the onItemsSelectedTrigger runs with them. */
  selectDriveItems(fileIds: string[], fn = 'onDriveItemsSelected'): Screen {
    const items = fileIds.map((id) => {
      const item = this.host.ws.drive.get(id);
      if (!item || !this.host.ws.canView(item, this.email))
        throw new Error(`${this.email} cannot see Drive item ${id}`);
      return { id, title: item.name, mimeType: item.mimeType };
    });
    this.hostApp = 'DRIVE';
    this.context = { drive: { items } };
    return this.render(fn, addOnEvent(this.host.ws, 'DRIVE', this.context));
  }

  /** The messages in this person's mailbox, newest last. */
  inbox(): { id: string; subject: string; from: string }[] {
    return this.host.ws.sentMail
      .filter((m) => [...m.to, ...m.cc, ...m.bcc].includes(this.email))
      .map((m) => ({ id: m.id, subject: m.subject, from: m.sender }));
  }

  /**
   * Clicks the button whose text is `text` on the top card, having typed or chosen `inputs`.
   * Inputs must exist on the card (and choices be among an input's items), as in the real UI;
   * values preset on the card are sent unless overridden.
   */
  click(text: string, inputs: FormInputs = {}): Screen {
    const card = this.card;
    if (!card) throw new Error('No card is open');
    const buttons = findButtons(card).filter((b) => b.text === text);
    if (buttons.length !== 1) {
      const all = findButtons(card).map((b) => b.text);
      throw new Error(
        `${buttons.length ? 'Several buttons' : 'No button'} "${text}" on the card; buttons: ${all.join(', ')}`,
      );
    }
    const action = buttons[0]?.onClick?.action;
    if (!action?.function) throw new Error(`Button "${text}" opens a link, it runs no action`);
    const formInputs = { ...presetInputs(card), ...checkInputs(card, inputs) };
    const parameters = Object.fromEntries((action.parameters ?? []).map((p) => [p.key ?? '', p.value ?? '']));
    return this.apply(
      action.function,
      addOnEvent(this.host.ws, this.hostApp, { ...this.context, formInputs, parameters }),
    );
  }

  /** The action a button of the top card runs (function and parameters), or undefined when there is no such button. */
  actionOf(text: string): { function: string; parameters: Record<string, string> } | undefined {
    const action = findButtons(this.card ?? {}).find((b) => b.text === text)?.onClick?.action;
    if (!action?.function) return undefined;
    return {
      function: action.function,
      parameters: Object.fromEntries((action.parameters ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
    };
  }

  /** Chooses a universal action from the add-on's menu by its label. */
  universalAction(fn: string): Screen {
    return this.apply(fn, addOnEvent(this.host.ws, this.hostApp, this.context));
  }

  private render(fn: string, event: Record<string, unknown>): Screen {
    this.notification = undefined;
    this.error = this.host.hostAppRefusal(this.hostApp);
    if (this.error) return this.screen();
    try {
      const out = this.host.run(fn, [event], { user: this.email, kind: 'card' });
      const cards = (Array.isArray(out) ? out : [out]).map((c) => {
        if (!isCard(c)) throw new Error(`${fn} must return a Card or Card[]`);
        return checked(cardJson(c));
      });
      this.stack = cards;
    } catch (e) {
      this.error = String((e as { message?: unknown })?.message ?? e);
    }
    return this.screen();
  }

  private apply(fn: string, event: Record<string, unknown>): Screen {
    this.notification = undefined;
    this.error = this.host.hostAppRefusal(this.hostApp);
    if (this.error) return this.screen();
    try {
      const out = this.host.run(fn, [event], { user: this.email, kind: 'card' });
      if (!isActionResponse(out)) throw new Error(`${fn} must return an ActionResponse`);
      const res = actionResponseJson(out);
      for (const nav of res.navigations) {
        if ('pushCard' in nav) this.stack.push(checked(nav.pushCard));
        else if ('updateCard' in nav)
          this.stack[Math.max(0, this.stack.length - 1)] = checked(nav.updateCard);
        else if ('pop' in nav) this.stack.pop();
        else if ('popToRoot' in nav) this.stack = this.stack.slice(0, 1);
        else if ('popToCard' in nav) {
          const at = this.stack.findIndex((c) => c.name === nav.popToCard);
          if (at >= 0) this.stack = this.stack.slice(0, at + 1);
        }
      }
      this.notification = res.notification?.text;
    } catch (e) {
      this.error = String((e as { message?: unknown })?.message ?? e);
    }
    return this.screen();
  }

  private screen(): Screen {
    return { card: this.card, notification: this.notification, error: this.error };
  }
}

/** The card, once it validates against the card-v2 schema. @throws naming what is wrong. */
function checked(card: CardJson): CardJson {
  const errors = validateCardJson(card);
  if (errors.length) throw new Error(`Invalid card JSON: ${errors.join('; ')}`);
  return card;
}

/**
 * Every button of a card (button lists, decorated-text buttons, the fixed footer), and each
 * clickable decorated text as a button named by its text without markup.
 */
export function findButtons(card: CardJson): Button[] {
  const out: Button[] = [];
  for (const s of card.sections ?? []) {
    for (const w of s.widgets ?? []) {
      for (const b of w.buttonList?.buttons ?? []) out.push(b as Button);
      if (w.decoratedText?.button) out.push(w.decoratedText.button as Button);
      if (w.decoratedText?.onClick)
        out.push({
          text: (w.decoratedText.text ?? '').replace(/<[^>]*>/g, ''),
          onClick: w.decoratedText.onClick,
        });
    }
  }
  if (card.fixedFooter?.primaryButton) out.push(card.fixedFooter.primaryButton as Button);
  if (card.fixedFooter?.secondaryButton) out.push(card.fixedFooter.secondaryButton as Button);
  return out;
}

/** Every input of a card by field name. */
function inputsOf(card: CardJson): Map<string, { choices?: string[]; preset: string[] }> {
  const out = new Map<string, { choices?: string[]; preset: string[] }>();
  for (const s of card.sections ?? []) {
    for (const w of s.widgets ?? []) {
      if (w.textInput?.name)
        out.set(w.textInput.name, { preset: w.textInput.value ? [w.textInput.value] : [] });
      if (w.selectionInput?.name) {
        const items = w.selectionInput.items ?? [];
        out.set(w.selectionInput.name, {
          choices: items.map((i) => i.value ?? ''),
          preset: items.filter((i) => i.selected).map((i) => i.value ?? ''),
        });
      }
    }
  }
  return out;
}

function presetInputs(card: CardJson): FormInputs {
  const out: FormInputs = {};
  for (const [name, i] of inputsOf(card)) if (i.preset.length) out[name] = i.preset;
  return out;
}

function checkInputs(card: CardJson, inputs: FormInputs): FormInputs {
  const known = inputsOf(card);
  for (const [name, value] of Object.entries(inputs)) {
    const input = known.get(name);
    if (!input) throw new Error(`The card has no input "${name}"; inputs: ${[...known.keys()].join(', ')}`);
    const values = Array.isArray(value) ? value : [value];
    const bad = input.choices ? values.filter((v) => !input.choices?.includes(v)) : [];
    if (bad.length) throw new Error(`"${bad.join(', ')}" is not a choice of input "${name}"`);
  }
  return inputs;
}
