import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { TemplateElement } from '../services/document/io';
import { decodeText } from './encoding';
import { InputError } from './input-error';

export { InputError } from './input-error';
export { readRoster, type RosterRow } from './roster';

/**
 * Reads a template: `.txt` (a paragraph per line), `.md` (headings, lists, tables, paragraphs)
 * or `.docx` (Word: paragraphs, headings, lists and tables, read with mammoth). Text files are
 * decoded by {@link decodeText}; what it notes (e.g. read as Windows-1252) is pushed to `notes`.
 * @throws InputError for an unknown extension, an unreadable, wrongly encoded or empty file
 */
export async function readTemplate(file: string, notes: string[] = []): Promise<TemplateElement[]> {
  const ext = extname(file).toLowerCase();
  let elements: TemplateElement[];
  try {
    if (ext === '.txt') elements = fromText(readText(file, notes));
    else if (ext === '.md') elements = fromMarkdown(readText(file, notes));
    else if (ext === '.docx') elements = fromHtml((await mammoth.convertToHtml({ path: file })).value);
    else
      throw new InputError(
        file,
        undefined,
        `a template must be .txt, .md or .docx, not "${ext || 'no extension'}".`,
      );
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, undefined, `cannot be read (${(e as Error).message}).`);
  }
  if (!elements.some((e) => e.type === 'table' || e.text.trim())) {
    throw new InputError(
      file,
      undefined,
      'the template is empty: give the school AUP as text, Markdown or Word.',
    );
  }
  return elements;
}

/** A text file decoded by {@link decodeText}, its note (if any) added to `notes`. */
function readText(file: string, notes: string[]): string {
  const { text, note } = decodeText(file, readFileSync(file));
  if (note) notes.push(note);
  return text;
}

/** Plain text: each line a paragraph (a file converted from Word keeps its paragraph per line). */
export function fromText(text: string): TemplateElement[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => ({ type: 'paragraph', text: line.replace(/\s+$/, '') }));
}

/**
 * Markdown through markdown-it's token stream: headings, paragraphs (a line each), bullet and
 * numbered lists (nested), tables.
 */
export function fromMarkdown(md: string): TemplateElement[] {
  const out: TemplateElement[] = [];
  const lists: boolean[] = [];
  let pendingHeading: string | undefined;
  let inItem = false;
  let table: string[][] | undefined;
  for (const t of new MarkdownIt().parse(md, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push(t.type === 'ordered_list_open');
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') inItem = true;
    else if (t.type === 'heading_open') pendingHeading = `HEADING${Math.min(Number(t.tag.slice(1)), 6)}`;
    else if (t.type === 'table_open') table = [];
    else if (t.type === 'tr_open') table?.push([]);
    else if (t.type === 'table_close' && table) {
      out.push({ type: 'table', rows: table });
      table = undefined;
    } else if (t.type === 'inline') {
      const text = (t.children ?? [])
        .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.content))
        .join('');
      if (table) table[table.length - 1]?.push(text);
      else if (pendingHeading) {
        out.push({
          type: 'paragraph',
          text,
          heading: (pendingHeading === 'HEADING1' ? 'TITLE' : pendingHeading) as 'HEADING1',
        });
        pendingHeading = undefined;
      } else if (inItem) {
        out.push({
          type: 'listItem',
          text,
          nesting: lists.length - 1,
          ordered: lists[lists.length - 1] ?? false,
        });
        inItem = false;
      } else for (const line of text.split('\n')) out.push({ type: 'paragraph', text: line });
    }
  }
  return out;
}

/** mammoth's HTML of a Word document: p/h1-h6, ul/ol (nested), tables. */
export function fromHtml(html: string): TemplateElement[] {
  const out: TemplateElement[] = [];
  const text = (el: HTMLElement): string => el.text.replace(/\s+/g, ' ').trim();
  const visit = (el: HTMLElement, nesting: number): void => {
    const tag = el.tagName?.toLowerCase();
    if (tag === 'p') out.push({ type: 'paragraph', text: text(el) });
    else if (tag && /^h[1-6]$/.test(tag)) {
      out.push({ type: 'paragraph', text: text(el), heading: `HEADING${tag[1]}` as 'HEADING1' });
    } else if (tag === 'ul' || tag === 'ol') {
      for (const li of el.childNodes as HTMLElement[]) {
        if (li.tagName?.toLowerCase() !== 'li') continue;
        const own = (li.childNodes as HTMLElement[]).filter(
          (c) => !['ul', 'ol'].includes(c.tagName?.toLowerCase()),
        );
        out.push({
          type: 'listItem',
          text: own
            .map((c) => c.text)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
          nesting,
          ordered: tag === 'ol',
        });
        for (const sub of li.childNodes as HTMLElement[])
          if (['ul', 'ol'].includes(sub.tagName?.toLowerCase())) visit(sub, nesting + 1);
      }
    } else if (tag === 'table') {
      const rows = el.querySelectorAll('tr').map((tr) => tr.querySelectorAll('td, th').map(text));
      out.push({ type: 'table', rows });
    } else for (const c of el.childNodes as HTMLElement[]) if (c.tagName) visit(c, nesting);
  };
  visit(parseHtml(html), 0);
  return out;
}
