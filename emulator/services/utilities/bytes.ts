import { createHash, createHmac } from 'node:crypto';
import { toBytes } from '../blob';

/** Node's name for each `Utilities.DigestAlgorithm` the emulator supports (MD2 is not offered). */
export const DIGESTS = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
} as const;

/** Node's name for each `Utilities.MacAlgorithm`. */
export const MACS = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
} as const;

/** `Utilities.Charset` names. */
export const CHARSETS = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/**
 * A string's bytes in `charset` (UTF-8 by default); US-ASCII turns every other character into
 * `?` as Java's encoder does.
 */
export function encode(text: string, charset?: unknown): Uint8Array {
  if (String(charset) !== CHARSETS.US_ASCII) return toBytes(text);
  return Uint8Array.from(Array.from(text, (ch) => (ch.codePointAt(0)! < 128 ? ch.codePointAt(0)! : 63)));
}

/** A string (in `charset`) or Apps Script's signed `Byte[]` as raw bytes. */
export function bytesOf(value: string | ArrayLike<number>, charset?: unknown): Uint8Array {
  return typeof value === 'string' ? encode(value, charset) : toBytes(value);
}

/** Raw bytes as Apps Script's Java-backed `Byte[]`: signed, -128..127. */
export function signed(bytes: Uint8Array): GoogleAppsScript.Byte[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** The digest of `data` with node's `algorithm`. */
export function digest(algorithm: string, data: Uint8Array): Uint8Array {
  return createHash(algorithm).update(data).digest();
}

/** The HMAC of `data` under `key` with node's `algorithm`. */
export function hmac(algorithm: string, data: Uint8Array, key: Uint8Array): Uint8Array {
  return createHmac(algorithm, key).update(data).digest();
}

/** Base64 (RFC 4648) with padding; web-safe uses `-` and `_` for `+` and `/`. */
export function base64(data: Uint8Array, webSafe: boolean): string {
  const s = Buffer.from(data).toString('base64');
  return webSafe ? s.replace(/\+/g, '-').replace(/\//g, '_') : s;
}

/** Decodes base64 (web-safe alphabet when `webSafe`), padding optional; undefined when malformed. */
export function unbase64(encoded: string, webSafe: boolean): Uint8Array | undefined {
  const alphabet = webSafe ? /^[A-Za-z0-9\-_]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  const s = encoded.replace(/\s+/g, '');
  if (!alphabet.test(s) || s.replace(/=+$/, '').length % 4 === 1) return undefined;
  if (s.endsWith('=') && s.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(s, webSafe ? 'base64url' : 'base64'));
}
