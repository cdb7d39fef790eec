import {
  AlignmentType,
  Document,
  Footer,
  Header,
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

/**
 * Word files made in the tests with the docx library: an image run, a numbering level, and a
 * real AUP's text turned into the Word file a school would have (see {@link wordVersion}).
 */

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export const image = (description: string): ImageRun =>
  new ImageRun({
    type: 'png',
    data: PNG,
    transformation: { width: 10, height: 10 },
    altText: { description, name: 'img' },
  });

export const level = (
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

/** Collapses whitespace: the words of a line, in order, for comparing text across formats. */
export const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A real AUP's text as a Word file: "N." lines a numbered list (restarting where the text does),
 * "N.M." lines its second level (Word shows "%1.%2."; Google Docs here its own number "M."), "·" and "-" lines a bulleted list of their own
 * between the clauses, lines with tabs (signature blocks) the first group in a table cell of
 * several paragraphs and the others one paragraph with soft line breaks, "[image: ]" an image,
 * and a header and a footer.
 */
export async function wordVersion(lines: string[]): Promise<{ docx: Buffer; expected: string[] }> {
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
