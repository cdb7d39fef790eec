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
  const clean = { ...input, title: cleanText(input.title), blocks };
  const key = JSON.stringify({ ...clean, dateMs: 0 });
  let template = rendered.get(key);
  if (!template) {
    template = Uint8Array.from(renderSync({ ...clean, dateMs: SENTINEL_MS }));
    if (rendered.size >= MEMO_SIZE) rendered.delete(rendered.keys().next().value as string);
    rendered.set(key, template);
  }
  return withDate(template, input.dateMs) ?? Uint8Array.from(renderSync(clean));
}

/**
 * PDFs already rendered, by their input without the date (sweeps render the same document many
 * times): rendered once with {@link SENTINEL_MS} as the date, which is then swapped for the real
 * one. pdf-lib writes dates as fixed-width "D:YYYYMMDDHHmmSSZ" strings in the (uncompressed)
 * Info dictionary, so the bytes are exactly those a fresh render would give.
 */
const rendered = new Map<string, Uint8Array>();
const MEMO_SIZE = 500;
const SENTINEL_MS = Date.UTC(2000, 0, 1);

/** `template` with its sentinel dates replaced by `dateMs`'s, or undefined if they are not found twice. */
function withDate(template: Uint8Array, dateMs: number): Uint8Array | undefined {
  const from = Buffer.from(pdfDate(SENTINEL_MS), 'latin1');
  const to = Buffer.from(pdfDate(dateMs), 'latin1');
  const out = Buffer.from(template);
  let found = 0;
  for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + from.length)) {
    to.copy(out, at);
    found += 1;
  }
  return found === 2 ? new Uint8Array(out) : undefined;
}

/** A date as pdf-lib writes it (PDFString.fromDate): D:YYYYMMDDHHmmSSZ, in UTC. */
function pdfDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
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
