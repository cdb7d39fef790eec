import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { fromDocx } from '../../../emulator/cli/docx';
import { fromText } from '../../../emulator/cli/inputs';
import { createDriveApp } from '../../../emulator/services/drive';
import {
  createDocumentApp,
  createDocumentFromElements,
  documentText,
} from '../../../emulator/services/document';
import type { TemplateElement } from '../../../emulator/services/document/io';
import { DOMAIN, newExec, newWorkspace } from '../support';
import { image, level, words, wordVersion } from './word-version';

const AUP_DIR = join(__dirname, '../../../../shared/aup');
const REAL_AUPS = existsSync(AUP_DIR) ? readdirSync(AUP_DIR).filter((f) => f.endsWith('.txt')) : [];
const BM = `bm@${DOMAIN}`;

const NUMBERING = {
  config: [
    {
      reference: 'clauses',
      levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.BULLET, '•')],
    },
    {
      reference: 'outline',
      levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_LETTER, '%2.')],
    },
    { reference: 'later', levels: [level(0, LevelFormat.DECIMAL, '%1.', 6)] },
  ],
};

const clause = (text: string, lvl = 0) =>
  new Paragraph({ text, numbering: { reference: 'clauses', level: lvl } });

/** A Word AUP with every feature a school's file has. */
async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: NUMBERING,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Oakfield Primary: Staff AUP')] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun('Reviewed annually'), new TextRun({ children: [new Tab(), 'v3'] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: 'Acceptable Use Policy', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('First line'), new TextRun({ text: 'second line', break: 1 })],
          }),
          new Paragraph({
            children: [new TextRun({ children: ['Signature:', new Tab(), new Tab(), '______'] })],
          }),
          ...[1, 2, 3, 4, 5].map((n) => clause(`Clause ${n}`)),
          clause('A bullet of the same list', 1),
          clause('Another bullet', 1),
          new Paragraph({ text: 'A bullet of another list', bullet: { level: 0 } }),
          new Paragraph('A paragraph between'),
          ...[6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => clause(`Clause ${n}`)),
          new Paragraph({ text: 'Part', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: 'part a', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: 'part b', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: 'Second part', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: 'second a', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: 'Starts at six', numbering: { reference: 'later', level: 0 } }),
          new Paragraph({ children: [new TextRun('Crest: '), image('School crest')] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Name:'), new Paragraph('Date:')] }),
                  new TableCell({ children: [new Paragraph('')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('fromDocx: Word as the school wrote it', () => {
  let elements: TemplateElement[];
  let text: string;
  beforeAll(async () => {
    elements = await fromDocx(await sampleDocx());
    const ws = newWorkspace();
    text = documentText(ws, createDocumentFromElements(ws, BM, 'AUP', elements));
  });

  it('keeps soft line breaks inside the paragraph and tabs', () => {
    expect(elements).toContainEqual({ type: 'paragraph', text: 'First line\nsecond line' });
    expect(elements).toContainEqual({ type: 'paragraph', text: 'Signature:\t\t______' });
    expect(text).toContain('First line\nsecond line\nSignature:\t\t______');
  });

  it('keeps headings', () => {
    expect(elements).toContainEqual({
      type: 'paragraph',
      text: 'Acceptable Use Policy',
      heading: 'HEADING1',
    });
  });

  it('keeps numbering counting across bulleted sub-lists and other lists (1–5, bullets, 6–14)', () => {
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['1. Clause 1', '5. Clause 5', '  • A bullet of the same list']),
    );
    expect(lines).toContain('• A bullet of another list');
    for (const n of [6, 7, 8, 9, 10, 11, 12, 13, 14]) expect(lines).toContain(`${n}. Clause ${n}`);
    const ids = elements.flatMap((e) => (e.type === 'listItem' && /^Clause/.test(e.text) ? [e.listId] : []));
    expect(new Set(ids).size).toBe(1);
  });

  it('restarts a nested level when its parent advances, with Word’s glyphs and start values', () => {
    expect(text).toContain('1. Part\n  a. part a\n  b. part b\n2. Second part\n  a. second a');
    expect(text).toContain('6. Starts at six');
  });

  it('keeps every paragraph of a table cell', () => {
    expect(elements).toContainEqual({ type: 'table', rows: [[['Name:', 'Date:'], '']] });
    expect(text).toContain('Name: | \nDate: | ');
  });

  it('keeps an image as "[image: alt text]"', () => {
    expect(text).toContain('Crest: [image: School crest]');
  });

  it('keeps the header and footer, in the Google Doc and in its text', () => {
    expect(elements[0]).toEqual({ type: 'header', paragraphs: ['Oakfield Primary: Staff AUP'] });
    expect(elements[elements.length - 1]).toEqual({ type: 'footer', paragraphs: ['Reviewed annually\tv3'] });
    const ws = newWorkspace();
    const id = createDocumentFromElements(ws, BM, 'AUP', elements);
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).openById(id);
    expect(doc.getHeader().getText()).toBe('Oakfield Primary: Staff AUP');
    expect(doc.getFooter().getText()).toBe('Reviewed annually\tv3');
    const copy = createDriveApp(exec).getFileById(id).makeCopy('Signed copy');
    expect(createDocumentApp(exec).openById(copy.getId()).getHeader().getText()).toBe(
      'Oakfield Primary: Staff AUP',
    );
    const lines = documentText(ws, id).split('\n');
    expect(lines[0]).toBe('Oakfield Primary: Staff AUP');
    expect(lines[lines.length - 1]).toBe('Reviewed annually\tv3');
  });
});

const realAups = REAL_AUPS.length ? describe : describe.skip;
if (!REAL_AUPS.length) console.warn(`Real AUP tests skipped: ${AUP_DIR} is absent.`);

realAups('fromDocx: each real AUP, made into a Word file', () => {
  it.each(REAL_AUPS)(
    '%s: every line is in the Google Doc made from it, word for word, in order',
    async (file) => {
      const lines = fromText(readFileSync(join(AUP_DIR, file), 'utf8')).flatMap((e) =>
        e.type === 'paragraph' ? [e.text] : [],
      );
      const { docx, expected } = await wordVersion(lines);
      const ws = newWorkspace();
      const id = createDocumentFromElements(ws, BM, file, await fromDocx(docx));
      const docLines = documentText(ws, id).split('\n').map(words);
      let at = 0;
      for (const want of expected) {
        const found = docLines.indexOf(want, at);
        expect({ line: want, found: found >= 0 }).toEqual({ line: want, found: true });
        at = found + 1;
      }
      expect(docLines[0]).toBe('Staff Acceptable Use Policy');
      expect(docLines[docLines.length - 1]).toBe('Signed copy kept on file');
    },
  );
});
