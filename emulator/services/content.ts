import type { Execution } from '../core/execution';

/** ContentService.MimeType values (developers.google.com/apps-script/reference/content/mime-type). */
const MIME_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'application/xml',
} as const;

type TextOutputMethods = 'getContent' | 'setContent' | 'append' | 'clear' | 'getMimeType' | 'setMimeType';

/**
 * A web app's text answer (developers.google.com/apps-script/reference/content/text-output).
 * `getMimeType` gives the ContentService.MimeType the output was set to (TEXT by default).
 */
export class FakeTextOutput implements Pick<GoogleAppsScript.Content.TextOutput, TextOutputMethods> {
  private mime: string = 'TEXT';
  constructor(
    private readonly exec: Execution,
    private content: string,
  ) {}

  getContent(): string {
    return this.exec.call('TextOutput.getContent', () => this.content);
  }

  setContent(content: string): GoogleAppsScript.Content.TextOutput {
    return this.exec.call('TextOutput.setContent', () => {
      this.content = String(content);
      return this as unknown as GoogleAppsScript.Content.TextOutput;
    });
  }

  append(addedContent: string): GoogleAppsScript.Content.TextOutput {
    return this.exec.call('TextOutput.append', () => {
      this.content += String(addedContent);
      return this as unknown as GoogleAppsScript.Content.TextOutput;
    });
  }

  clear(): GoogleAppsScript.Content.TextOutput {
    return this.exec.call('TextOutput.clear', () => {
      this.content = '';
      return this as unknown as GoogleAppsScript.Content.TextOutput;
    });
  }

  getMimeType(): GoogleAppsScript.Content.MimeType {
    return this.exec.call(
      'TextOutput.getMimeType',
      () => this.mime as unknown as GoogleAppsScript.Content.MimeType,
    );
  }

  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): GoogleAppsScript.Content.TextOutput {
    return this.exec.call('TextOutput.setMimeType', () => {
      const key = String(mimeType);
      if (!(key in MIME_TYPES)) throw this.exec.error(`Invalid argument: mimeType`);
      this.mime = key;
      return this as unknown as GoogleAppsScript.Content.TextOutput;
    });
  }

  /** The HTTP Content-Type this output is served with (for the host). */
  contentType(): string {
    return MIME_TYPES[this.mime as keyof typeof MIME_TYPES];
  }
}

/** ContentService (developers.google.com/apps-script/reference/content/content-service). */
export function createContentService(
  exec: Execution,
): Pick<GoogleAppsScript.Content.ContentService, 'createTextOutput' | 'MimeType'> {
  return {
    MimeType: Object.fromEntries(
      Object.keys(MIME_TYPES).map((k) => [k, k]),
    ) as unknown as typeof ContentService.MimeType,
    createTextOutput(content?: string): GoogleAppsScript.Content.TextOutput {
      return exec.call(
        'ContentService.createTextOutput',
        () =>
          new FakeTextOutput(
            exec,
            content === undefined ? '' : String(content),
          ) as unknown as GoogleAppsScript.Content.TextOutput,
      );
    },
  };
}
