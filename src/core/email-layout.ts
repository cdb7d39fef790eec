/**
 * One template for every email the add-on sends: the same words as plain text and as HTML, so
 * the two parts never differ. The HTML part links with real anchors and shows the main action as
 * a button; the plain-text part gives the action's label and its address on their own line.
 * Pure: no Apps Script call.
 */

/** A call to action: what the button says and where it goes. */
export interface EmailButton {
  label: string;
  url: string;
}

/** What an email says, in order: greeting, paragraphs, an optional list, paragraphs after it, the button. */
export interface EmailContent {
  greeting?: string;
  paragraphs: readonly string[];
  /** Lines shown as a bulleted list after the paragraphs (people, systems). */
  list?: readonly string[];
  /** Paragraphs after the list. */
  after?: readonly string[];
  button?: EmailButton;
  /** The school's name, for the footer. */
  schoolName: string;
  /** Who replies reach (the business manager), named in the footer; omitted: no reply line. */
  replyName?: string;
}

/** The email's plain-text and HTML bodies. */
export interface EmailBodies {
  text: string;
  html: string;
}

/** Renders `c` as plain text and as HTML from the one structure. */
export function renderEmail(c: EmailContent): EmailBodies {
  const footer = c.replyName
    ? `Sent by AUP Signer for ${c.schoolName}. Questions? Reply to this email to reach ${c.replyName}.`
    : `Sent by AUP Signer for ${c.schoolName}.`;
  const text = [
    ...(c.greeting ? [c.greeting] : []),
    ...c.paragraphs,
    ...(c.list?.length ? [c.list.map((l) => `- ${l}`).join('\n')] : []),
    ...(c.after ?? []),
    ...(c.button ? [`${c.button.label}: ${c.button.url}`] : []),
    `--\n${footer}`,
  ].join('\n\n');
  const p = (s: string): string => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124;max-width:600px">',
    ...(c.greeting ? [p(c.greeting)] : []),
    ...c.paragraphs.map(p),
    ...(c.list?.length
      ? [
          `<ul style="margin:0 0 12px;padding-left:20px">${c.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...(c.after ?? []).map(p),
    ...(c.button
      ? [
          `<p style="margin:20px 0"><a href="${escapeHtml(c.button.url)}" style="background:#1a73e8;color:#ffffff;text-decoration:none;padding:10px 20px;border-radius:4px;display:inline-block;font-weight:bold">${escapeHtml(c.button.label)}</a></p>`,
        ]
      : []),
    `<p style="margin:24px 0 0;font-size:12px;color:#5f6368">${escapeHtml(footer)}</p>`,
    '</div>',
  ].join('\n');
  return { text, html };
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
