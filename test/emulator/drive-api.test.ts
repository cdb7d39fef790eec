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
