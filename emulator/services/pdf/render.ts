import * as path from 'node:path';
import { createSyncFn } from 'synckit';

/** One block of a PDF: a paragraph's text at a font size, indented, or a page break. */
export interface PdfBlock {
  text: string;
  /** Font size in points. */
  size: number;
  /** Left indent in points. */
  indent: number;
  /** Start a new page here (the block's text is ignored). */
  pageBreak: boolean;
}

/** What the worker renders: document metadata and its blocks. */
export interface PdfInput {
  title: string;
  author: string;
  /** Creation and modification date, from the emulated clock (ms since the epoch). */
  dateMs: number;
  blocks: PdfBlock[];
}

let renderSync: ((input: PdfInput) => number[]) | undefined;

/**
 * Renders blocks of text to a PDF (A4, DejaVu Sans, wrapped lines, page breaks), synchronously:
 * pdf-lib is async, so it runs in `worker.mjs` through synckit. The same input gives the same bytes.
 * Control characters other than line breaks are dropped and tabs become spaces.
 */
export function renderPdf(input: PdfInput): Uint8Array {
  renderSync ??= createSyncFn<(input: PdfInput) => Promise<number[]>>(path.join(__dirname, 'worker.mjs'));
  const blocks = input.blocks.map((b) => ({ ...b, text: cleanText(b.text) }));
  return Uint8Array.from(renderSync({ ...input, title: cleanText(input.title), blocks }));
}

/** A body of plain text as one block per line (for files that are not documents). */
export function textBlocks(text: string): PdfBlock[] {
  return text.split('\n').map((line) => ({ text: line, size: 11, indent: 0, pageBreak: false }));
}

function cleanText(text: string): string {
  return Array.from(text.replace(/\r/g, '\n').replace(/\t/g, '    '))
    .filter((ch) => ch === '\n' || !isControl(ch.charCodeAt(0)))
    .join('');
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}
