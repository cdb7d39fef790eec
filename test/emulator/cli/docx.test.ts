import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
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

const AUP_DIR = join(__dirname, '../../../../shared/aup');
const REAL_AUPS = existsSync(AUP_DIR) ? readdirSync(AUP_DIR).filter((f) => f.endsWith('.txt')) : [];
const BM = `bm@${DOMAIN}`;

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const image = (description: string): ImageRun =>
  new ImageRun({
    type: 'png',
    data: PNG,
    transformation: { width: 10, height: 10 },
    altText: { description, name: 'img' },
  });

const level = (
  lvl: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
  start = 1,
) => ({
  level: lvl,
  format,
  text,
  start,
  alignment: AlignmentType.LEFT,
});

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

/** Collapses whitespace: the words of a line, in order. */
const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A real AUP's text as a Word file: "N." lines a numbered list (restarting where the text does),
 * "N.M." lines its second level (Word shows "%1.%2."; Google Docs here its own number "M."), "·" and "-" lines a bulleted list of their own
 * between the clauses, lines with tabs (signature blocks) the first group in a table cell of
 * several paragraphs and the others one paragraph with soft line breaks, "[image: ]" an image,
 * and a header and a footer.
 */
async function wordVersion(lines: string[]): Promise<{ docx: Buffer; expected: string[] }> {
  const children: Array<Paragraph | Table> = [];
  const expected: string[] = [];
  let instance = 0;
  let last = 0;
  let tabGroups = 0;
  let group: string[] = [];
  const runs = (line: string): Array<TextRun | ImageRun> =>
    line.split(/(\[image: \]|\t)/).flatMap((part): Array<TextRun | ImageRun> => {
      if (part === '\t') return [new TextRun({ children: [new Tab()] })];
      if (part === '[image: ]') return [image('')];
      return part ? [new TextRun(part)] : [];
    });
  const flush = () => {
    if (!group.length) return;
    if (tabGroups++ === 0) {
      const cell = new TableCell({ children: group.map((l) => new Paragraph({ children: runs(l) })) });
      children.push(new Table({ rows: [new TableRow({ children: [cell] })] }));
    } else {
      const parts = group.map((l, k) => (k ? [new TextRun({ text: '', break: 1 }), ...runs(l)] : runs(l)));
      children.push(new Paragraph({ children: parts.flat() }));
    }
    expected.push(...group.map(words));
    group = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      group.push(line);
      continue;
    }
    flush();
    const top = /^(\d+)\.\s+(.*)$/.exec(line);
    const sub = /^(\d+)\.(\d+)\.\s+(.*)$/.exec(line);
    const bullet = /^\s*[·-]\s+(.*)$/.exec(line);
    if (top) {
      const n = Number(top[1]);
      if (n !== last + 1) instance += 1;
      last = n;
      children.push(
        new Paragraph({
          children: runs(top[2] ?? ''),
          numbering: { reference: 'numbered', level: 0, instance },
        }),
      );
      expected.push(words(`${n}. ${top[2]}`));
    } else if (sub) {
      children.push(
        new Paragraph({
          children: runs(sub[3] ?? ''),
          numbering: { reference: 'numbered', level: 1, instance },
        }),
      );
      expected.push(words(`${sub[2]}. ${sub[3]}`));
    } else if (bullet) {
      children.push(new Paragraph({ children: runs(bullet[1] ?? ''), bullet: { level: 0 } }));
      expected.push(words(`• ${bullet[1]}`));
    } else {
      children.push(new Paragraph({ children: runs(line) }));
      expected.push(words(line));
    }
  }
  flush();
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.DECIMAL, '%1.%2.')],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Staff Acceptable Use Policy')] }) },
        footers: { default: new Footer({ children: [new Paragraph('Signed copy kept on file')] }) },
        children,
      },
    ],
  });
  return { docx: await Packer.toBuffer(doc), expected: expected.filter(Boolean) };
}

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
