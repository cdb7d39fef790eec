import { changeCounts, describeChange } from '../core/changes';
import type { Config } from '../core/config';
import { renderEmail, type EmailContent } from '../core/email-layout';
import { returnedNote, type SignatureRequest } from '../core/request';
import { count, dueTense, dueWords, listOf, personWithRole, pluralWord } from '../core/words';
import type { Email } from '../gas/mail';
import type { ChangesReader, ChangesSince } from './changes';
import { londonDay, ukDate } from './context';

/**
 * What every email is written with: the configuration, today's date for the tense of due dates,
 * and who an address belongs to (from the Signatures sheet), so that people are named, never
 * shown as addresses.
 */
export interface MailContext {
  config: Config;
  /** Today in Europe/London, yyyy-mm-dd. */
  today: string;
  /** The name and role of the person with this address, when the school knows them. */
  person: (email: string) => { name: string; role: string } | undefined;
  /** What changed for the person since the version they last signed (none: a first signature). */
  changes?: ChangesReader;
}

/** Someone as an email names them. */
type Person = { email: string; name: string; role: string };

/**
 * A mail context whose people are those of the requests `requests()` gives (their latest name and
 * role), read only when an email first names someone; someone with no request (a business
 * manager who has not been invited, say) is looked for among `staff()` (the Staff sheet), read
 * only then.
 */
export function mailContext(
  config: Config,
  requests: () => Iterable<SignatureRequest>,
  staff: () => Iterable<Person> = () => [],
): MailContext {
  let people: Map<string, { name: string; role: string }> | undefined;
  let roster: Map<string, { name: string; role: string }> | undefined;
  const person = (email: string): { name: string; role: string } | undefined => {
    const key = email.toLowerCase();
    if (!people) {
      people = new Map();
      for (const r of requests()) people.set(r.email, { name: r.name, role: r.role });
    }
    const known = people.get(key);
    if (known) return known;
    roster ??= new Map([...staff()].map((p) => [p.email, { name: p.name, role: p.role }] as const));
    return roster.get(key);
  };
  return { config, today: londonDay(), person };
}

/** The name of whoever has `email`; the address itself only when nobody on the sheet has it. */
function nameOf(ctx: MailContext, email: string): string {
  return ctx.person(email)?.name || email;
}

/** The school's business manager as replies reach them: the first listed, by name. */
function replyName(ctx: MailContext): string {
  const bm = ctx.config.businessManagers[0];
  return bm ? nameOf(ctx, bm) : '';
}

function body(
  ctx: MailContext,
  c: Omit<EmailContent, 'schoolName' | 'replyName'>,
): { text: string; html: string } {
  return renderEmail({ ...c, schoolName: ctx.config.schoolName, replyName: replyName(ctx) });
}

/** Gmail, where AUP Signer's homepage opens in the side panel. */
const GMAIL_URL = 'https://mail.google.com/mail/';
/** The Google Admin console's list of users, where an administrator switches accounts on. */
const ADMIN_USERS_URL = 'https://admin.google.com/ac/users';

/** The tracking spreadsheet's address. */
function trackingUrl(config: Config): string {
  return `https://docs.google.com/spreadsheets/d/${config.trackingSpreadsheetId}/edit`;
}

/** "the Oakfield Primary School staff Acceptable Use Policy (2026-27)". */
function policyName(config: Config, version: string): string {
  return `the ${config.schoolName} staff Acceptable Use Policy (${version})`;
}

/** Subject line of an invitation (and the name of the email the Gmail card opens beside). */
export function invitationSubject(config: Config): string {
  return `Please sign the ${config.schoolName} Acceptable Use Policy (${config.policyVersion})`;
}

/** The invitation to sign, to the person's Workspace address: a link to their copy, and how to sign. */
export function invitationEmail(ctx: MailContext, r: SignatureRequest): Email {
  const how =
    'Open your copy with the button below. To sign, open AUP Signer in the side panel: here in Gmail beside this email, or in Google Drive with your copy selected. Tick the agreement and type your full name: typing your name is your signature.';
  const since = ctx.changes?.(r);
  const changed = since && since.changes.length ? changesWords(since) : undefined;
  return {
    to: r.email,
    subject: invitationSubject(ctx.config),
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `Please read and sign ${policyName(ctx.config, r.policyVersion)} by ${ukDate(r.dueBy)}.`,
        ...(changed ? [changed.intro] : [how]),
      ],
      ...(changed ? { list: changed.list, after: [...changed.after, how] } : {}),
      button: { label: 'Read and sign your AUP', url: r.document },
    }),
  };
}

/**
 * Tells a person that an editorial version was published: what changed for them, in one email,
 * and that their signature still counts (nothing to sign). Undefined when nothing changed for them.
 */
export function editionEmail(ctx: MailContext, r: SignatureRequest, to: string): Email | undefined {
  const since = ctx.changes?.(r, 'made');
  if (!since?.changes.length) return undefined;
  const edition = ctx.config.edition ?? r.policyVersion;
  const changed = changesWords(since);
  return {
    to,
    subject: `Updated wording: ${ctx.config.schoolName} Acceptable Use Policy (${edition})`,
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `We have made editorial changes to ${policyName(ctx.config, r.policyVersion)}: the new wording is ${edition}. You do not need to sign again; ${r.status === 'Complete' || r.status === 'Approved' || r.status === 'Signed' ? 'your signature still counts' : 'please sign your AUP as already asked'}.`,
        `What changed for you since ${since.since}: ${changeCounts(since.changes)}.`,
      ],
      list: changed.list,
      after: changed.after,
      button: { label: 'Read the policy', url: ctx.config.policyUrl },
    }),
  };
}

/**
 * Tells a business manager, a month ahead, whose signed records fall due for disposal under the
 * retention settings, and how to keep anyone's (a hold).
 */
export function retentionNotice(ctx: MailContext, to: string, lines: readonly string[]): Email {
  const n = lines.length;
  return {
    to,
    subject: `Records due for disposal: ${count(n, 'person')}`,
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, to)},`,
      paragraphs: [
        `Under your retention settings (signed records kept ${count(ctx.config.keepYears, 'year')} after someone leaves, ${count(ctx.config.keepNeverJoinedYears, 'year')} for people who never joined), the AUP records of ${n === 1 ? 'this person' : `these ${count(n, 'person')}`} fall due within a month. Their documents and signed PDFs go to the bin at the first monthly review at least four weeks from now, once they are due; the Audit keeps the record of what they signed and when.`,
      ],
      list: lines,
      after: [
        'To keep someone’s records (an investigation or a claim), open AUP Signer, choose Verify someone…, then Hold their records.',
      ],
      button: { label: 'Open the tracking sheet', url: trackingUrl(ctx.config) },
    }),
  };
}

/** Changes listed in an email, the rest left to the changes document. */
const EMAIL_CHANGES = 12;

/**
 * What changed since the version a person last signed, as an email says it: a sentence, the
 * changes (at most {@link EMAIL_CHANGES}), and where to read them all.
 */
export function changesWords(c: ChangesSince): { intro: string; list: string[]; after: string[] } {
  const more = c.changes.length - EMAIL_CHANGES;
  return {
    intro: `This version changes the policy you signed (${c.since}): ${changeCounts(c.changes)}. What changed for you:`,
    list: c.changes.slice(0, EMAIL_CHANGES).map(describeChange),
    after:
      more > 0
        ? [
            `…and ${count(more, 'more change')}${c.link ? `: all of them are in the changes document, ${c.link}` : ' in your copy'}.`,
          ]
        : c.link
          ? [`The changes document lists them too: ${c.link}`]
          : [],
  };
}

/**
 * The invitation of a new starter, whose school account is not active yet: to their personal
 * address, with the form link carrying their single-use reference, and their AUP attached.
 */
export function newStarterInvitation(
  ctx: MailContext,
  r: SignatureRequest,
  personalEmail: string,
  formLink: string,
  document: GoogleAppsScript.Base.BlobSource,
): Email {
  return {
    to: personalEmail,
    subject: invitationSubject(ctx.config),
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `Welcome to ${ctx.config.schoolName}. Before your school account can be switched on, please read and sign ${policyName(ctx.config, r.policyVersion)} by ${ukDate(r.dueBy)}.`,
        'Your copy is attached. To sign, open the form with the button below, tick the agreement and type your full name: typing your name is your signature.',
        'The link is personal to you: please do not share it.',
      ],
      button: { label: 'Read and sign your AUP', url: formLink },
    }),
    attachments: [document],
  };
}

/** Tells the person their signed AUP was returned, by whom and why, and how to sign again. */
export function returnedEmail(ctx: MailContext, r: SignatureRequest, to: string, formLink: string): Email {
  const returned = returnedNote(r.notes);
  const who = returned ? nameOf(ctx, returned.by) : 'Your approver';
  return {
    to,
    subject: 'Your AUP was returned: please sign again',
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `${who} returned your signed copy of ${policyName(ctx.config, r.policyVersion)}, with this reason:`,
        returned?.reason ?? r.notes,
        formLink
          ? 'Please sign again with the button below: tick the agreement and type your full name.'
          : 'Please read your copy again and sign it in AUP Signer, in the side panel of Gmail or of Google Drive.',
      ],
      button: formLink
        ? { label: 'Sign again', url: formLink }
        : { label: 'Read and sign your AUP', url: r.document },
    }),
  };
}

/** A reminder to sign: to the school address, or a new starter's personal address with a fresh form link. */
export function reminderEmail(ctx: MailContext, r: SignatureRequest, to: string, formLink: string): Email {
  const tense = dueTense(r.dueBy ? londonDay(r.dueBy) : ctx.today, ctx.today);
  const due = dueWords(tense, ukDate(r.dueBy));
  return {
    to,
    subject: `${tense === 'past' ? 'Overdue' : 'Reminder'}: please sign the ${ctx.config.schoolName} Acceptable Use Policy (${r.policyVersion})`,
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `Your signature on ${policyName(ctx.config, r.policyVersion)} ${due}${tense === 'past' ? ', and we have not received it yet' : ''}.`,
        formLink
          ? 'Please read your copy and sign with the button below: tick the agreement and type your full name.'
          : 'Please read your copy with the button below, then sign in AUP Signer in the side panel of Gmail or of Google Drive: tick the agreement and type your full name.',
      ],
      button: { label: 'Read and sign your AUP', url: formLink || r.document },
    }),
  };
}

/**
 * People a digest names, at most: a trust's 2,000 overdue at some 120 characters a line would pass
 * MailApp's body limit (the HTML copy counts too); the rest are counted.
 */
const DIGEST_LINES = 300;

/** The first {@link DIGEST_LINES} lines, and a line counting the rest. */
function capped(lines: readonly string[], more: (n: number) => string): string[] {
  const listed = lines.slice(0, DIGEST_LINES);
  return lines.length > listed.length ? [...listed, more(lines.length - listed.length)] : listed;
}

/** The escalation digest to a business manager: who is overdue (the first {@link DIGEST_LINES}). */
export function overdueDigest(
  ctx: MailContext,
  to: string,
  overdue: readonly SignatureRequest[],
  newly: number,
): Email {
  const n = overdue.length;
  return {
    to,
    subject: `AUP overdue: ${count(n, 'person')} ${pluralWord(n, 'has')} not signed`,
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, to)},`,
      paragraphs: [
        `${count(n, 'person')} ${pluralWord(n, 'has')} not signed ${policyName(ctx.config, ctx.config.policyVersion)} by their due date${newly ? ` (${newly} since yesterday)` : ''}:`,
      ],
      list: capped(
        overdue.map(
          (r) =>
            `${personWithRole(r.name, r.role)}, ${r.staffType}: due ${ukDate(r.dueBy)}, ${count(r.remindersSent, 'reminder')} sent`,
        ),
        (more) => `…and ${more.toLocaleString('en-GB')} more: the Signatures sheet lists everyone.`,
      ),
      after: ['Reminders carry on automatically. The Signatures sheet and its Dashboard show the latest.'],
      button: { label: 'Open the tracking sheet', url: trackingUrl(ctx.config) },
    }),
  };
}

/** Tells a business manager that a form response was quarantined, and why. */
export function quarantineNotice(
  ctx: MailContext,
  to: string,
  q: { typedName: string; respondent: string; reason: string },
): Email {
  return {
    to,
    subject: 'AUP form response held back: please check it',
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, to)},`,
      paragraphs: [
        `A response to the ${ctx.config.schoolName} AUP form was held back and nothing was signed: ${q.reason}.`,
        `The name typed was "${q.typedName || 'none'}"${q.respondent ? `, sent from ${q.respondent}` : ''}.`,
        'The response stays in the form and in the Audit sheet. If it is genuine, send the person a fresh invitation.',
      ],
      button: { label: 'Open the tracking sheet', url: trackingUrl(ctx.config) },
    }),
  };
}

/** Tells an approver, when Settings ask for a notice per signature, that someone awaits them. */
export function signedNotice(ctx: MailContext, r: SignatureRequest, approver: string): Email {
  return {
    to: approver,
    subject: `${r.name} has signed the AUP and awaits your approval`,
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, approver)},`,
      paragraphs: [
        `${personWithRole(r.name, r.role)}, ${r.staffType}, signed ${policyName(ctx.config, r.policyVersion)} on ${ukDate(r.signedAt, true)}.`,
        'Open AUP Signer in Gmail or Google Drive to review their copy, choose their systems and counter-sign.',
      ],
      button: { label: 'Open their signed copy', url: r.document },
    }),
  };
}

/** The approver's daily digest: who awaits their counter-signature, the longest waiting first. */
export function approvalsDigest(
  ctx: MailContext,
  approver: string,
  waiting: readonly SignatureRequest[],
): Email {
  const n = waiting.length;
  return {
    to: approver,
    subject: `${count(n, 'AUP')} ${n === 1 ? 'awaits' : 'await'} your approval`,
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, approver)},`,
      paragraphs: [
        `${n === 1 ? 'One signed AUP awaits' : `${n} signed AUPs await`} your counter-signature, the longest waiting first:`,
      ],
      list: capped(
        waiting.map((r) => `${personWithRole(r.name, r.role)}, ${r.staffType}: signed ${ukDate(r.signedAt)}`),
        (more) => `…and ${more.toLocaleString('en-GB')} more.`,
      ),
      after: [
        'Open AUP Signer in the side panel of Gmail or Google Drive to review and approve them, one by one or a page at a time.',
      ],
      button: { label: 'Open Gmail to approve', url: GMAIL_URL },
    }),
  };
}

/** Tells a business manager who is waiting for a directory administrator to enable their account. */
export function enablementDigest(ctx: MailContext, to: string, waiting: readonly SignatureRequest[]): Email {
  const n = waiting.length;
  return {
    to,
    subject: `${count(n, 'account')} ${n === 1 ? 'waits' : 'wait'} for an administrator`,
    ...body(ctx, {
      greeting: `Dear ${nameOf(ctx, to)},`,
      paragraphs: [
        `${n === 1 ? 'This person has' : 'These people have'} signed and been approved, but ${n === 1 ? 'their account' : 'their accounts'} can only be switched on or confirmed by a Google Workspace administrator:`,
      ],
      list: capped(
        waiting.map((r) => `${personWithRole(r.name, r.role)}: approved ${ukDate(r.approvedAt)}`),
        (more) => `…and ${more.toLocaleString('en-GB')} more.`,
      ),
      after: [
        'An administrator can switch them on from AUP Signer (Switch accounts on hourly) or in the Google Admin console. This email comes once a day while anyone is waiting.',
      ],
      button: { label: 'Open the Admin console', url: ADMIN_USERS_URL },
    }),
  };
}

/**
 * The signer's copy of what they signed, as a PDF, sent as soon as the signature is recorded, to
 * `to` (a new starter's personal address: their school account is not in use yet).
 */
export function signedCopyEmail(
  ctx: MailContext,
  r: SignatureRequest,
  to: string,
  pdf: GoogleAppsScript.Base.BlobSource,
): Email {
  return {
    to,
    subject: `Your signed copy: ${ctx.config.schoolName} Acceptable Use Policy (${r.policyVersion})`,
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        `Thank you for signing ${policyName(ctx.config, r.policyVersion)} on ${ukDate(r.signedAt, true)}. A PDF of the copy you signed is attached for your records.`,
        `What happens next: ${
          listOf(
            ctx.config.approvers.filter((a) => a !== r.email).map((a) => nameOf(ctx, a)),
            'or',
          ) || 'an approver'
        } will counter-sign it, and you will hear from us when that is done.`,
      ],
      button: { label: 'Open your signed copy', url: r.document },
    }),
    attachments: [pdf],
  };
}

/**
 * The approval's news to the person: "your account is ready" for a new starter whose account AUP
 * Signer has just switched on (at their personal address, copied to the new account); otherwise
 * "your AUP is complete", at their school address. The counter-signed PDF is attached when there
 * is one.
 */
export function completedEmail(
  ctx: MailContext,
  r: SignatureRequest,
  options: { accountReady: boolean; personalEmail?: string; pdf?: GoogleAppsScript.Base.BlobSource },
): Email {
  const approver = r.approvedBy ? nameOf(ctx, r.approvedBy) : 'Your approver';
  const systems = r.systems ? r.systems.split(/,\s*/).filter(Boolean) : [];
  const personal = options.accountReady ? (options.personalEmail ?? '') : '';
  return {
    to: personal || r.email,
    cc: personal ? r.email : undefined,
    subject: options.accountReady
      ? `Your ${ctx.config.schoolName} account is ready`
      : `Your ${ctx.config.schoolName} AUP is complete`,
    ...body(ctx, {
      greeting: `Dear ${r.name},`,
      paragraphs: [
        options.accountReady
          ? `${approver} has counter-signed your Acceptable Use Policy (${r.policyVersion}), and your ${ctx.config.schoolName} account is ready to use: sign in as ${r.email}.`
          : `${approver} has counter-signed your Acceptable Use Policy (${r.policyVersion}). There is nothing more for you to do.`,
        ...(systems.length ? [`You have access to ${listOf(systems)}.`] : []),
        ...(options.pdf ? ['The counter-signed copy is attached for your records.'] : []),
      ],
      button: { label: 'Open your copy', url: r.document },
    }),
    attachments: options.pdf ? [options.pdf] : undefined,
  };
}
