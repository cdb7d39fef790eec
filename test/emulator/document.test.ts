import {
  createDocumentApp,
  createDocumentFromElements,
  DocContent,
  documentElements,
  documentPdfBlocks,
  documentText,
} from '../../emulator/services/document';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;

function setup() {
  const ws = newWorkspace();
  const exec = newExec(ws);
  const DocumentApp = createDocumentApp(exec);
  return { ws, exec, DocumentApp };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('DocumentApp: create and open', () => {
  it('create makes a document owned by the effective user with one empty paragraph', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('AUP 2026');
    const item = ws.drive.get(doc.getId());
    expect(item?.owner).toBe(BM);
    expect(item?.mimeType).toBe('application/vnd.google-apps.document');
    expect(doc.getName()).toBe('AUP 2026');
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getText()).toBe('');
  });

  it('getUrl is the Docs editor URL and openByUrl opens the same document', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Policy');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(DocumentApp.openByUrl(doc.getUrl()).getName()).toBe('Policy');
  });

  it('openById of an unknown ID throws the missing-document message', () => {
    const { DocumentApp } = setup();
    expect(errorOf(() => DocumentApp.openById('nope'))).toBe(
      "Document nope is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  it('openById of a document the user cannot view throws the permission message', () => {
    const { ws, DocumentApp } = setup();
    const id = DocumentApp.create('Private').getId();
    const teacherApp = createDocumentApp(newExec(ws, TEACHER));
    expect(errorOf(() => teacherApp.openById(id))).toBe(
      'You do not have permission to access the requested document.',
    );
  });

  it('a viewer can read but any edit throws "Action not allowed"', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Shared');
    doc.getBody().appendParagraph('Read me');
    doc.addViewer(TEACHER);
    const asTeacher = createDocumentApp(newExec(ws, TEACHER)).openById(doc.getId());
    expect(asTeacher.getBody().getText()).toBe('\nRead me');
    expect(errorOf(() => asTeacher.getBody().appendParagraph('x'))).toBe('Action not allowed');
    expect(errorOf(() => asTeacher.getBody().replaceText('Read', 'Edit'))).toBe('Action not allowed');
    expect(errorOf(() => asTeacher.setName('Mine'))).toBe('Action not allowed');
  });

  it('domain sharing with edit lets another domain user edit', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Domain doc');
    const item = ws.drive.get(doc.getId())!;
    item.access = 'DOMAIN_WITH_LINK';
    item.permission = 'EDIT';
    const asTeacher = createDocumentApp(newExec(ws, TEACHER)).openById(doc.getId());
    asTeacher.getBody().appendParagraph('Signed');
    expect(DocumentApp.openById(doc.getId()).getBody().getText()).toContain('Signed');
  });

  it('edits through a Document after saveAndClose throw', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Closed');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(errorOf(() => body.appendParagraph('late'))).toBe(
      'Document is closed, its contents cannot be updated.',
    );
  });

  it('addEditor lists the editor (not the owner) and lets them edit; removeEditor takes it back', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Team');
    doc.addEditor(TEACHER);
    expect(doc.getEditors().map((u) => u.getEmail())).toEqual([TEACHER]);
    createDocumentApp(newExec(ws, TEACHER)).openById(doc.getId()).getBody().appendParagraph('ok');
    doc.removeEditor(TEACHER);
    expect(doc.getEditors()).toEqual([]);
    expect(errorOf(() => createDocumentApp(newExec(ws, TEACHER)).openById(doc.getId()))).toBe(
      'You do not have permission to access the requested document.',
    );
  });

  it('every call is counted under its Apps Script class name', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Counted');
    doc.getBody().appendParagraph('x').setText('y');
    const tally = ws.accounting.tally().map((t) => t.method);
    expect(tally).toEqual(
      expect.arrayContaining([
        'DocumentApp.create',
        'Document.getBody',
        'Body.appendParagraph',
        'Paragraph.setText',
      ]),
    );
  });
});

describe('Body: children and element types', () => {
  it('appendParagraph, appendListItem and appendTable add children of the right types', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Types').getBody();
    body.appendParagraph('Heading').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendListItem('First');
    body.appendTable([['a', 'b']]);
    const types = Array.from({ length: body.getNumChildren() }, (_, i) => String(body.getChild(i).getType()));
    expect(types).toEqual(['PARAGRAPH', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'PARAGRAPH']);
    expect(body.getChild(1).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
  });

  it('getChild returns the same element each time, so getChildIndex and removeChild work with either', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Identity').getBody();
    const p = body.appendParagraph('Me');
    expect(body.getChild(1)).toBe(body.getChild(1));
    expect(body.getChildIndex(p)).toBe(1);
    body.removeChild(body.getChild(1));
    expect(body.getNumChildren()).toBe(1);
  });

  it('getChild past the end throws the child-index message', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Index').getBody();
    expect(errorOf(() => body.getChild(3))).toBe(
      'Child index (3) must be less than the number of child elements (1).',
    );
  });

  it('insertParagraph places text at a 0-based index and siblings follow document order', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Insert').getBody();
    body.setText('one\nthree');
    const two = body.insertParagraph(1, 'two');
    expect(body.getText()).toBe('one\ntwo\nthree');
    expect(two.getPreviousSibling().asParagraph().getText()).toBe('one');
    expect(two.getNextSibling().asParagraph().getText()).toBe('three');
    expect(two.getParent()).toBe(body);
  });

  it('the last paragraph of the body cannot be removed', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Last').getBody();
    expect(errorOf(() => body.getChild(0).removeFromParent())).toBe(
      "Can't remove the last paragraph in a document section.",
    );
  });

  it('getParagraphs includes list items and paragraphs inside tables; getListItems and getTables find theirs', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('All').getBody();
    body.appendListItem('item');
    body.appendTable([['cell']]);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'item', 'cell', '']);
    expect(body.getListItems().map((l) => l.getText())).toEqual(['item']);
    expect(body.getTables()).toHaveLength(1);
  });

  it('a copied paragraph is detached and independent; inserting an attached one throws', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Copy').getBody();
    const p = body.appendParagraph('original');
    const c = p.copy();
    c.setText('copy');
    body.appendParagraph(c);
    expect(body.getText()).toBe('\noriginal\ncopy');
    expect(errorOf(() => body.appendParagraph(p))).toBe('Element must be detached.');
  });

  it('appendPageBreak and appendHorizontalRule add paragraphs holding them', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Breaks').getBody();
    const pb = body.appendPageBreak();
    const hr = body.appendHorizontalRule();
    expect(String(pb.getType())).toBe('PAGE_BREAK');
    expect(String(hr.getType())).toBe('HORIZONTAL_RULE');
    expect(String(pb.getParent().getType())).toBe('PARAGRAPH');
    expect(body.getNumChildren()).toBe(3);
  });

  it('clear leaves one empty paragraph; setText makes a paragraph per line', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Clear').getBody();
    body.setText('a\nb\nc');
    expect(body.getNumChildren()).toBe(3);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  it('newlines in a paragraph become line breaks ("\\r")', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('Breaks').getBody().appendParagraph('a\nb');
    expect(p.getText()).toBe('a\rb');
  });
});

describe('Tables and list items', () => {
  it('a table from a grid has rows and 0-based cells, and an empty paragraph follows it', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Table').getBody();
    const t = body.appendTable([
      ['Name', 'Signed'],
      ['Siobhán', 'yes'],
    ]);
    expect(t.getNumRows()).toBe(2);
    expect(t.getRow(1).getNumCells()).toBe(2);
    expect(t.getCell(1, 0).getText()).toBe('Siobhán');
    expect(t.getRow(0).getText()).toBe('Name\nSigned');
    expect(String(t.getNextSibling().getType())).toBe('PARAGRAPH');
    expect(errorOf(() => t.getCell(2, 0))).toBe(
      'Child index (2) must be less than the number of child elements (2).',
    );
  });

  it('table cells can be edited and rows appended', () => {
    const { DocumentApp } = setup();
    const t = DocumentApp.create('Cells')
      .getBody()
      .appendTable([['x']]);
    t.getCell(0, 0).setText('changed');
    t.getCell(0, 0).appendParagraph('second');
    expect(t.getCell(0, 0).getNumChildren()).toBe(2);
    t.appendTableRow().appendTableCell('new');
    expect(t.getText()).toBe('changed\nsecond\nnew');
    expect(t.getCell(1, 0).getParentRow().getParentTable()).toBe(t);
  });

  it('list items keep nesting level and glyph type', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('List').getBody();
    const li = body.appendListItem('Step one').setGlyphType(DocumentApp.GlyphType.NUMBER);
    const sub = body.appendListItem('Detail').setNestingLevel(1);
    expect(li.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(sub.getNestingLevel()).toBe(1);
    expect(String(sub.getType())).toBe('LIST_ITEM');
    expect(sub.asListItem()).toBe(sub);
  });

  it('casting an element to the wrong type throws', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Cast').getBody();
    body.appendTable([['a']]);
    expect(() => body.getChild(1).asParagraph()).toThrow();
  });
});

describe('replaceText and findText', () => {
  it('replaceText treats the pattern as a regular expression and replaces every match', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Merge').getBody();
    body.setText('Dear {{name}},\nSigned by {{name}} on {{date}}');
    body.replaceText('\\{\\{name\\}\\}', 'Zoë Łukasiewicz');
    body.replaceText('\\{\\{d.te\\}\\}', '1 Sept');
    expect(body.getText()).toBe('Dear Zoë Łukasiewicz,\nSigned by Zoë Łukasiewicz on 1 Sept');
  });

  it('replaceText matches within each paragraph, never across paragraphs', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Within').getBody();
    body.setText('start\nend');
    body.replaceText('start.end', 'X');
    body.replaceText('^e', 'E');
    expect(body.getText()).toBe('start\nEnd');
  });

  it('the replacement is literal text ($1 is not a group reference)', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('Literal').getBody().appendParagraph('cost: 5');
    p.replaceText('(\\d)', '$1.00');
    expect(p.getText()).toBe('cost: $1.00');
  });

  it('RE2-only syntax is understood and lookarounds are rejected', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('RE2').getBody();
    body.setText('Hello hello');
    body.replaceText('(?i)HELLO', 'hi');
    expect(body.getText()).toBe('hi hi');
    body.replaceText('\\Q.*\\E|[[:digit:]]', '?');
    expect(body.getText()).toBe('hi hi');
    expect(() => body.replaceText('h(?=i)', 'x')).toThrow();
    expect(() => body.replaceText('\\pL', 'x')).toThrow();
  });

  it('replaceText on a table replaces inside its cells', () => {
    const { DocumentApp } = setup();
    const t = DocumentApp.create('T')
      .getBody()
      .appendTable([['{{a}}', 'b']]);
    t.replaceText('\\{\\{a\\}\\}', 'A');
    expect(t.getCell(0, 0).getText()).toBe('A');
  });

  it('findText returns the matching Text with inclusive offsets and continues from a previous result', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Find').getBody();
    body.setText('no match\nsign here, sign');
    const first = body.findText('sign');
    expect(first).not.toBeNull();
    expect(first.getStartOffset()).toBe(0);
    expect(first.getEndOffsetInclusive()).toBe(3);
    expect(first.isPartial()).toBe(true);
    expect(first.getElement().asText().getText()).toBe('sign here, sign');
    expect(String(first.getElement().getParent().getType())).toBe('PARAGRAPH');
    const second = body.findText('sign', first);
    expect(second.getStartOffset()).toBe(11);
    expect(body.findText('sign', second)).toBeNull();
  });
});

describe('Text editing', () => {
  it('insertText, appendText, deleteText and setBold edit a paragraph with inclusive offsets', () => {
    const { DocumentApp } = setup();
    const text = DocumentApp.create('Text').getBody().appendParagraph('I agree').editAsText();
    text.insertText(2, 'fully ');
    text.appendText('.');
    expect(text.getText()).toBe('I fully agree.');
    text.deleteText(2, 7);
    expect(text.getText()).toBe('I agree.');
    text.setBold(2, 6, true);
    expect(text.isBold(2)).toBe(true);
    expect(text.isBold(0)).toBe(false);
    expect(errorOf(() => text.deleteText(0, 50))).toBe(
      'Index (50) must be less than the content length (8).',
    );
  });

  it("the body's text joins paragraphs with \\n and deleting a separator merges paragraphs", () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Merge').getBody();
    body.setText('ab\ncd');
    const text = body.editAsText();
    text.deleteText(2, 2);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('abcd');
    text.insertText(2, '\n');
    expect(body.getNumChildren()).toBe(2);
  });
});

describe('Node-side helpers', () => {
  it('createDocumentFromElements and documentText render glyphs, numbering and tables', () => {
    const ws = newWorkspace();
    const id = createDocumentFromElements(ws, BM, 'Template', [
      { type: 'paragraph', text: 'Acceptable Use Policy', heading: 'TITLE' },
      { type: 'listItem', text: 'Be kind' },
      { type: 'listItem', text: 'Be safe', ordered: true },
      { type: 'listItem', text: 'Lock screens', ordered: true },
      { type: 'table', rows: [['Name', 'Date']] },
    ]);
    expect(documentText(ws, id)).toBe(
      'Acceptable Use Policy\n• Be kind\n1. Be safe\n2. Lock screens\nName | Date\n',
    );
    expect(ws.drive.get(id)?.owner).toBe(BM);
  });

  it('documentElements reads back what the add-on wrote', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Round trip');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Title');
    body.getChild(0).asParagraph().setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendListItem('one').setNestingLevel(1);
    expect(documentElements(ws, doc.getId())).toEqual([
      { type: 'paragraph', text: 'Title', heading: 'HEADING1' },
      { type: 'listItem', text: 'one', nesting: 1, listId: expect.any(String) },
    ]);
  });

  it('documentElements round-trips lists, multi-paragraph cells, line breaks, header and footer', () => {
    const ws = newWorkspace();
    const elements = [
      { type: 'header' as const, paragraphs: ['School AUP'] },
      { type: 'paragraph' as const, text: 'a\rb' },
      { type: 'listItem' as const, text: 'six', ordered: true, listId: 'kix.l1', start: 6 },
      {
        type: 'listItem' as const,
        text: 'sub',
        nesting: 1,
        glyph: 'LATIN_LOWER' as const,
        ordered: true,
        listId: 'kix.l1',
      },
      { type: 'table' as const, rows: [[['Name:', 'Date:'], '']] },
      { type: 'paragraph' as const, text: '' },
      { type: 'footer' as const, paragraphs: ['Page footer'] },
    ];
    const id = createDocumentFromElements(ws, BM, 'Round', elements);
    expect(documentElements(ws, id)).toEqual(elements);
    expect(documentText(ws, id)).toBe(
      'School AUP\na\nb\n6. six\n  a. sub\nName: | \nDate: | \n\nPage footer',
    );
  });
});

describe('List IDs (ListItem.getListId / setListId)', () => {
  it('items of one list keep counting across a paragraph, a table and a bulleted sub-list', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Lists');
    const body = doc.getBody();
    const first = body.appendListItem('one').setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendListItem('two');
    body.appendListItem('bullet').setNestingLevel(1).setGlyphType(DocumentApp.GlyphType.BULLET);
    body.appendParagraph('Between');
    body.appendTable([['cell']]);
    const three = body.appendListItem('three').setGlyphType(DocumentApp.GlyphType.NUMBER);
    expect(three.getListId()).not.toBe(first.getListId());
    expect(documentText(ws, doc.getId())).toContain('\n1. three');
    three.setListId(first);
    expect(three.getListId()).toBe(first.getListId());
    expect(documentText(ws, doc.getId())).toBe('\n1. one\n2. two\n  • bullet\nBetween\ncell\n\n3. three');
  });

  it('an item appended right after a list item joins its list; a nested numbered level restarts when its parent advances', () => {
    const ws = newWorkspace();
    const id = createDocumentFromElements(ws, BM, 'Nested', [
      { type: 'listItem', text: 'A', ordered: true },
      { type: 'listItem', text: 'a1', ordered: true, nesting: 1 },
      { type: 'listItem', text: 'a2', ordered: true, nesting: 1 },
      { type: 'listItem', text: 'B', ordered: true },
      { type: 'listItem', text: 'b1', ordered: true, nesting: 1 },
    ]);
    expect(documentText(ws, id)).toBe('1. A\n  1. a1\n  2. a2\n2. B\n  1. b1');
  });

  it('setListId needs a ListItem', () => {
    const { DocumentApp } = setup();
    const item = DocumentApp.create('Bad').getBody().appendListItem('x');
    expect(errorOf(() => item.setListId('nope' as unknown as GoogleAppsScript.Document.ListItem))).toBe(
      'Invalid argument: listItem',
    );
  });
});

describe('Header and footer sections', () => {
  it('getHeader / getFooter are null until added; a second addHeader throws', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Sections');
    expect(doc.getHeader()).toBeNull();
    expect(doc.getFooter()).toBeNull();
    const header = doc.addHeader();
    expect(String(header.getType())).toBe('HEADER_SECTION');
    expect(header.getNumChildren()).toBe(1);
    expect(doc.getHeader()).toBe(header);
    expect(errorOf(() => doc.addHeader())).toBe('Document already contains a header.');
    expect(String(doc.addFooter().getType())).toBe('FOOTER_SECTION');
    expect(errorOf(() => doc.addFooter())).toBe('Document already contains a footer.');
  });

  it('a header holds paragraphs like the body: append, read, replace, and it keeps its last paragraph', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Header');
    const header = doc.addHeader();
    header.getChild(0).asParagraph().setText('{{School}}');
    header.appendParagraph('Staff AUP');
    header.replaceText('\\{\\{School\\}\\}', 'Oakfield');
    expect(header.getText()).toBe('Oakfield\nStaff AUP');
    expect(header.getParagraphs().map((p) => p.getText())).toEqual(['Oakfield', 'Staff AUP']);
    expect(header.editAsText().getText()).toBe('Oakfield\nStaff AUP');
    expect(String(header.getChild(1).getParent().getType())).toBe('HEADER_SECTION');
    header.removeChild(header.getChild(0));
    expect(errorOf(() => header.getChild(0).removeFromParent())).toBe(
      "Can't remove the last paragraph in a document section.",
    );
    doc.addFooter().appendParagraph('Reviewed annually');
    expect(documentText(ws, doc.getId())).toBe('Staff AUP\n\n\nReviewed annually');
  });

  it('a viewer cannot add a header', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Viewer');
    doc.addViewer(TEACHER);
    const asTeacher = createDocumentApp(newExec(ws, TEACHER)).openById(doc.getId());
    expect(errorOf(() => asTeacher.addHeader())).toBe('Action not allowed');
  });

  it('the PDF shows the header first and the footer last', () => {
    const ws = newWorkspace();
    const id = createDocumentFromElements(ws, BM, 'PDF', [
      { type: 'header', paragraphs: ['Top'] },
      { type: 'paragraph', text: 'Body' },
      { type: 'footer', paragraphs: ['Bottom'] },
    ]);
    const blocks = documentPdfBlocks(ws.drive.get(id)?.content as DocContent);
    expect(blocks.map((b) => b.text)).toEqual(['Top', 'Body', 'Bottom']);
  });
});
