import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
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
 * @throws InputError for an unknown extension, an unreadable, wrongly encoded or empty file
 */
export async function readTemplate(file: string, notes: string[] = []): Promise<TemplateElement[]> {
  const ext = extname(file).toLowerCase();
  let elements: TemplateElement[];
  try {
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
