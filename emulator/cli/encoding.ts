import { InputError } from './input-error';

/** A text file decoded, with a note for the summary when it was not read as UTF-8. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  /** Said in the run's summary, e.g. that the file was read as Windows-1252. */
  note?: string;
}

const SAVE_AS_UTF8 =
  'save it as UTF-8 (in Excel: Save As, "CSV UTF-8"; in Word or Notepad: Save As, encoding "UTF-8")';

/**
 * Windows-1252's characters for bytes 0x80 to 0x9F (the WHATWG index); the five it leaves
 * undefined stay C1 controls, which {@link decodeText} refuses.
 */
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252. Node 20's `TextDecoder('windows-1252')` decodes 0x80 to 0x9F as Latin-1 (C1
 * controls, not "€" or "–"), so those are mapped here; where Node gets them right nothing changes.
 */
function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80] ?? c);
}

/** Byte-order marks, longest first, and the encoding each announces. */
const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a text file as people save them: with a byte-order mark, as UTF-8, UTF-16LE or
 * UTF-16BE; without one, as UTF-8, or as Windows-1252 (Excel's and Notepad's "ANSI" in western
 * Europe) when it is not valid UTF-8, with a note saying so.
 * @param file the name given in messages
 * @throws InputError when the bytes are not valid in the encoding their mark announces, look like
 *   UTF-16 without a mark (NUL bytes), or the text holds NUL, C1 control characters (U+0080 to
 *   U+009F: bytes Windows-1252 leaves undefined, or text mangled by an earlier conversion) or
 *   U+FFFD (where an earlier conversion lost characters); the message names the line and says
 *   to save the file as UTF-8
 */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  let decoded: DecodedText;
  if (bom) {
    try {
      decoded = {
        text: new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(
          bytes.subarray(bom.bytes.length),
        ),
      };
    } catch {
      throw new InputError(
        file,
        undefined,
        `it starts with the mark of ${bom.encoding.toUpperCase()} but is not valid ${bom.encoding.toUpperCase()}: ${SAVE_AS_UTF8}.`,
      );
    }
  } else if (bytes.includes(0)) {
    throw new InputError(
      file,
      undefined,
      `it holds NUL bytes, so it is probably UTF-16 without a byte-order mark: ${SAVE_AS_UTF8}.`,
    );
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      decoded = {
        text: windows1252(bytes),
        note: `${file}: read as Windows-1252, because it is not valid UTF-8; if any letter looks wrong, ${SAVE_AS_UTF8}.`,
      };
    }
  }
  refuseLostText(file, decoded.text);
  return decoded;
}

/** Refuses text that holds NUL, a C1 control character or U+FFFD, naming the first one's line. */
function refuseLostText(file: string, text: string): void {
  // eslint-disable-next-line no-control-regex -- finding NUL and C1 controls is the point
  const bad = /[\u0000\u0080-\u009F\uFFFD]/u.exec(text);
  if (!bad) return;
  const line = text.slice(0, bad.index).split('\n').length;
  const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const what =
    bad[0] === '\uFFFD'
      ? `U+FFFD (\uFFFD), the mark left where an earlier conversion lost characters: retype them, then ${SAVE_AS_UTF8}`
      : bad[0] === '\u0000'
        ? `a NUL character (${code}): ${SAVE_AS_UTF8}`
        : `the control character ${code}, which is not text (a byte Windows-1252 does not define, or text converted twice): ${SAVE_AS_UTF8}`;
  throw new InputError(file, line, `it contains ${what}.`);
}
