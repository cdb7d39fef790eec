/**
 * PDF rendering worker for the emulator's `File.getAs('application/pdf')` (run through synckit so
 * the synchronous Apps Script call can await pdf-lib). Plain JavaScript (an ES module) so it runs
 * unchanged under ts-jest and tsx.
 *
 * Input: { title, author, dateMs, blocks: [{ text, size, indent, pageBreak }] }.
 * Output: the PDF's bytes (A4, DejaVu Sans so text beyond ASCII renders, lines wrapped to the
 * margins, a new page when a page fills or a block asks for a page break). Deterministic: fixed
 * creation/modification dates from the input and a fixed font name, so equal input gives equal bytes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { runAsWorker } from 'synckit';

const require = createRequire(import.meta.url);

const A4 = [595.28, 841.89];
const MARGIN = 56;
const LINE_GAP = 1.35;

let fontBytes;
let parsedFont;

function loadFont() {
  if (!fontBytes) {
    const dir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
    fontBytes = fs.readFileSync(path.join(dir, 'ttf', 'DejaVuSans.ttf'));
  }
  return fontBytes;
}

/** fontkit, parsing the one font once per worker rather than once per PDF (it is read-only once parsed). */
const cachedFontkit = {
  create: (bytes) => {
    parsedFont ??= fontkit.create(bytes);
    return parsedFont;
  },
};

/** Each character's advance at size 1, measured once per worker (laying out text with fontkit is slow). */
const advance = new Map();

/**
 * The width of `text` at `size`: the sum of its characters' advances (no kerning: the wrap needs a
 * close measure, not the typeset one, and this keeps a long policy's rendering fast).
 */
function widthOf(text, font, size) {
  let w = 0;
  for (const ch of text) {
    let a = advance.get(ch);
    if (a === undefined) {
      a = font.widthOfTextAtSize(ch, 1000) / 1000;
      advance.set(ch, a);
    }
    w += a;
  }
  return w * size;
}

/** Splits `text` into lines no wider than `width` at `size`, breaking at spaces (or inside long words). */
function wrap(text, font, size, width) {
  const lines = [];
  for (const raw of text.split('\n')) {
    let line = '';
    for (const word of raw.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (widthOf(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (line.length > 1 && widthOf(line, font, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && widthOf(line.slice(0, cut), font, size) > width) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

async function render(input) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  const font = await doc.embedFont(loadFont(), { subset: true, customName: 'DejaVuSans' });
  const when = new Date(input.dateMs);
  doc.setTitle(input.title);
  doc.setAuthor(input.author);
  doc.setCreator('AUP Signer emulator');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(when);
  doc.setModificationDate(when);

  const [pageWidth, pageHeight] = A4;
  let page = doc.addPage(A4);
  let y = pageHeight - MARGIN;
  for (const block of input.blocks) {
    if (block.pageBreak) {
      page = doc.addPage(A4);
      y = pageHeight - MARGIN;
      continue;
    }
    const x = MARGIN + block.indent;
    const lineHeight = block.size * LINE_GAP;
    for (const line of wrap(block.text, font, block.size, pageWidth - MARGIN - x)) {
      if (y - lineHeight < MARGIN) {
        page = doc.addPage(A4);
        y = pageHeight - MARGIN;
      }
      y -= lineHeight;
      if (line !== '') page.drawText(line, { x, y, size: block.size, font });
    }
  }
  return Array.from(await doc.save({ useObjectStreams: false }));
}

runAsWorker(render);
