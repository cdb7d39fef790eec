import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../../emulator/cli/encoding';
import { InputError } from '../../../emulator/cli/input-error';
import { readTemplate } from '../../../emulator/cli/inputs';

const TEXT = 'Siobhán Ní Bhriain, Zoë Łukasiewicz, Οδυσσέας, 李小龍, Llŷr\n';

/** UTF-16BE bytes of `text` (Node has no 'utf16be' Buffer encoding). */
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
/** Windows-1252 bytes of text in Latin-1's printable range, where the two agree. */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('decodeText', () => {
  it.each([
    ['UTF-8 without a mark', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with a mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE with a mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ])('reads %s, without a note and without the mark', (_, bytes) => {
    expect(decodeText('f.csv', bytes)).toEqual({ text: TEXT });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and says so', () => {
    const bytes = Buffer.concat([latin1('Zoë Brontë, François\n'), Buffer.from([0x80, 0x9c, 0x93, 0x94])]);
    const { text, note } = decodeText('staff.csv', bytes);
    expect(text).toBe('Zoë Brontë, François\n€œ“”');
    expect(note).toMatch(
      /^staff\.csv: read as Windows-1252, because it is not valid UTF-8; .*save it as UTF-8/,
    );
  });

  it.each([
    [
      'UTF-16 without a mark',
      Buffer.from('Email,Name\n', 'utf16le'),
      /^f\.csv: it holds NUL bytes, so it is probably UTF-16 without a byte-order mark: save it as UTF-8 \(in Excel: Save As, "CSV UTF-8"/,
    ],
    [
      'a UTF-16 mark on bytes that are not UTF-16 (odd length)',
      Buffer.from([0xff, 0xfe, 0x41]),
      /^f\.csv: it starts with the mark of UTF-16LE but is not valid UTF-16LE: save it as UTF-8/,
    ],
    [
      'a UTF-8 mark on bytes that are not UTF-8',
      Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xe9]),
      /^f\.csv: it starts with the mark of UTF-8 but is not valid UTF-8/,
    ],
    [
      'UTF-32LE (a UTF-16LE mark, then NUL)',
      Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
      /^f\.csv:1: it contains a NUL character \(U\+0000\): save it as UTF-8/,
    ],
    [
      'a byte Windows-1252 does not define',
      Buffer.concat([latin1('ok\nZo\xeb '), Buffer.from([0x81])]),
      /^f\.csv:2: it contains the control character U\+0081, which is not text/,
    ],
    [
      'a C1 control in UTF-8 (text converted twice)',
      Buffer.from('a\nb\nc\u0085', 'utf8'),
      /^f\.csv:3: it contains the control character U\+0085/,
    ],
    [
      'U+FFFD left by an earlier conversion',
      Buffer.from('Email\nZo\uFFFD Bront\uFFFD', 'utf8'),
      /^f\.csv:2: it contains U\+FFFD \(\uFFFD\), the mark left where an earlier conversion lost characters/,
    ],
  ])('refuses %s, saying to save as UTF-8', (_, bytes, message) => {
    let thrown: unknown;
    try {
      decodeText('f.csv', bytes);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('templates through decodeText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aup-encoding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a Windows-1252 .txt and a UTF-16 .md template, noting the first', async () => {
    const txt = join(dir, 'aup.txt');
    writeFileSync(txt, latin1('Acceptable Use Policy \x96 Staff\r\nI will not share my password.\r\n'));
    const notes: string[] = [];
    expect((await readTemplate(txt, notes))[0]).toEqual({
      type: 'paragraph',
      text: 'Acceptable Use Policy – Staff',
    });
    expect(notes).toEqual([expect.stringMatching(/aup\.txt: read as Windows-1252/)]);

    const md = join(dir, 'aup.md');
    writeFileSync(
      md,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Polisi Defnydd\n\nLlŷr\n', 'utf16le')]),
    );
    const elements = await readTemplate(md, notes);
    expect(elements.map((e) => ('text' in e ? e.text : ''))).toEqual(['Polisi Defnydd', 'Llŷr']);
    expect(notes).toHaveLength(1);
  });

  it('refuses a UTF-16 template without a mark', async () => {
    const txt = join(dir, 'utf16.txt');
    writeFileSync(txt, Buffer.from('Acceptable Use Policy\n', 'utf16le'));
    await expect(readTemplate(txt)).rejects.toThrow(/utf16\.txt: it holds NUL bytes/);
  });
});
