/** An email as MailApp sends it: a plain-text body and the same in HTML. */
export interface Email {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: GoogleAppsScript.Base.BlobSource[];
}

/** Sends one email through MailApp (scope script.send_mail), named after the school. */
export function send(email: Email, schoolName: string): void {
  MailApp.sendEmail({
    to: email.to,
    cc: email.cc,
    attachments: email.attachments,
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
    name: `${schoolName} AUP Signer`,
  });
}

/** MailApp's remaining recipients for today. */
export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
