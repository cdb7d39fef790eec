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
