import type { Execution } from '../core/execution';
import { MIME, type DriveItem } from '../core/workspace';
import { apiError, fileFor, googleApiCall, type GoogleApi } from './google-api';
import type { Workspace } from '../core/workspace';
import { DocContent, type BlockNode, type Heading, type ParaNode } from './document/model';
import { applyRequests, docContentOf, InvalidRequest } from './docs-batch';

type Document = GoogleAppsScript.Docs.Schema.Document;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;
type ParagraphElement = GoogleAppsScript.Docs.Schema.ParagraphElement;

/** The Docs API as advanced-service calls meet it. */
const DOCS_API: GoogleApi = {
  cloudApi: 'docs',
  title: 'Google Docs API',
  host: 'docs.googleapis.com',
  quotaMetric: 'Read requests',
};

/** Named paragraph styles of the Docs API for DocumentApp's headings. */
const NAMED_STYLE: Record<Heading, string> = {
  NORMAL: 'NORMAL_TEXT',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};

/**
 * Runs one Docs API call (see `googleApiCall`). `chars` (the document's text) adds to the modelled
 * time: [EST] 2 ms per 1,000 characters for the response, whose JSON carries every run's style
 * besides the text.
 */
function api<T>(exec: Execution, method: string, body: () => T, chars = 0): T {
  return googleApiCall(exec, DOCS_API, method, body, Math.round(chars / 500));
}

/**
 * `documents.get` (developers.google.com/docs/api/reference/rest/v1/documents/get): the whole
 * document as the Docs API gives it (developers.google.com/docs/api/concepts/structure). The
 * body's content opens with a section break (end index 1); each paragraph's text ends with "\n",
 * a line break inside it is "\u000b"; a page break or horizontal rule is one index; a table takes
 * one index, each row one, each cell one before its content, and one after its last row. List
 * items carry `bullet {listId, nestingLevel}`. Headers and footers come in `headers` / `footers`
 * keyed by ID, each with its own indices from 0. Indices count UTF-16 code units. A document the
 * caller cannot read answers 403 "The caller does not have permission"; one that does not exist,
 * is in the bin, or is not a Google Doc, 404 "Requested entity was not found.".
 */
function getDocument(exec: Execution, documentId: string): Document {
  const method = 'Docs.Documents.get';
  return api(
    exec,
    method,
    () => {
      const item = documentFor(exec, method, documentId, 'view');
      const content = docContentOf(item.content);
      const doc: Document = {
        documentId,
        title: item.name,
        revisionId: `r${item.updated.toString(36)}`,
        body: {
          content: [
            { endIndex: 1, sectionBreak: { sectionStyle: {} } },
            ...structural(content.body.children, 1),
          ],
        },
      };
      if (content.header) {
        doc.headers = {
          'kix.header0': { headerId: 'kix.header0', content: structural(content.header.children, 0) },
        };
        doc.documentStyle = { ...doc.documentStyle, defaultHeaderId: 'kix.header0' };
      }
      if (content.footer) {
        doc.footers = {
          'kix.footer0': { footerId: 'kix.footer0', content: structural(content.footer.children, 0) },
        };
        doc.documentStyle = { ...doc.documentStyle, defaultFooterId: 'kix.footer0' };
      }
      return doc;
    },
    textSize(exec, documentId),
  );
}

/** The characters of a document's text (0 for anything else), for the call's modelled time. */
function textSize(exec: Execution, documentId: string): number {
  const content = exec.ws.drive.get(documentId)?.content;
  return content instanceof DocContent ? content.toText().length : 0;
}

/** The Google Doc a call names, if the caller may `access` it (see `fileFor`). */
function documentFor(
  exec: Execution,
  method: string,
  documentId: string,
  access: 'view' | 'edit',
): DriveItem {
  return fileFor(exec, method, documentId, MIME.document, access);
}

/** Structural elements for a run of blocks starting at index `at`. */
function structural(blocks: readonly BlockNode[], at: number): StructuralElement[] {
  const out: StructuralElement[] = [];
  let index = at;
  for (const b of blocks) {
    const el = b.kind === 'TABLE' ? table(b, index) : paragraph(b, index);
    out.push(el);
    index = el.endIndex as number;
  }
  return out;
}

function paragraph(p: ParaNode, at: number): StructuralElement {
  const elements: ParagraphElement[] = [];
  let index = at;
  if (p.holds) {
    elements.push(
      p.holds === 'PAGE_BREAK'
        ? { startIndex: index, endIndex: index + 1, pageBreak: {} }
        : { startIndex: index, endIndex: index + 1, horizontalRule: {} },
    );
    index += 1;
  }
  const text = `${p.holds ? '' : p.text.replace(/\r/g, '\u000b')}\n`;
  elements.push({
    startIndex: index,
    endIndex: index + text.length,
    textRun: { content: text, textStyle: {} },
  });
  index += text.length;
  return {
    startIndex: at,
    endIndex: index,
    paragraph: {
      elements,
      paragraphStyle: { namedStyleType: NAMED_STYLE[p.heading] },
      ...(p.kind === 'LIST_ITEM' ? { bullet: { listId: p.listId, nestingLevel: p.nesting } } : {}),
    },
  };
}

function table(t: Extract<BlockNode, { kind: 'TABLE' }>, at: number): StructuralElement {
  let index = at + 1;
  const tableRows = t.rows.map((r) => {
    const rowStart = index;
    index += 1;
    const tableCells = r.cells.map((c) => {
      const cellStart = index;
      const content = structural(c.children, index + 1);
      index = (content[content.length - 1]?.endIndex as number | undefined) ?? index + 1;
      return { startIndex: cellStart, endIndex: index, content };
    });
    return { startIndex: rowStart, endIndex: index, tableCells };
  });
  return {
    startIndex: at,
    endIndex: index + 1,
    table: { rows: t.rows.length, columns: Math.max(0, ...t.rows.map((r) => r.cells.length)), tableRows },
  };
}

/** The Docs API's write quota: requests a minute per user (developers.google.com/docs/api/limits). */
export const WRITES_PER_MINUTE_PER_USER = 60;
/** Each user's recent write times, per Workspace, for the per-minute quota. */
const writes = new WeakMap<Workspace, Map<string, number[]>>();

/**
 * `documents.batchUpdate` (developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate):
 * the requests are applied in order, each to the document the previous left, and if any is invalid
 * none is (400 "Invalid requests[i].<kind>: …"; see docs-batch.ts for what is modelled). The caller
 * must be able to edit (403 "The caller does not have permission"); a missing document answers 404.
 * Each call counts against the write quota of 60 a minute per user (429 "Quota exceeded for quota
 * metric 'Write requests' and limit 'Write requests per minute per user'"). Replies are empty
 * objects, one per request, as for these request kinds.
 */
function batchUpdate(
  exec: Execution,
  resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
  documentId: string,
): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
  const method = 'Docs.Documents.batchUpdate';
  return api(
    exec,
    method,
    () => {
      const ws = exec.ws;
      const me = exec.effectiveUser;
      const item = documentFor(exec, method, documentId, 'edit');
      const now = ws.clock.now();
      const byUser = writes.get(ws) ?? new Map<string, number[]>();
      writes.set(ws, byUser);
      const recent = (byUser.get(me) ?? []).filter((t) => t > now - 60_000);
      if (recent.length >= WRITES_PER_MINUTE_PER_USER) {
        throw apiError(
          exec,
          method,
          "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com'.",
          429,
          'RESOURCE_EXHAUSTED',
          'rateLimitExceeded',
        );
      }
      byUser.set(me, [...recent, now]);
      const requests = resource.requests ?? [];
      let next: DocContent;
      try {
        next = applyRequests(docContentOf(item.content), requests);
      } catch (e) {
        if (e instanceof InvalidRequest)
          throw apiError(exec, method, e.message, 400, 'INVALID_ARGUMENT', 'badRequest');
        throw e;
      }
      item.content = next;
      item.updated = now;
      return {
        documentId,
        replies: requests.map(() => ({})),
        writeControl: { requiredRevisionId: `r${now.toString(36)}` },
      };
    },
    textSize(exec, documentId),
  );
}

/**
 * The Docs API advanced service (userSymbol `Docs`): `Docs.Documents.get` and
 * `Docs.Documents.batchUpdate`. The optional arguments of `get` (a `fields` mask,
 * `suggestionsViewMode`) are accepted and the whole document is returned, which a caller asking
 * for fewer fields can read as well.
 */
export function createDocsApi(exec: Execution): {
  Documents: Pick<GoogleAppsScript.Docs.Collection.DocumentsCollection, 'get' | 'batchUpdate'>;
} {
  return {
    Documents: {
      get: (documentId: string) => getDocument(exec, documentId),
      batchUpdate: (resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string) =>
        batchUpdate(exec, resource, documentId),
    },
  };
}
