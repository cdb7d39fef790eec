import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { LIMITS } from '../../src/core/limits';
import type { TemplateElement } from '../services/document/io';
import { fromDocx } from './docx';
import { decodeText } from './encoding';
import { InputError } from './input-error';
import { fromMarkdown } from './markdown';

export { fromDocx } from './docx';
export { InputError } from './input-error';
export { fromMarkdown } from './markdown';
export { readRoster, type RosterRow } from './roster';

/**
 * Reads a template: `.txt` (a paragraph per line), `.md` (headings, lists, tables, paragraphs)
 * or `.docx` (Word, see {@link fromDocx}: headings, lists as Word numbers them, tables, line
 * breaks, tabs, headers and footers, images as "[image: …]"). Text files are
 * decoded by {@link decodeText}; what it notes (e.g. read as Windows-1252) is pushed to `notes`.
 * @throws InputError for an unknown extension, an unreadable, wrongly encoded or empty file, or
 *   one beyond the add-on's maximum (20 MB of file, {@link LIMITS}.templateChars of text)
 */
export async function readTemplate(file: string, notes: string[] = []): Promise<TemplateElement[]> {
  const ext = extname(file).toLowerCase();
  let elements: TemplateElement[];
  try {
    const bytes = statSync(file).size;
    if (bytes > MAX_TEMPLATE_BYTES)
      throw new InputError(
        file,
        undefined,
        `is ${(bytes / 1e6).toFixed(1)} MB; a template may be at most ${MAX_TEMPLATE_BYTES / 1e6} MB: split off the appendices.`,
      );
    if (ext === '.txt') elements = fromText(readText(file, notes));
    else if (ext === '.md') elements = fromMarkdown(readText(file, notes));
    else if (ext === '.docx') elements = await fromDocx(readFileSync(file));
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
  if (!elements.some((e) => e.type === 'table' || ('text' in e && e.text.trim()))) {
    throw new InputError(
      file,
      undefined,
      'the template is empty: give the school AUP as text, Markdown or Word.',
    );
  }
  const chars = elements.reduce((n, e) => n + templateTextOf(e).length, 0);
  if (chars > LIMITS.templateChars) {
    throw new InputError(
      file,
      undefined,
      `has ${chars.toLocaleString('en-GB')} characters of text; an AUP may have at most ${LIMITS.templateChars.toLocaleString('en-GB')}: split off the appendices.`,
    );
  }
  return elements;
}

/** Largest template file read at all (a Word file with pictures is bigger than its text). */
const MAX_TEMPLATE_BYTES = 20e6;

/** The text of one template element, as the add-on counts it against its maximum. */
function templateTextOf(e: TemplateElement): string {
  if (e.type === 'table') return e.rows.flat(2).join('');
  if (e.type === 'header' || e.type === 'footer') return '';
  return e.text;
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
