import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/**
 * Deterministic Drive-style IDs (44 characters of [A-Za-z0-9_-], as Drive file IDs are), so two
 * runs of the same scenario give the same IDs and outputs can be compared.
 */
export class IdFactory {
  private n = 0;
  constructor(private readonly seed = 'aup-signer') {}

  /** The next ID, of `length` characters (44 like a Drive file ID by default). */
  next(length = 44): string {
    this.n += 1;
    const bytes = createHash('sha256').update(`${this.seed}:${this.n}`).digest();
    let out = '1';
    for (let i = 0; out.length < length; i++) out += ALPHABET[bytes[i % bytes.length]! % 64];
    return out;
  }

  /** An RFC 4122 version-4-shaped UUID, deterministic for this factory. */
  uuid(): string {
    this.n += 1;
    const h = createHash('sha256').update(`${this.seed}:uuid:${this.n}`).digest('hex');
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
