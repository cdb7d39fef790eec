import { DateTime } from 'luxon';
import type { Execution } from '../core/execution';
import type { MailAttachment, SentMail, Workspace } from '../core/workspace';
import { FakeBlob } from './blob';

/**
 * Email recipients per day (developers.google.com/apps-script/guides/services/quotas, "Email
 * recipients per day"): 1,500 for a Google Workspace account, 100 for a consumer account.
 */
export const MAIL_QUOTA = { workspace: 1500, consumer: 100 } as const;

/** Apps Script's message once the daily email quota is spent. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

/** Google's quota day runs midnight to midnight Pacific time. */
const QUOTA_ZONE = 'America/Los_Angeles';

/** Longest subject MailApp accepts, in characters. */
const MAX_SUBJECT = 250;

/** Largest body (and HTML body) MailApp sends: the quotas page's "Email body size 200 KB / msg". */
const MAX_BODY_BYTES = 200 * 1024;

/** The quota day (`yyyy-mm-dd` in America/Los_Angeles) an instant falls in. */
export function mailQuotaDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: QUOTA_ZONE }).toISODate() ?? '';
}

/** The daily recipient quota of `email`: Workspace users (in `ws.users`) get 1,500, others 100. */
export function mailQuotaLimit(ws: Workspace, email: string): number {
  return ws.users.has(email.toLowerCase()) ? MAIL_QUOTA.workspace : MAIL_QUOTA.consumer;
}

function quotaKey(ws: Workspace, email: string): string {
  return `${email.toLowerCase()}|${mailQuotaDay(ws.clock.now())}`;
}

/**
 * Recipients `email` may still send to today (`MailApp.getRemainingDailyQuota` for that user),
 * for tests and benchmarks. Usage lives in `ws.mailQuotaUsed` under `email|yyyy-mm-dd`.
 */
export function remainingMailQuota(ws: Workspace, email: string): number {
  return Math.max(0, mailQuotaLimit(ws, email) - (ws.mailQuotaUsed.get(quotaKey(ws, email)) ?? 0));
}

/** Spends the rest of `email`'s recipient quota for today (the fault API's `quota`). */
export function spendMailQuota(ws: Workspace, email: string): void {
  ws.mailQuotaUsed.set(quotaKey(ws, email), mailQuotaLimit(ws, email));
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(\.[^\s@<>(),;:".]+)+$/;

/**
 * The addresses of a comma-separated list (`a@x.org, Name <b@y.org>`).
 * Throws Apps Script's "Invalid email: X" for an entry that is not an address.
 */
export function parseAddressList(exec: Execution, list: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of String(list ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const bracketed = /<([^<>]*)>\s*$/.exec(entry);
    const address = (bracketed ? bracketed[1]! : entry).trim();
    if (!ADDRESS.test(address)) throw exec.error(`Invalid email: ${entry}`);
    out.push(address);
  }
  return out;
}

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

/** The arguments of any `sendEmail` overload as one message object. */
function normalise(
  first: Options | string,
  second?: string,
  third?: string,
  fourth?: string | Options,
): Options & { to: string } {
  if (typeof first === 'object' && first !== null) return { ...first, to: String(first.to ?? '') };
  if (typeof fourth === 'string') return { to: first, replyTo: second, subject: third, body: fourth };
  return { ...(fourth ?? {}), to: first, subject: second, body: third };
}

/**
 * MailApp (developers.google.com/apps-script/reference/mail/mail-app): sends as the effective user
 * and records each message in `ws.sentMail`. Recipients (to + cc + bcc) count against the daily
 * quota per effective user ({@link MAIL_QUOTA}, reset at midnight Pacific); past it `sendEmail`
 * throws "Service invoked too many times for one day: email." and sends nothing. No recipient
 * throws "Failed to send email: no recipient"; a bad address "Invalid email: X"; a subject over
 * 250 characters "Argument too large: subject". Attachments are accepted but not recorded.
 */
export class FakeMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(private readonly exec: Execution) {}

  sendEmail(first: Options | string, second?: string, third?: string, fourth?: string | Options): void {
    this.exec.call('MailApp.sendEmail', () => {
      if (this.exec.takeFault('quota')) spendMailQuota(this.exec.ws, this.exec.effectiveUser);
      this.send(normalise(first, second, third, fourth));
    });
  }

  getRemainingDailyQuota(): GoogleAppsScript.Integer {
    return this.exec.call('MailApp.getRemainingDailyQuota', () =>
      remainingMailQuota(this.exec.ws, this.exec.effectiveUser),
    );
  }

  private send(message: Options & { to: string }): void {
    const { exec } = this;
    const ws = exec.ws;
    const to = parseAddressList(exec, message.to);
    const cc = parseAddressList(exec, message.cc);
    const bcc = parseAddressList(exec, message.bcc);
    const replyTo = parseAddressList(exec, message.replyTo).join(', ');
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw exec.error('Failed to send email: no recipient');
    const subject = String(message.subject ?? '');
    if (subject.length > MAX_SUBJECT) throw exec.error('Argument too large: subject');
    for (const part of ['body', 'htmlBody'] as const) {
      if (Buffer.byteLength(String(message[part] ?? ''), 'utf8') > MAX_BODY_BYTES)
        throw exec.error(`Argument too large: ${part}`);
    }
    const sender = exec.effectiveUser;
    if (recipients > remainingMailQuota(ws, sender)) throw exec.error(MAIL_QUOTA_MESSAGE);
    const key = quotaKey(ws, sender);
    ws.mailQuotaUsed.set(key, (ws.mailQuotaUsed.get(key) ?? 0) + recipients);
    const id = ws.ids.next(16);
    const mail: SentMail = {
      id,
      threadId: id,
      sender,
      senderName: message.name ?? ws.users.get(sender.toLowerCase())?.name.fullName ?? '',
      to,
      cc,
      bcc,
      replyTo,
      subject,
      body: String(message.body ?? ''),
      htmlBody: String(message.htmlBody ?? ''),
      attachments: (message.attachments ?? []).map((a, i) => attachment(exec, a, i)),
      sentAt: ws.clock.now(),
    };
    ws.sentMail.push(mail);
  }
}

/**
 * An attachment from a Blob or anything with `getBlob()` (a File), as MailApp takes
 * `attachments: BlobSource[]`; its name defaults to "attachment-N".
 */
function attachment(exec: Execution, source: GoogleAppsScript.Base.BlobSource, i: number): MailAttachment {
  const blob = source.getBlob() as unknown;
  if (!(blob instanceof FakeBlob)) throw exec.error('Invalid argument: attachments');
  return {
    name: blob.getName() ?? `attachment-${i + 1}`,
    contentType: blob.getContentType() ?? 'application/octet-stream',
    bytes: blob.rawBytes(),
  };
}

/** The `MailApp` global for one execution. */
export function createMailApp(
  exec: Execution,
): Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  return new FakeMailApp(exec);
}
