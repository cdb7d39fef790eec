/** An email as MailApp sends it: a plain-text body and the same in HTML. */
export interface Email {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: GoogleAppsScript.Base.BlobSource[];
}

/**
 * Sends one email through MailApp (MailApp.sendEmail(message), scope script.send_mail), with the
 * school's name as the sender's name and replies going to `replyTo` (the business manager).
 */
export function send(email: Email, from: { schoolName: string; replyTo?: string }): void {
  MailApp.sendEmail({
    to: email.to,
    cc: email.cc,
    replyTo: from.replyTo,
    attachments: email.attachments,
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
    name: from.schoolName,
  });
}

/** MailApp's remaining recipients for today. */
export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
