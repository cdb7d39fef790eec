import { stringify } from 'csv-stringify/sync';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { SentMail, Workspace } from './core/workspace';
import { MIME } from './core/workspace';
import { documentText } from './services/document/io';
import { readSheet } from './services/spreadsheet';

/** Writes one sheet, as displayed, to a CSV file. */
export function exportSheetCsv(ws: Workspace, spreadsheetId: string, sheet: string, file: string): void {
  const { display } = readSheet(ws, spreadsheetId, sheet);
  writeFileSync(file, stringify(display));
}

/**
 * Writes each Google Doc in `folderId` (or every document when omitted) to `dir` as
 * `<name>.txt`. Returns the files written.
 */
export function exportDocuments(ws: Workspace, dir: string, folderId?: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const item of ws.drive.values()) {
    if (item.mimeType !== MIME.document || item.trashed) continue;
    if (folderId && !item.parents.has(folderId)) continue;
    const file = join(dir, `${safeName(item.name)}.txt`);
    writeFileSync(file, documentText(ws, item.id));
    written.push(file);
  }
  return written;
}

/** Writes each non-Google file (PDFs, text snapshots) in `folderId` to `dir` under its own name. */
export function exportFiles(ws: Workspace, dir: string, folderId: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const item of ws.drive.values()) {
    if (!item.bytes || item.trashed || !item.parents.has(folderId)) continue;
    const file = join(dir, safeName(item.name));
    writeFileSync(file, item.bytes);
    written.push(file);
  }
  return written;
}

/** Writes each email MailApp sent to `dir` as an RFC 5322 `.eml` file (nodemailer's composer). */
export async function exportMail(ws: Workspace, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const written: string[] = [];
  for (const [i, m] of ws.sentMail.entries()) {
    const info = await composer.sendMail(toMessage(m));
    const file = join(
      dir,
      `${String(i + 1).padStart(3, '0')}-${safeName(m.to.join('_'))}-${safeName(m.subject).slice(0, 50)}.eml`,
    );
    writeFileSync(file, info.message as Buffer);
    written.push(file);
  }
  return written;
}

/** Writes the directory's users (primaryEmail, name, suspended, isAdmin, orgUnitPath) as JSON. */
export function exportDirectory(ws: Workspace, file: string): void {
  const users = [...ws.users.values()].map((u) => ({
    primaryEmail: u.primaryEmail,
    name: u.name,
    suspended: u.suspended,
    isAdmin: u.isAdmin,
    orgUnitPath: u.orgUnitPath,
  }));
  writeFileSync(file, `${JSON.stringify({ kind: 'admin#directory#users', users }, null, 2)}\n`);
}

function toMessage(m: SentMail): Parameters<ReturnType<typeof createTransport>['sendMail']>[0] {
  return {
    from: { name: m.senderName || m.sender, address: m.sender },
    to: m.to,
    cc: m.cc.length ? m.cc : undefined,
    bcc: m.bcc.length ? m.bcc : undefined,
    replyTo: m.replyTo || undefined,
    subject: m.subject,
    text: m.body,
    html: m.htmlBody || undefined,
    date: new Date(m.sentAt),
    attachments: m.attachments.map((a) => ({
      filename: a.name,
      contentType: a.contentType,
      content: Buffer.from(a.bytes),
    })),
    messageId: `<${m.id}@mail.emulator>`,
  };
}

/** A file-name-safe version of a name (letters, digits, spaces, dashes; accents kept). */
export function safeName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|@\s]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}
