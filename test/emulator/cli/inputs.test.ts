import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { fromMarkdown, fromText, InputError, readTemplate } from '../../../emulator/cli/inputs';
import { createDocumentFromElements, documentText } from '../../../emulator/services/document';
import { DOMAIN, newWorkspace } from '../support';

const dir = mkdtempSync(join(tmpdir(), 'aup-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('local run inputs', () => {
  it('reads a .txt template as a paragraph per line', () => {
    expect(fromText('\uFEFFTitle\r\nSignature:\t___  \n')).toEqual([
      { type: 'paragraph', text: 'Title' },
      { type: 'paragraph', text: 'Signature:\t___' },
      { type: 'paragraph', text: '' },
    ]);
  });

  it('reads a .md template with headings, nested lists and tables', () => {
    expect(
      fromMarkdown('# AUP\n\n1. First\n   - sub\n\n| Signature | Date |\n|---|---|\n| ___ | ___ |\n\nEnd'),
    ).toEqual([
      { type: 'paragraph', text: 'AUP', heading: 'TITLE' },
      { type: 'listItem', text: 'First', nesting: 0, ordered: true, listId: 'kix.md1' },
      { type: 'listItem', text: 'sub', nesting: 1, ordered: false, listId: 'kix.md1' },
      {
        type: 'table',
        rows: [
          ['Signature', 'Date'],
          ['___', '___'],
        ],
      },
      { type: 'paragraph', text: 'End' },
    ]);
  });

  it('reads a real .docx (made with the docx library): headings, bullets, numbering, tables', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      numbering: {
        config: [
          { reference: 'rules', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: 'left' }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Staff AUP', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('I will keep my password private.'),
            new Paragraph({ text: 'First rule', numbering: { reference: 'rules', level: 0 } }),
            new Paragraph({ text: 'A point', bullet: { level: 0 } }),
            new Paragraph({ text: 'A sub-point', bullet: { level: 1 } }),
            new Paragraph('To be completed by the user'),
            new Table({
              rows: [
                new TableRow({ children: [cell('Name'), cell('')] }),
                new TableRow({ children: [cell('Date'), cell('')] }),
              ],
            }),
          ],
        },
      ],
    });
    const docx = join(dir, 'aup.docx');
    writeFileSync(docx, await Packer.toBuffer(doc));
    expect(await readTemplate(docx)).toEqual([
      { type: 'paragraph', text: 'Staff AUP', heading: 'HEADING1' },
      { type: 'paragraph', text: 'I will keep my password private.' },
      { type: 'listItem', text: 'First rule', nesting: 0, ordered: true, listId: 'kix.docx2' },
      { type: 'listItem', text: 'A point', nesting: 0, ordered: false, listId: 'kix.docx1' },
      { type: 'listItem', text: 'A sub-point', nesting: 1, ordered: false, listId: 'kix.docx1' },
      { type: 'paragraph', text: 'To be completed by the user' },
      {
        type: 'table',
        rows: [
          ['Name', ''],
          ['Date', ''],
        ],
      },
    ]);
  });

  it('keeps Markdown hard line breaks, images, a resumed numbered list and <br> in table cells', () => {
    const elements = fromMarkdown(
      [
        'Signature:  ',
        'Name:\\',
        'Date:',
        '',
        '![School crest](crest.png)',
        '',
        '1. one',
        '2. two',
        '',
        'A paragraph between.',
        '',
        '3. three',
        '',
        'Another.',
        '',
        '7. seven',
        '',
        '| Sign | Here |',
        '|---|---|',
        '| Name:<br>Date: | ___ |',
      ].join('\n'),
    );
    expect(elements).toEqual([
      { type: 'paragraph', text: 'Signature:\nName:\nDate:' },
      { type: 'paragraph', text: '[image: School crest]' },
      { type: 'listItem', text: 'one', nesting: 0, ordered: true, listId: 'kix.md1' },
      { type: 'listItem', text: 'two', nesting: 0, ordered: true, listId: 'kix.md1' },
      { type: 'paragraph', text: 'A paragraph between.' },
      { type: 'listItem', text: 'three', nesting: 0, ordered: true, listId: 'kix.md1', start: 3 },
      { type: 'paragraph', text: 'Another.' },
      { type: 'listItem', text: 'seven', nesting: 0, ordered: true, listId: 'kix.md2', start: 7 },
      {
        type: 'table',
        rows: [
          ['Sign', 'Here'],
          [['Name:', 'Date:'], '___'],
        ],
      },
    ]);
    const ws = newWorkspace();
    expect(documentText(ws, createDocumentFromElements(ws, `bm@${DOMAIN}`, 'md', elements))).toBe(
      'Signature:\nName:\nDate:\n[image: School crest]\n1. one\n2. two\nA paragraph between.\n3. three\nAnother.\n7. seven\nSign | Here\nName: | ___\nDate: | \n',
    );
  });

  it('refuses an unknown template type and an empty template, naming the file', async () => {
    await expect(readTemplate(file('aup.pdf', 'x'))).rejects.toThrow(
      /aup\.pdf: a template must be \.txt, \.md or \.docx/,
    );
    await expect(readTemplate(file('empty.txt', '\n\n'))).rejects.toBeInstanceOf(InputError);
  });

  it('refuses at once a template beyond the maximum, with the maximum in the message', async () => {
    const started = Date.now();
    const big = file('huge.txt', `${'I will keep to the rules. '.repeat(40)}\n`.repeat(5000));
    await expect(readTemplate(big)).rejects.toThrow(
      /huge\.txt: has 5,195,000 characters of text; an AUP may have at most 1,000,000: split off the appendices\./,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
