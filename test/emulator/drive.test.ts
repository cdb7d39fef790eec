import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { FakeBlob } from '../../emulator/services/blob';
import { createDocumentApp, documentText } from '../../emulator/services/document';
import { createDriveApp } from '../../emulator/services/drive';
import { DOMAIN, newExec, newWorkspace } from './support';

const BM = `bm@${DOMAIN}`;
const TEACHER = `teacher@${DOMAIN}`;
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function setup() {
  const ws = newWorkspace();
  const exec = newExec(ws);
  return { ws, exec, DriveApp: createDriveApp(exec), DocumentApp: createDocumentApp(exec) };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

function bytesOf(blob: GoogleAppsScript.Base.Blob): Uint8Array {
  return Uint8Array.from(blob.getBytes(), (b) => b & 0xff);
}

/** The text of a PDF's ToUnicode maps (which characters its pages show), from its Flate streams. */
function unicodeMaps(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const data = Buffer.from(raw.slice(start, raw.indexOf('endstream', start)), 'latin1');
    try {
      const text = inflateSync(data).toString('latin1');
      if (text.includes('beginbf')) out += text;
    } catch {
      // not a Flate stream
    }
  }
  return out;
}

describe('DriveApp: lookup and errors', () => {
  it('getFileById of an unknown ID throws the not-found message', () => {
    const { DriveApp } = setup();
    expect(errorOf(() => DriveApp.getFileById('missing'))).toBe(NOT_FOUND);
  });

  it('getFileById of a file the user cannot see throws the same message', () => {
    const { ws, DocumentApp } = setup();
    const id = DocumentApp.create('Private').getId();
    expect(errorOf(() => createDriveApp(newExec(ws, TEACHER)).getFileById(id))).toBe(NOT_FOUND);
  });

  it('getFolderById of a file (not a folder) throws the not-found message', () => {
    const { DriveApp, DocumentApp } = setup();
    const id = DocumentApp.create('Doc').getId();
    expect(errorOf(() => DriveApp.getFolderById(id))).toBe(NOT_FOUND);
  });

  it('a file reports its ID, name, MIME type, owner, URL and dates from the emulated clock', () => {
    const { ws, DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('AUP');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getName()).toBe('AUP');
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getOwner().getEmail()).toBe(BM);
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(Object.prototype.toString.call(file.getDateCreated())).toBe('[object Date]');
    expect(file.getDateCreated().getTime()).toBe(ws.drive.get(doc.getId())?.created);
    expect(file.getSize()).toBe(0);
  });

  it('folder URLs are Drive folder links and uploaded files get the file viewer link', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('Signed');
    const file = folder.createFile('notes.txt', 'hello', 'text/plain');
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
  });
});

describe('Files and folders', () => {
  it('createFile from a blob keeps its name, type and bytes', () => {
    const { exec, DriveApp } = setup();
    const blob = new FakeBlob(exec, new TextEncoder().encode('a,b\n1,2'), 'text/csv', 'data.csv');
    const file = DriveApp.createFile(blob as unknown as GoogleAppsScript.Base.Blob);
    expect(file.getName()).toBe('data.csv');
    expect(file.getMimeType()).toBe('text/csv');
    expect(file.getSize()).toBe(7);
    expect(file.getBlob().getDataAsString()).toBe('a,b\n1,2');
    expect(file.getParents().next().getId()).toBe(DriveApp.getRootFolder().getId());
  });

  it('folders list their files and subfolders, and moveTo changes the parent', () => {
    const { DriveApp } = setup();
    const a = DriveApp.createFolder('A');
    const b = a.createFolder('B');
    const f = a.createFile('one.txt', '1');
    a.createFile('two.txt', '2');
    expect(a.getFolders().next().getName()).toBe('B');
    expect(a.getFilesByName('two.txt').next().getName()).toBe('two.txt');
    f.moveTo(b);
    expect(b.getFiles().next().getId()).toBe(f.getId());
    expect(f.getParents().next().getId()).toBe(b.getId());
  });

  it('iterators walk every item and next past the end throws', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('Iter');
    folder.createFile('x.txt', 'x');
    folder.createFile('y.txt', 'y');
    const it = folder.getFiles();
    const names: string[] = [];
    while (it.hasNext()) names.push(it.next().getName());
    expect(names).toEqual(['x.txt', 'y.txt']);
    expect(errorOf(() => it.next())).toBe('Cannot retrieve the next object: iterator has reached the end.');
  });

  it("getFilesByName and getFoldersByName search the user's Drive only", () => {
    const { ws, DriveApp } = setup();
    DriveApp.createFolder('Shared');
    DriveApp.createFile('report.txt', 'mine');
    const teacherDrive = createDriveApp(newExec(ws, TEACHER));
    teacherDrive.createFile('report.txt', 'theirs');
    const it = DriveApp.getFilesByName('report.txt');
    expect(it.next().getBlob().getDataAsString()).toBe('mine');
    expect(it.hasNext()).toBe(false);
    expect(DriveApp.getFoldersByName('Shared').hasNext()).toBe(true);
    expect(teacherDrive.getFoldersByName('Shared').hasNext()).toBe(false);
  });

  it('setTrashed and isTrashed; trashed files are still found by ID', () => {
    const { DriveApp } = setup();
    const f = DriveApp.createFile('old.txt', 'x');
    f.setTrashed(true);
    expect(DriveApp.getFileById(f.getId()).isTrashed()).toBe(true);
  });

  it('description is null until set', () => {
    const { DriveApp } = setup();
    const f = DriveApp.createFile('d.txt', 'x');
    expect(f.getDescription()).toBeNull();
    f.setDescription('Signed copies');
    expect(f.getDescription()).toBe('Signed copies');
  });
});

describe('Sharing and access', () => {
  it('a viewer can read but setName, addEditor and setTrashed throw "Access denied: DriveApp."', () => {
    const { ws, DriveApp } = setup();
    const f = DriveApp.createFile('policy.txt', 'text');
    f.addViewer(TEACHER);
    const asTeacher = createDriveApp(newExec(ws, TEACHER)).getFileById(f.getId());
    expect(asTeacher.getName()).toBe('policy.txt');
    expect(errorOf(() => asTeacher.setName('x'))).toBe('Access denied: DriveApp.');
    expect(errorOf(() => asTeacher.addEditor(TEACHER))).toBe('Access denied: DriveApp.');
    expect(errorOf(() => asTeacher.setTrashed(true))).toBe('Access denied: DriveApp.');
  });

  it('editors and viewers are listed without the owner; a viewer made editor moves lists', () => {
    const { DriveApp } = setup();
    const f = DriveApp.createFile('team.txt', 'x');
    f.addViewers([TEACHER]);
    expect(f.getViewers().map((u) => u.getEmail())).toEqual([TEACHER]);
    f.addEditor(TEACHER);
    expect(f.getEditors().map((u) => u.getEmail())).toEqual([TEACHER]);
    expect(f.getViewers()).toEqual([]);
    f.removeEditor(TEACHER);
    expect(f.getEditors()).toEqual([]);
  });

  it('getEditors is empty for a user who cannot edit', () => {
    const { ws, DriveApp } = setup();
    const f = DriveApp.createFile('x.txt', 'x');
    f.addViewer(TEACHER);
    expect(createDriveApp(newExec(ws, TEACHER)).getFileById(f.getId()).getEditors()).toEqual([]);
  });

  it('domain sharing makes a file visible to everyone in the domain, with the given permission', () => {
    const { ws, DriveApp } = setup();
    const f = DriveApp.createFile('open.txt', 'x');
    f.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
    expect(f.getSharingAccess()).toBe(DriveApp.Access.DOMAIN_WITH_LINK);
    expect(f.getSharingPermission()).toBe(DriveApp.Permission.VIEW);
    const asTeacher = createDriveApp(newExec(ws, TEACHER)).getFileById(f.getId());
    expect(errorOf(() => asTeacher.setDescription('x'))).toBe('Access denied: DriveApp.');
    ws.addExternal('parent@gmail.example');
    expect(errorOf(() => createDriveApp(newExec(ws, 'parent@gmail.example')).getFileById(f.getId()))).toBe(
      NOT_FOUND,
    );
  });

  it('setSharing rejects OWNER as a permission', () => {
    const { DriveApp } = setup();
    const f = DriveApp.createFile('x.txt', 'x');
    expect(() => f.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.OWNER)).toThrow();
  });

  it('sharing a folder shares what is in it, and new files inherit it', () => {
    const { ws, DriveApp } = setup();
    const folder = DriveApp.createFolder('Staff');
    const before = folder.createFile('before.txt', 'x');
    folder.addEditor(TEACHER);
    const after = folder.createFile('after.txt', 'y');
    const teacherDrive = createDriveApp(newExec(ws, TEACHER));
    teacherDrive.getFileById(before.getId()).setName('renamed');
    expect(teacherDrive.getFileById(after.getId()).getName()).toBe('after.txt');
  });

  it('addEditor with something that is not an email address throws', () => {
    const { DriveApp } = setup();
    const f = DriveApp.createFile('x.txt', 'x');
    expect(errorOf(() => f.addEditor('not-an-email'))).toBe('Invalid email: not-an-email');
  });
});

describe('makeCopy', () => {
  it('a copy is owned by the copier, deep-cloned, and does not carry the sharing', () => {
    const { ws, DocumentApp } = setup();
    const template = DocumentApp.create('Template');
    template.getBody().appendParagraph('Dear {{name}}');
    template.addViewer(TEACHER);
    const asTeacher = createDriveApp(newExec(ws, TEACHER));
    const copy = asTeacher.getFileById(template.getId()).makeCopy('Tom signed');
    expect(copy.getOwner().getEmail()).toBe(TEACHER);
    expect(copy.getName()).toBe('Tom signed');
    expect(ws.drive.get(copy.getId())?.viewers.size).toBe(0);
    createDocumentApp(newExec(ws, TEACHER))
      .openById(copy.getId())
      .getBody()
      .replaceText('\\{\\{name\\}\\}', 'Tom');
    expect(documentText(ws, copy.getId())).toBe('\nDear Tom');
    expect(documentText(ws, template.getId())).toBe('\nDear {{name}}');
  });

  it('makeCopy defaults to "Copy of NAME" and honours a destination folder', () => {
    const { DriveApp } = setup();
    const dest = DriveApp.createFolder('Out');
    const f = DriveApp.createFile('a.txt', 'x');
    expect(f.makeCopy().getName()).toBe('Copy of a.txt');
    const c = f.makeCopy('b.txt', dest);
    expect(c.getParents().next().getId()).toBe(dest.getId());
    expect(c.getBlob().getDataAsString()).toBe('x');
  });

  it('copying into a folder the user cannot edit throws', () => {
    const { ws, DriveApp } = setup();
    const dest = DriveApp.createFolder('Locked');
    dest.addViewer(TEACHER);
    const f = DriveApp.createFile('a.txt', 'x');
    f.addViewer(TEACHER);
    const teacherDrive = createDriveApp(newExec(ws, TEACHER));
    const destAsTeacher = teacherDrive.getFolderById(dest.getId());
    expect(errorOf(() => teacherDrive.getFileById(f.getId()).makeCopy('c', destAsTeacher))).toBe(
      'Access denied: DriveApp.',
    );
  });
});

describe('PDF export', () => {
  it('getAs("application/pdf") of a Doc is a real, deterministic PDF named after the file', async () => {
    const { DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('Signed AUP');
    const body = doc.getBody();
    body.appendParagraph('Acceptable Use Policy').setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph('Signed by Siobhán Ní Bhriain and Zoë Łukasiewicz');
    body.appendListItem('Keep passwords private');
    body.appendTable([['Name', 'Date']]);
    body.appendPageBreak();
    body.appendParagraph('Page two');
    const file = DriveApp.getFileById(doc.getId());
    const blob = file.getAs('application/pdf');
    const a = bytesOf(blob);
    expect(blob.getName()).toBe('Signed AUP.pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(new TextDecoder().decode(a.slice(0, 5))).toBe('%PDF-');
    expect(bytesOf(file.getAs('application/pdf'))).toEqual(a);
    const parsed = await PDFDocument.load(a);
    expect(parsed.getPageCount()).toBe(2);
    expect(parsed.getTitle()).toBe('Signed AUP');
  });

  it('the PDF shows names beyond ASCII (á, ë, Ł are mapped to Unicode in its font)', () => {
    const { DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('Names');
    doc.getBody().appendParagraph('Siobhán Ní Bhriain, Zoë Łukasiewicz');
    const maps = unicodeMaps(bytesOf(DriveApp.getFileById(doc.getId()).getAs('application/pdf')));
    expect(maps).toContain('00E1');
    expect(maps).toContain('00EB');
    expect(maps).toContain('0141');
  });

  it('a later edit changes the PDF; the same content at a later time does not', () => {
    const { ws, DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('Stable');
    const file = DriveApp.getFileById(doc.getId());
    const first = bytesOf(file.getAs('application/pdf'));
    ws.clock.advance(60_000);
    expect(bytesOf(file.getAs('application/pdf'))).toEqual(first);
    doc.getBody().appendParagraph('more');
    expect(bytesOf(file.getAs('application/pdf'))).not.toEqual(first);
  });

  it('getBlob of a Google Doc is its PDF; converting to an unsupported type throws', () => {
    const { DriveApp, DocumentApp } = setup();
    const file = DriveApp.getFileById(DocumentApp.create('Doc').getId());
    expect(file.getBlob().getContentType()).toBe('application/pdf');
    expect(errorOf(() => file.getAs('image/png'))).toBe(
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    );
  });
});
