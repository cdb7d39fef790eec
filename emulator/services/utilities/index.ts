import type { Execution } from '../../core/execution';
import { FakeBlob } from '../blob';
import { base64, bytesOf, CHARSETS, digest, DIGESTS, hmac, MACS, signed, unbase64 } from './bytes';
import { formatSimpleDate } from './format-date';
import { formatString, parseCsv, signatureMessage } from './text';

/** Longest `Utilities.sleep`, in ms (reference page: "The maximum allowed value is 300000"). */
export const MAX_SLEEP_MS = 300_000;

/** An Apps Script enum value: an object that prints as its name. */
export class EnumValue {
  constructor(private readonly label: string) {}
  name(): string {
    return this.label;
  }
  toString(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
}

function enumOf<K extends string>(names: readonly K[]): Readonly<Record<K, EnumValue>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, new EnumValue(n)])) as Record<K, EnumValue>);
}

const Charset = enumOf(Object.keys(CHARSETS) as (keyof typeof CHARSETS)[]);
const DigestAlgorithm = enumOf(Object.keys(DIGESTS) as (keyof typeof DIGESTS)[]);
const MacAlgorithm = enumOf(Object.keys(MACS) as (keyof typeof MACS)[]);

function isMember(e: Readonly<Record<string, EnumValue>>, v: unknown): v is EnumValue {
  return Object.values(e).includes(v as EnumValue);
}

type Bytes = GoogleAppsScript.Byte[];
type CharsetArg = GoogleAppsScript.Utilities.Charset;
type UtilitiesMethods =
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'getUuid'
  | 'sleep'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'newBlob'
  | 'parseCsv';

/**
 * The `Utilities` global (developers.google.com/apps-script/reference/utilities/utilities).
 * Byte arrays in and out are Java-style signed `Byte[]` (-128..127). Enums are objects that print
 * as their name; a plain string where an enum belongs, or any argument no overload takes, throws
 * "The parameters (...) don't match the method signature for Utilities.x.". `sleep` advances
 * modelled time (at most 300000 ms); `formatDate` follows Java `SimpleDateFormat` in Locale.US;
 * malformed base64 throws "Could not decode string.". MD2 is not offered.
 */
export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm = DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;

  constructor(private readonly exec: Execution) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return this.exec.call('Utilities.formatDate', () => {
      const isDate = Object.prototype.toString.call(date) === '[object Date]';
      if (!isDate || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw this.mismatch('formatDate', [date, timeZone, format]);
      }
      return formatSimpleDate(date.getTime(), timeZone, format, (m) => this.exec.error(m));
    });
  }

  formatString(template: string, ...args: unknown[]): string {
    return this.exec.call('Utilities.formatString', () => formatString(template, args));
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: Bytes | string,
    charset?: CharsetArg,
  ): Bytes {
    return this.exec.call('Utilities.computeDigest', () => {
      const args = [algorithm, value, charset];
      if (!isMember(DigestAlgorithm, algorithm) || !this.isData(value, charset))
        throw this.mismatch('computeDigest', args);
      return signed(digest(DIGESTS[algorithm.name() as keyof typeof DIGESTS], bytesOf(value, charset)));
    });
  }

  computeHmacSha256Signature(value: Bytes | string, key: Bytes | string, charset?: CharsetArg): Bytes {
    return this.exec.call('Utilities.computeHmacSha256Signature', () =>
      this.mac('computeHmacSha256Signature', 'sha256', value, key, charset),
    );
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: Bytes | string,
    key: Bytes | string,
    charset?: CharsetArg,
  ): Bytes {
    return this.exec.call('Utilities.computeHmacSignature', () => {
      if (!isMember(MacAlgorithm, algorithm))
        throw this.mismatch('computeHmacSignature', [algorithm, value, key]);
      return this.mac(
        'computeHmacSignature',
        MACS[algorithm.name() as keyof typeof MACS],
        value,
        key,
        charset,
      );
    });
  }

  getUuid(): string {
    return this.exec.call('Utilities.getUuid', () => this.exec.ws.ids.uuid());
  }

  /** Pauses for `milliseconds` of modelled time (counted against the execution's limit). */
  sleep(milliseconds: GoogleAppsScript.Integer): void {
    const ms = Number(milliseconds);
    const valid = ms >= 0 && ms <= MAX_SLEEP_MS;
    this.exec.call(
      'Utilities.sleep',
      () => {
        if (!valid) throw this.exec.error('Invalid argument: milliseconds');
      },
      valid ? ms : 0,
    );
  }

  base64Encode(data: Bytes | string, charset?: CharsetArg): string {
    return this.exec.call('Utilities.base64Encode', () =>
      this.encode64('base64Encode', data, charset, false),
    );
  }

  base64EncodeWebSafe(data: Bytes | string, charset?: CharsetArg): string {
    return this.exec.call('Utilities.base64EncodeWebSafe', () =>
      this.encode64('base64EncodeWebSafe', data, charset, true),
    );
  }

  base64Decode(encoded: string, charset?: CharsetArg): Bytes {
    return this.exec.call('Utilities.base64Decode', () =>
      this.decode64('base64Decode', encoded, charset, false),
    );
  }

  base64DecodeWebSafe(encoded: string, charset?: CharsetArg): Bytes {
    return this.exec.call('Utilities.base64DecodeWebSafe', () =>
      this.decode64('base64DecodeWebSafe', encoded, charset, true),
    );
  }

  /** A blob of `data` (a string as UTF-8, or `Byte[]`), with content type and name null unless given. */
  newBlob(data: Bytes | string, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return this.exec.call('Utilities.newBlob', () => {
      if (!this.isData(data)) throw this.mismatch('newBlob', [data, contentType, name]);
      const blob = new FakeBlob(this.exec, bytesOf(data), contentType ?? null, name ?? null);
      return blob as unknown as GoogleAppsScript.Base.Blob;
    });
  }

  parseCsv(csv: string, delimiter?: GoogleAppsScript.Char): string[][] {
    return this.exec.call('Utilities.parseCsv', () => {
      if (typeof csv !== 'string') throw this.mismatch('parseCsv', [csv, delimiter]);
      return parseCsv(csv, delimiter ?? ',');
    });
  }

  private isData(value: unknown, charset?: unknown): value is Bytes | string {
    if (charset !== undefined && (typeof value !== 'string' || !isMember(Charset, charset))) return false;
    return typeof value === 'string' || Array.isArray(value);
  }

  private mac(
    method: string,
    algorithm: string,
    value: Bytes | string,
    key: Bytes | string,
    charset?: CharsetArg,
  ) {
    const sameKind = typeof value === typeof key && Array.isArray(value) === Array.isArray(key);
    if (!sameKind || !this.isData(value, charset) || !this.isData(key, charset)) {
      throw this.mismatch(method, [value, key, charset]);
    }
    return signed(hmac(algorithm, bytesOf(value, charset), bytesOf(key, charset)));
  }

  private encode64(
    method: string,
    data: Bytes | string,
    charset: CharsetArg | undefined,
    webSafe: boolean,
  ): string {
    if (!this.isData(data, charset)) throw this.mismatch(method, [data, charset]);
    return base64(bytesOf(data, charset), webSafe);
  }

  private decode64(
    method: string,
    encoded: string,
    charset: CharsetArg | undefined,
    webSafe: boolean,
  ): Bytes {
    if (typeof encoded !== 'string' || (charset !== undefined && !isMember(Charset, charset))) {
      throw this.mismatch(method, [encoded, charset]);
    }
    const bytes = unbase64(encoded, webSafe);
    if (!bytes) throw this.exec.error('Could not decode string.');
    return signed(bytes);
  }

  private mismatch(method: string, args: unknown[]): Error {
    return this.exec.error(signatureMessage(`Utilities.${method}`, args));
  }
}

/** The `Utilities` global for one execution. */
export function createUtilities(
  exec: Execution,
): Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  return new FakeUtilities(exec);
}
