import type { Config } from '../core/config';
import type { SignatureRequest } from '../core/request';
import type { Email } from '../gas/mail';
import { ukDate } from './context';

/** Subject line of an invitation: the Gmail contextual card recognises it. */
export function invitationSubject(config: Config): string {
  return `Please sign the ${config.schoolName} Acceptable Use Policy (${config.policyVersion})`;
}

/** The invitation to sign, to the person's Workspace address, saying how to sign in Gmail or Drive. */
export function invitationEmail(config: Config, r: SignatureRequest): Email {
  const due = ukDate(r.dueBy);
  const lines = [
    `Dear ${r.name},`,
    `Please read and sign the ${config.schoolName} staff Acceptable Use Policy (${r.policyVersion}) by ${due}.`,
    `Your copy: ${r.document}`,
    'To sign: open the AUP Signer add-on in the side panel of Gmail (it opens on this email) or of Google Drive (select your AUP document), tick the agreement and type your full name.',
    `Reference: ${r.requestId}`,
  ];
  return { to: r.email, subject: invitationSubject(config), text: lines.join('\n\n'), html: html(lines) };
}

/**
 * The invitation of a new starter, whose school account is not active yet: to their personal
 * address, with the form link carrying their single-use reference, and their AUP attached.
 */
export function newStarterInvitation(
  config: Config,
  r: SignatureRequest,
  personalEmail: string,
  formLink: string,
  document: GoogleAppsScript.Base.BlobSource,
): Email {
  const lines = [
    `Dear ${r.name},`,
    `Welcome to ${config.schoolName}. Before your school account (${r.email}) can be switched on, please read and sign the staff Acceptable Use Policy (${r.policyVersion}) by ${ukDate(r.dueBy)}.`,
    'Your copy is attached. To sign, open this form, tick the agreement and type your full name:',
    formLink,
    'The form is already filled in with your personal reference: please use this link, and do not share it.',
  ];
  return {
    to: personalEmail,
    subject: invitationSubject(config),
    text: lines.join('\n\n'),
    html: html(lines),
    attachments: [document],
  };
}

/** Tells the person their signed AUP was returned, why, and how to sign again. */
export function returnedEmail(config: Config, r: SignatureRequest, to: string, formLink: string): Email {
  const lines = [
    `Dear ${r.name},`,
    `Your signed ${config.schoolName} Acceptable Use Policy (${r.policyVersion}) was returned. ${r.notes}.`,
    formLink
      ? `Please sign again with this form (your new personal reference is filled in): ${formLink}`
      : 'Please open AUP Signer in Gmail or Drive and sign again.',
  ];
  return {
    to,
    subject: `Your AUP was returned: please sign again`,
    text: lines.join('\n\n'),
    html: html(lines),
  };
}

/** A reminder to sign: to the school address, or a new starter's personal address with a fresh form link. */
export function reminderEmail(config: Config, r: SignatureRequest, to: string, formLink: string): Email {
  const overdue = r.status === 'Overdue';
  const lines = [
    `Dear ${r.name},`,
    `${overdue ? 'Your signature is overdue: it' : 'A reminder that your signature'} was due by ${ukDate(r.dueBy)} on the ${config.schoolName} staff Acceptable Use Policy (${r.policyVersion}).`,
    formLink
      ? `Please read your copy and sign with this form (your personal reference is filled in): ${formLink}`
      : `Please open AUP Signer in Gmail or Drive, read your copy (${r.document}), tick the agreement and type your full name.`,
  ];
  return {
    to,
    subject: `${overdue ? 'Overdue' : 'Reminder'}: please sign the ${config.schoolName} Acceptable Use Policy (${r.policyVersion})`,
    text: lines.join('\n\n'),
    html: html(lines),
  };
}

/**
 * People a digest names, at most: a trust's 2,000 overdue at some 120 characters a line would pass
 * MailApp's body limit (the HTML copy counts too); the rest are counted.
 */
const DIGEST_LINES = 300;

/** The escalation digest to a business manager: who is overdue (the first {@link DIGEST_LINES}). */
export function overdueDigest(
  config: Config,
  to: string,
  overdue: readonly SignatureRequest[],
  newly: number,
): Email {
  const listed = overdue.slice(0, DIGEST_LINES);
  const lines = [
    `${overdue.length} ${overdue.length === 1 ? 'person has' : 'people have'} not signed the ${config.schoolName} AUP (${config.policyVersion}) by their due date${newly ? ` (${newly} newly overdue)` : ''}:`,
    ...listed.map(
      (r) =>
        `${r.name} (${r.role}, ${r.staffType}) — due ${ukDate(r.dueBy)}, ${r.remindersSent} reminder(s) sent`,
    ),
    ...(overdue.length > listed.length
      ? [`…and ${overdue.length - listed.length} more: the Signatures sheet lists everyone.`]
      : []),
    'Reminders continue automatically; the Signatures sheet and its Dashboard show the latest.',
  ];
  return {
    to,
    subject: `AUP overdue: ${overdue.length} not yet signed`,
    text: lines.join('\n\n'),
    html: html(lines),
  };
}

/** Tells a business manager that a form response was quarantined, and why. */
export function quarantineNotice(
  config: Config,
  to: string,
  q: { typedName: string; respondent: string; reason: string; requestId: string },
): Email {
  const lines = [
    `A response to the ${config.schoolName} AUP form was quarantined: ${q.reason}.`,
    `Typed name: ${q.typedName || '(none)'}; respondent: ${q.respondent || '(not collected)'}; request: ${q.requestId || '(unknown)'}.`,
    'Nothing was signed. The response stays in the form and in the Audit sheet; check it and, if it is genuine, send the person a fresh invitation.',
  ];
  return { to, subject: 'AUP form response quarantined', text: lines.join('\n\n'), html: html(lines) };
}

/** Tells an approver that someone has signed and awaits their counter-signature. */
export function signedNotice(config: Config, r: SignatureRequest, approver: string): Email {
  const lines = [
    `${r.name} (${r.role}, ${r.staffType}) signed the ${config.schoolName} AUP (${r.policyVersion}) on ${ukDate(r.signedAt, true)} via ${r.signedVia}.`,
    'Open AUP Signer in Gmail or Drive to counter-sign and choose their systems.',
    `Document: ${r.document}`,
  ];
  return {
    to: approver,
    subject: `AUP signed: ${r.name} awaits your approval`,
    text: lines.join('\n\n'),
    html: html(lines),
  };
}

/**
 * Tells the person their AUP is approved and their account is ready: a new starter at their
 * personal address (copied to the new account), everyone else at their school address.
 */
export function accountReadyEmail(config: Config, r: SignatureRequest, personalEmail = ''): Email {
  const lines = [
    `Dear ${r.name},`,
    `Your Acceptable Use Policy (${r.policyVersion}) has been counter-signed by ${r.approvedBy}, and your ${config.schoolName} account ${r.email} is ready to use.`,
    r.systems ? `Systems: ${r.systems}.` : '',
    `Your signed copy: ${r.document}`,
  ].filter(Boolean);
  return {
    to: personalEmail || r.email,
    cc: personalEmail ? r.email : undefined,
    subject: `Your ${config.schoolName} account is ready`,
    text: lines.join('\n\n'),
    html: html(lines),
  };
}

/** HTML paragraphs from text lines, escaped. */
function html(lines: readonly string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
}

/** Escapes text for HTML. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
