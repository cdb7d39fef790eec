import type { Execution } from '../core/execution';
import type { SentMail } from '../core/workspace';

/**
 * Apps Script's refusal when a Gmail add-on reads a message before calling
 * `setCurrentMessageAccessToken` (the add-on holds only per-message scopes).
 */
export const GMAIL_NO_TOKEN_MESSAGE =
  'Access denied: : Missing access token for per message scope authorization. Request: MailboxService.GetMessage.';

/** Apps Script's message for a message ID that is not in the user's mailbox. */
export const GMAIL_BAD_ID_MESSAGE = 'Invalid argument: id';

type MessageMethods =
  | 'getId'
  | 'getSubject'
  | 'getFrom'
  | 'getTo'
  | 'getCc'
  | 'getBcc'
  | 'getReplyTo'
  | 'getPlainBody'
  | 'getBody'
  | 'getDate';

/**
 * A message in the user's mailbox (developers.google.com/apps-script/reference/gmail/gmail-message),
 * read from a {@link SentMail}. Address lists are comma-separated; `getFrom` is `Name <address>`;
 * `getBcc` is empty unless the reader sent the message; `getDate` is a Date of the emulated clock.
 */
export class FakeGmailMessage implements Pick<GoogleAppsScript.Gmail.GmailMessage, MessageMethods> {
  constructor(
    private readonly exec: Execution,
    private readonly mail: SentMail,
    private readonly reader: string,
  ) {}

  getId(): string {
    return this.exec.call('GmailMessage.getId', () => this.mail.id);
  }

  getSubject(): string {
    return this.exec.call('GmailMessage.getSubject', () => this.mail.subject);
  }

  getFrom(): string {
    const { senderName, sender } = this.mail;
    return this.exec.call('GmailMessage.getFrom', () => (senderName ? `${senderName} <${sender}>` : sender));
  }

  getTo(): string {
    return this.exec.call('GmailMessage.getTo', () => this.mail.to.join(', '));
  }

  getCc(): string {
    return this.exec.call('GmailMessage.getCc', () => this.mail.cc.join(', '));
  }

  getBcc(): string {
    const own = this.mail.sender.toLowerCase() === this.reader;
    return this.exec.call('GmailMessage.getBcc', () => (own ? this.mail.bcc.join(', ') : ''));
  }

  getReplyTo(): string {
    return this.exec.call('GmailMessage.getReplyTo', () => this.mail.replyTo);
  }

  getPlainBody(): string {
    return this.exec.call('GmailMessage.getPlainBody', () => this.mail.body);
  }

  /** The HTML body, or the plain body for a message sent without one. */
  getBody(): string {
    return this.exec.call('GmailMessage.getBody', () => this.mail.htmlBody || this.mail.body);
  }

  getDate(): GoogleAppsScript.Base.Date {
    return this.exec.call('GmailMessage.getDate', () => this.exec.ws.clock.date(this.mail.sentAt));
  }
}

/** Whether `user` may open `mail`: they sent it or it was delivered to them (to, cc or bcc). */
export function canReadMail(mail: SentMail, user: string): boolean {
  const who = user.toLowerCase();
  return (
    mail.sender.toLowerCase() === who ||
    [...mail.to, ...mail.cc, ...mail.bcc].some((a) => a.toLowerCase() === who)
  );
}

type GmailAppMethods = 'setCurrentMessageAccessToken' | 'getMessageById';

/**
 * The part of GmailApp (developers.google.com/apps-script/reference/gmail/gmail-app) a Gmail
 * contextual trigger uses. `getMessageById` needs `setCurrentMessageAccessToken` first (any
 * non-empty token) or throws {@link GMAIL_NO_TOKEN_MESSAGE}; a message the user neither sent nor
 * received throws {@link GMAIL_BAD_ID_MESSAGE}.
 */
export class FakeGmailApp implements Pick<GoogleAppsScript.Gmail.GmailApp, GmailAppMethods> {
  private token = '';

  constructor(private readonly exec: Execution) {}

  setCurrentMessageAccessToken(accessToken: string): void {
    this.exec.call('GmailApp.setCurrentMessageAccessToken', () => {
      if (typeof accessToken === 'string' && accessToken) this.token = accessToken;
    });
  }

  getMessageById(id: string): GoogleAppsScript.Gmail.GmailMessage {
    const { exec } = this;
    return exec.call('GmailApp.getMessageById', () => {
      if (!this.token) throw exec.error(GMAIL_NO_TOKEN_MESSAGE);
      const reader = (exec.activeUser || exec.effectiveUser).toLowerCase();
      const mail = exec.ws.sentMail.find((m) => m.id === id);
      if (!mail || !canReadMail(mail, reader)) throw exec.error(GMAIL_BAD_ID_MESSAGE);
      return new FakeGmailMessage(exec, mail, reader) as unknown as GoogleAppsScript.Gmail.GmailMessage;
    });
  }
}

/** The `GmailApp` global for one execution (its access token lasts for that execution). */
export function createGmailApp(exec: Execution): Pick<GoogleAppsScript.Gmail.GmailApp, GmailAppMethods> {
  return new FakeGmailApp(exec);
}
