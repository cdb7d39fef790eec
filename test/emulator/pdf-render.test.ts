import * as path from 'node:path';
import { createSyncFn } from 'synckit';
import { renderPdf, type PdfInput } from '../../emulator/services/pdf/render';

const fresh = createSyncFn<(input: PdfInput) => Promise<number[]>>(
  path.join(__dirname, '../../emulator/services/pdf/worker.mjs'),
);

describe('rendering PDFs', () => {
  const blocks = [{ text: 'Signed by Zoë Łukasiewicz', size: 11, indent: 0, pageBreak: false }];

  it('gives the same bytes from its memo as a fresh render, for each date', () => {
    for (const dateMs of [Date.UTC(2026, 8, 1, 8, 3, 4), Date.UTC(2027, 11, 31, 23, 59, 59)]) {
      const input = { title: 'AUP', author: 'bm@school.example', dateMs, blocks };
      const memo = renderPdf(input);
      expect(Buffer.from(memo).equals(Buffer.from(Uint8Array.from(fresh(input))))).toBe(true);
      expect(Buffer.from(renderPdf(input)).equals(Buffer.from(memo))).toBe(true);
    }
  });

  it('renders different text to different bytes', () => {
    const at = Date.UTC(2026, 8, 1);
    const a = renderPdf({ title: 'AUP', author: 'x', dateMs: at, blocks });
    const b = renderPdf({
      title: 'AUP',
      author: 'x',
      dateMs: at,
      blocks: [{ ...blocks[0]!, text: 'Other' }],
    });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
