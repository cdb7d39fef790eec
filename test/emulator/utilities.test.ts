import { createHash, createHmac } from 'node:crypto';
import vm from 'node:vm';
import { EXCEEDED_MESSAGE } from '../../emulator/core/execution';
import { createUtilities } from '../../emulator/services/utilities';
import { DOMAIN, newExec, newWorkspace } from './support';

function setup(kind: 'editor' | 'card' = 'editor') {
  const ws = newWorkspace();
  const exec = newExec(ws, `bm@${DOMAIN}`, kind);
  return { ws, exec, u: createUtilities(exec) };
}

const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

describe('Utilities.formatDate', () => {
  it("'d MMMM yyyy' in Europe/London gives the British date across GMT and BST", () => {
    const { u } = setup();
    expect(u.formatDate(new Date('2026-11-21T00:30:00Z'), 'Europe/London', 'd MMMM yyyy')).toBe(
      '21 November 2026',
    );
    expect(u.formatDate(new Date('2026-06-20T23:30:00Z'), 'Europe/London', 'd MMMM yyyy')).toBe(
      '21 June 2026',
    );
    expect(u.formatDate(new Date('2026-06-20T23:30:00Z'), 'UTC', 'd MMMM yyyy')).toBe('20 June 2026');
  });

  it('numeric, text and 12-hour fields follow SimpleDateFormat', () => {
    const { u } = setup();
    const d = new Date('2026-03-05T14:07:09.045Z');
    expect(u.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-03-05 14:07:09.045');
    expect(u.formatDate(d, 'UTC', 'EEE, d MMM yy')).toBe('Thu, 5 Mar 26');
    expect(u.formatDate(d, 'UTC', 'EEEE M/d/y h:mm a')).toBe('Thursday 3/5/2026 2:07 PM');
    expect(u.formatDate(d, 'UTC', 'D k K S')).toBe('64 14 2 45');
  });

  it('zone letters z, zzzz, Z, X and XXX give names and offsets as Java does', () => {
    const { u } = setup();
    const summer = new Date('2026-07-01T12:00:00Z');
    const winter = new Date('2026-01-01T12:00:00Z');
    expect(u.formatDate(summer, 'Europe/London', 'z zzzz Z X XXX')).toBe(
      'BST British Summer Time +0100 +01 +01:00',
    );
    expect(u.formatDate(winter, 'Europe/London', 'z Z X XXX')).toBe('GMT +0000 Z Z');
    expect(u.formatDate(winter, 'America/Los_Angeles', 'z Z XXX')).toBe('PST -0800 -08:00');
    expect(u.formatDate(winter, 'GMT+5:30', 'HH:mm z')).toBe('17:30 GMT+05:30');
  });

  it('quoted text is copied and two quotes make one', () => {
    const { u } = setup();
    const d = new Date('2026-03-05T14:07:09Z');
    expect(u.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-03-05T14:07:09Z');
    expect(u.formatDate(d, 'UTC', "h 'o''clock' a, ''yy")).toBe("2 o'clock PM, '26");
  });

  it('an unknown time zone formats in GMT, as Java does', () => {
    const { u } = setup();
    expect(u.formatDate(new Date('2026-07-01T12:00:00Z'), 'Not/AZone', 'HH:mm z')).toBe('12:00 GMT');
  });

  it('an unknown pattern letter throws', () => {
    const { u } = setup();
    expect(() => u.formatDate(new Date(), 'UTC', 'yyyy q')).toThrow(
      new Error("Illegal pattern character 'q'"),
    );
  });

  it('a date that is not a Date throws the method-signature message', () => {
    const { u } = setup();
    expect(() => u.formatDate('2026-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      new Error(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      ),
    );
  });

  it("accepts Dates and Byte[] arrays from the add-on's own vm realm", () => {
    const { u } = setup();
    const realm = vm.runInNewContext('({ date: new Date(Date.UTC(2026, 0, 2)), bytes: [97, 98, 99] })') as {
      date: Date;
      bytes: number[];
    };
    expect(u.formatDate(realm.date, 'UTC', 'd MMM yyyy')).toBe('2 Jan 2026');
    expect(u.computeDigest(u.DigestAlgorithm.MD5, realm.bytes)).toEqual(
      signed(createHash('md5').update('abc').digest()),
    );
  });

  it("accepts the emulated clock's Dates", () => {
    const { ws, u } = setup();
    expect(u.formatDate(ws.clock.date(), ws.timeZone, 'yyyy-MM-dd HH:mm')).toBe('2026-09-01 09:00');
  });
});

describe('Utilities digests, signatures and base64', () => {
  it("computeDigest gives signed bytes equal to node's SHA-256", () => {
    const { u } = setup();
    const bytes = u.computeDigest(u.DigestAlgorithm.SHA_256, 'héllo');
    expect(bytes).toEqual(signed(createHash('sha256').update('héllo', 'utf8').digest()));
    expect(bytes).toHaveLength(32);
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(127);
    expect(bytes.some((b) => b < 0)).toBe(true);
  });

  it('computeDigest takes Byte[] input, MD5 and SHA-1, and the US_ASCII charset', () => {
    const { u } = setup();
    expect(u.computeDigest(u.DigestAlgorithm.MD5, [97, 98, 99])).toEqual(
      signed(createHash('md5').update('abc').digest()),
    );
    expect(u.computeDigest(u.DigestAlgorithm.SHA_1, 'é', u.Charset.US_ASCII)).toEqual(
      signed(createHash('sha1').update('?').digest()),
    );
  });

  it('computeDigest with a string for the algorithm throws the method-signature message', () => {
    const { u } = setup();
    expect(() => u.computeDigest('SHA_256' as never, 'x')).toThrow(
      new Error(
        "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
      ),
    );
  });

  it("computeHmacSha256Signature equals node's HMAC-SHA256 as signed bytes", () => {
    const { u } = setup();
    expect(u.computeHmacSha256Signature('message', 'secret')).toEqual(
      signed(createHmac('sha256', 'secret').update('message').digest()),
    );
    expect(u.computeHmacSignature(u.MacAlgorithm.HMAC_SHA_512, 'message', 'secret')).toEqual(
      signed(createHmac('sha512', 'secret').update('message').digest()),
    );
  });

  it('base64 round-trips, the web-safe form uses - and _, and malformed input throws', () => {
    const { u } = setup();
    const data = [-5, -1, 62, 63];
    expect(u.base64Encode(data)).toBe('+/8+Pw==');
    expect(u.base64EncodeWebSafe(data)).toBe('-_8-Pw==');
    expect(u.base64Decode('+/8+Pw==')).toEqual(data);
    expect(u.base64DecodeWebSafe('-_8-Pw')).toEqual(data);
    expect(u.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    expect(() => u.base64Decode('not base64!')).toThrow(new Error('Could not decode string.'));
  });

  it('enums print as their names', () => {
    const { u } = setup();
    expect(String(u.DigestAlgorithm.SHA_256)).toBe('SHA_256');
    expect(String(u.Charset.UTF_8)).toBe('UTF_8');
  });
});

describe('Utilities misc', () => {
  it('getUuid gives distinct version-4 UUIDs from the deterministic ID factory', () => {
    const { u } = setup();
    const a = u.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(a);
  });

  it('sleep advances the emulated clock and the execution time by the time slept', () => {
    const { ws, exec, u } = setup();
    const before = ws.clock.now();
    u.sleep(2500);
    expect(ws.clock.now() - before).toBe(2500);
    expect(exec.elapsedMs).toBe(2500);
    expect(ws.accounting.tally()).toEqual([{ method: 'Utilities.sleep', calls: 1, modelledMs: 2500 }]);
  });

  it('sleep longer than 300000 ms throws and does not advance the clock', () => {
    const { ws, u } = setup();
    const before = ws.clock.now();
    expect(() => u.sleep(300_001)).toThrow(new Error('Invalid argument: milliseconds'));
    expect(ws.clock.now()).toBe(before);
  });

  it('sleep past a card callback limit ends the execution', () => {
    const { u } = setup('card');
    u.sleep(20_000);
    expect(() => u.sleep(20_000)).toThrow(new Error(EXCEEDED_MESSAGE));
  });

  it('newBlob wraps a string or Byte[] with content type and name', () => {
    const { u } = setup();
    const blob = u.newBlob('hi é', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('hi é');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('a.txt');
    expect(u.newBlob([-1, 0, 1]).getBytes()).toEqual([-1, 0, 1]);
  });

  it('formatString fills %s, %d and %f with widths, precision and flags', () => {
    const { u } = setup();
    expect(u.formatString('%s has %d items (%.2f%%)', 'Cart', 3.9, 12.345)).toBe('Cart has 3 items (12.35%)');
    expect(u.formatString('[%5s][%-5s][%05d][%+d][%x]', 'ab', 'cd', 42, 7, 255)).toBe(
      '[   ab][cd   ][00042][+7][ff]',
    );
  });

  it('parseCsv handles quotes, doubled quotes, line breaks in quotes and other delimiters', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c","say ""hi"""\n"multi\nline",,x\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
    expect(u.parseCsv('a;b\r\nc;d', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
