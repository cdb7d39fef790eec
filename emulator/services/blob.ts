import type { Execution } from '../core/execution';

type BlobMethods =
  | 'getBytes'
  | 'getDataAsString'
  | 'getContentType'
  | 'getName'
  | 'setName'
  | 'setContentType'
  | 'setDataFromString'
  | 'copyBlob'
  | 'getAs'
  | 'getBlob';

/**
 * A data blob (developers.google.com/apps-script/reference/base/blob).
 * `getBytes()` gives signed bytes (-128..127) as Apps Script's Java-backed `Byte[]` does.
 */
export class FakeBlob implements Pick<GoogleAppsScript.Base.Blob, BlobMethods> {
  constructor(
    private readonly exec: Execution,
    private data: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  /** The raw bytes, unsigned (for the emulator and exporters). */
  rawBytes(): Uint8Array {
    return this.data;
  }

  getBytes(): GoogleAppsScript.Byte[] {
    return Array.from(this.data, (b) => (b > 127 ? b - 256 : b));
  }

  getDataAsString(charset?: string): string {
    if (charset && !/^utf-?8$/i.test(charset)) throw this.exec.error(`Unsupported charset: ${charset}`);
    return new TextDecoder('utf-8').decode(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this as unknown as GoogleAppsScript.Base.Blob;
  }

  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this as unknown as GoogleAppsScript.Base.Blob;
  }

  setDataFromString(s: string): GoogleAppsScript.Base.Blob {
    this.data = new TextEncoder().encode(s);
    return this as unknown as GoogleAppsScript.Base.Blob;
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return new FakeBlob(
      this.exec,
      this.data.slice(),
      this.contentType,
      this.name,
    ) as unknown as GoogleAppsScript.Base.Blob;
  }

  /** The blob itself (Blob is a BlobSource). */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this as unknown as GoogleAppsScript.Base.Blob;
  }

  /** Only a conversion to the blob's own type is supported; others throw as unsupported. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    throw this.exec.error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
  }
}

/** Bytes from Apps Script's signed `Byte[]` or a string, as `Utilities.newBlob` accepts. */
export function toBytes(data: string | ArrayLike<number>): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return Uint8Array.from(Array.from(data, (b) => b & 0xff));
}
