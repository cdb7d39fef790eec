import { createDocsApi } from '../../emulator/services/docs-api';
import { createDocumentApp } from '../../emulator/services/document';
import { newExec, newWorkspace } from './support';

describe('Docs API v1 advanced service: Documents.get', () => {
  it('gives the body as structural elements with Google’s indices: section break, paragraphs, a table, list items', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).create('AUP');
    const body = doc.getBody();
    body.getParagraphs()[0]?.setText('Rules');
    body.appendParagraph('Line one\nline two');
    body.appendTable([['Name', '']]);
    body.appendListItem('First rule');
    doc.saveAndClose();
    const got = createDocsApi(exec).Documents.get(doc.getId());
    const content = got.body?.content ?? [];
    expect(content[0]).toEqual({ endIndex: 1, sectionBreak: { sectionStyle: {} } });
    const text = (i: number) => content[i]?.paragraph?.elements?.map((e) => e.textRun?.content).join('');
    expect([text(1), text(2)]).toEqual(['Rules\n', 'Line one\u000bline two\n']);
    expect([content[1]?.startIndex, content[1]?.endIndex, content[2]?.startIndex]).toEqual([1, 7, 7]);
    const table = content[3];
    const row = table?.table?.tableRows?.[0];
    expect(table?.startIndex).toBe(25);
    expect(row?.startIndex).toBe(26);
    expect(row?.tableCells?.map((c) => [c.startIndex, c.content?.[0]?.startIndex, c.endIndex])).toEqual([
      [27, 28, 33],
      [33, 34, 35],
    ]);
    expect(table?.endIndex).toBe(36);
    const item = content.find((c) => c.paragraph?.bullet);
    expect(item?.paragraph?.bullet?.nestingLevel).toBe(0);
    expect(item?.startIndex).toBe(content[content.indexOf(item!) - 1]?.endIndex);
    expect(got.title).toBe('AUP');
  });

  it('answers 404 for a document that is not there and 403 for one the caller cannot read', () => {
    const ws = newWorkspace();
    const doc = createDocumentApp(newExec(ws)).create('Private');
    const asTeacher = createDocsApi(newExec(ws, 'teacher@school.example'));
    expect(() => asTeacher.Documents.get(doc.getId())).toThrow(
      'API call to docs.documents.get failed with error: The caller does not have permission',
    );
    expect(() => asTeacher.Documents.get('1nothing_here_at_all')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
  });

  it('refuses while the Docs API is off in the Cloud project, and costs more for a longer document', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).create('Long');
    ws.tenant.cloudApis.delete('docs');
    expect(() => createDocsApi(exec).Documents.get(doc.getId())).toThrow(/Google Docs API has not been used/);
    ws.tenant.cloudApis.add('docs');
    const before = ws.accounting.totalMs();
    createDocsApi(exec).Documents.get(doc.getId());
    const short = ws.accounting.totalMs() - before;
    const body = createDocumentApp(exec).openById(doc.getId()).getBody();
    body.appendParagraph('x'.repeat(100_000));
    const mid = ws.accounting.totalMs();
    createDocsApi(exec).Documents.get(doc.getId());
    expect(ws.accounting.totalMs() - mid).toBe(short + 200);
  });
});

describe('Docs API v1 advanced service: Documents.batchUpdate', () => {
  /** A document: "Title", "Marker", "Clause for {{Name}}", a 1×1 table, the empty paragraph after it, "End". */
  const setup = () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).create('AUP');
    const body = doc.getBody();
    body.getParagraphs()[0]?.setText('Title');
    body.appendParagraph('Marker');
    body.appendParagraph('Clause for {{Name}}');
    body.appendTable([['Cell']]);
    body.appendParagraph('End');
    doc.saveAndClose();
    const api = createDocsApi(exec);
    const texts = () =>
      (api.Documents.get(doc.getId()).body?.content ?? []).map((c) =>
        c.table ? 'TABLE' : (c.paragraph?.elements ?? []).map((e) => e.textRun?.content).join(''),
      );
    return { ws, exec, api, id: doc.getId(), texts };
  };

  it('applies requests in order: whole paragraphs deleted, text replaced in place, new paragraphs inserted', () => {
    const { api, id, texts } = setup();
    expect(texts()).toEqual(['', 'Title\n', 'Marker\n', 'Clause for {{Name}}\n', 'TABLE', '\n', 'End\n']);
    api.Documents.batchUpdate(
      {
        requests: [
          { insertText: { location: { index: 47 }, text: '\nSignature record' } },
          { deleteContentRange: { range: { startIndex: 25, endIndex: 33 } } },
          { insertText: { location: { index: 25 }, text: 'Zoë' } },
          { deleteContentRange: { range: { startIndex: 7, endIndex: 14 } } },
        ],
      },
      id,
    );
    expect(texts()).toEqual([
      '',
      'Title\n',
      'Clause for Zoë\n',
      'TABLE',
      '\n',
      'End\n',
      'Signature record\n',
    ]);
  });

  it.each([
    ['the last paragraph of the body', { startIndex: 44, endIndex: 49 }, /last newline/],
    ['the paragraph just before a table', { startIndex: 14, endIndex: 34 }, /newline before a table/],
    ['a range ending inside another paragraph', { startIndex: 7, endIndex: 16 }, /does not end where/],
  ])('refuses to delete %s, and applies nothing of the batch', (_what, range, message) => {
    const { api, id, texts } = setup();
    const before = texts();
    expect(() =>
      api.Documents.batchUpdate(
        {
          requests: [
            { insertText: { location: { index: 45 }, text: 'X' } },
            { deleteContentRange: { range } },
          ],
        },
        id,
      ),
    ).toThrow(message);
    expect(texts()).toEqual(before);
  });

  it('refuses an insertion on a table’s own index, restyles paragraphs and takes bullets off', () => {
    const { api, id } = setup();
    expect(() =>
      api.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 34 }, text: 'X' } }] }, id),
    ).toThrow(/insertion index must be inside the bounds of an existing paragraph/);
    api.Documents.batchUpdate(
      {
        requests: [
          {
            updateParagraphStyle: {
              range: { startIndex: 1, endIndex: 2 },
              paragraphStyle: { namedStyleType: 'HEADING_2' },
              fields: 'namedStyleType',
            },
          },
        ],
      },
      id,
    );
    const first = api.Documents.get(id).body?.content?.[1]?.paragraph?.paragraphStyle?.namedStyleType;
    expect(first).toBe('HEADING_2');
  });

  it('refuses a reader (403) and counts each call against the 60-a-minute write quota (429)', () => {
    const { ws, api, id } = setup();
    expect(() =>
      createDocsApi(newExec(ws, 'teacher@school.example')).Documents.batchUpdate({ requests: [] }, id),
    ).toThrow(/does not have permission|not found/);
    for (let i = 0; i < 60; i++) api.Documents.batchUpdate({ requests: [] }, id);
    expect(() => api.Documents.batchUpdate({ requests: [] }, id)).toThrow(
      /Write requests per minute per user/,
    );
    ws.clock.advanceTo(ws.clock.now() + 61_000);
    expect(api.Documents.batchUpdate({ requests: [] }, id).documentId).toBe(id);
  });
});

describe('Docs API v1: inserted text takes the style of the text before it', () => {
  it('a value inserted after bold text is bold until updateTextStyle resets it', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).create('AUP');
    doc.getBody().getParagraphs()[0]?.setText('Bold end');
    doc.getBody().getParagraphs()[0]?.editAsText().setBold(true);
    doc.saveAndClose();
    const api = createDocsApi(exec);
    api.Documents.batchUpdate(
      { requests: [{ insertText: { location: { index: 9 }, text: '\nRecord' } }] },
      doc.getId(),
    );
    const bold = () =>
      createDocumentApp(exec).openById(doc.getId()).getBody().getParagraphs()[1]?.editAsText().isBold(0);
    expect(bold()).toBe(true);
    api.Documents.batchUpdate(
      {
        requests: [
          {
            updateTextStyle: {
              range: { startIndex: 10, endIndex: 16 },
              textStyle: {},
              fields: 'bold,italic',
            },
          },
        ],
      },
      doc.getId(),
    );
    expect(bold()).toBe(false);
  });
});
