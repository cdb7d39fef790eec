import { createDriveApi } from '../../emulator/services/drive-api';
import { createDriveApp } from '../../emulator/services/drive';
import { createDocumentApp } from '../../emulator/services/document';
import { newExec, newWorkspace } from './support';

describe('Drive API v3 advanced service: Permissions.create', () => {
  it('shares without an email when sendNotificationEmail is false, and with one by default', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const doc = createDocumentApp(exec).create('AUP');
    const drive = createDriveApi(exec);
    drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: 'teacher@school.example' },
      doc.getId(),
      {
        sendNotificationEmail: false,
      },
    );
    expect(ws.canView(ws.drive.get(doc.getId())!, 'teacher@school.example')).toBe(true);
    expect(ws.sentMail).toHaveLength(0);
    drive.Permissions.create(
      { type: 'user', role: 'writer', emailAddress: 'teacher@school.example' },
      doc.getId(),
    );
    expect(ws.canEdit(ws.drive.get(doc.getId())!, 'teacher@school.example')).toBe(true);
    expect(ws.sentMail.map((m) => [m.to, m.subject])).toEqual([
      [['teacher@school.example'], 'Document shared with you: "AUP"'],
    ]);
  });

  it('refuses a caller who cannot edit the file (403) or see it (404), with details.code', () => {
    const ws = newWorkspace();
    const doc = createDocumentApp(newExec(ws)).create('Private');
    const asTeacher = createDriveApi(newExec(ws, 'teacher@school.example'));
    expect(() =>
      asTeacher.Permissions.create(
        { type: 'user', role: 'reader', emailAddress: 'x@school.example' },
        doc.getId(),
      ),
    ).toThrow(`API call to drive.permissions.create failed with error: File not found: ${doc.getId()}.`);
    createDriveApp(newExec(ws)).getFileById(doc.getId()).addViewer('teacher@school.example');
    try {
      asTeacher.Permissions.create(
        { type: 'user', role: 'reader', emailAddress: 'x@school.example' },
        doc.getId(),
      );
      throw new Error('no error');
    } catch (e) {
      expect((e as Error).message).toBe(
        'API call to drive.permissions.create failed with error: The user does not have sufficient permissions for this file.',
      );
      expect((e as { details?: { code: number } }).details?.code).toBe(403);
    }
  });

  it('DriveApp sharing emails a share notification, as Drive does', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const file = createDriveApp(exec).getFileById(createDocumentApp(exec).create('Minutes').getId());
    file.addViewer('teacher@school.example');
    file.addViewer('teacher@school.example');
    expect(ws.sentMail.map((m) => m.subject)).toEqual(['Document shared with you: "Minutes"']);
  });
});

describe('Drive API v3 advanced service: Files.copy, list and update', () => {
  it('copies into a folder with a name and description, taking the folder’s sharing; lists by page; updates', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const app = createDriveApp(exec);
    const folder = app.createFolder('AUP documents');
    folder.addViewer('teacher@school.example');
    const doc = createDocumentApp(exec).create('Template');
    const drive = createDriveApi(exec);
    const made = Array.from({ length: 3 }, (_, i) =>
      drive.Files.copy({ name: `AUP — ${i}`, parents: [folder.getId()], description: 'making' }, doc.getId()),
    );
    expect(made.map((f) => [f.name, f.description, f.parents])).toEqual(
      [0, 1, 2].map((i) => [`AUP — ${i}`, 'making', [folder.getId()]]),
    );
    expect(ws.canView(ws.drive.get(made[0]!.id!)!, 'teacher@school.example')).toBe(true);
    const q = `'${folder.getId()}' in parents and trashed = false`;
    const first = drive.Files.list({ q, pageSize: 2 });
    expect(first.files?.map((f) => f.name)).toEqual(['AUP — 0', 'AUP — 1']);
    expect(
      drive.Files.list({ q, pageSize: 2, pageToken: first.nextPageToken }).files?.map((f) => f.name),
    ).toEqual(['AUP — 2']);
    drive.Files.update({ description: 'ready' }, made[1]!.id!);
    drive.Files.update({ trashed: true }, made[2]!.id!);
    expect(drive.Files.list({ q }).files?.map((f) => [f.name, f.description])).toEqual([
      ['AUP — 0', 'making'],
      ['AUP — 1', 'ready'],
    ]);
    expect(() => drive.Files.list({ q: "name contains 'AUP'" })).toThrow(/models only/);
  });

  it('refuses a copy into a folder the caller cannot add to (403) and of a file they cannot see (404)', () => {
    const ws = newWorkspace();
    const bm = newExec(ws);
    const folder = createDriveApp(bm).createFolder('Private');
    const doc = createDocumentApp(bm).create('Template');
    const teacher = createDriveApi(newExec(ws, 'teacher@school.example'));
    expect(() => teacher.Files.copy({ name: 'x' }, doc.getId())).toThrow(`File not found: ${doc.getId()}.`);
    createDriveApp(bm).getFileById(doc.getId()).addViewer('teacher@school.example');
    expect(() => teacher.Files.copy({ name: 'x', parents: [folder.getId()] }, doc.getId())).toThrow(
      /does not have sufficient permissions/,
    );
    expect(() => teacher.Files.update({ description: 'x' }, doc.getId())).toThrow(/sufficient permissions/);
  });
});
