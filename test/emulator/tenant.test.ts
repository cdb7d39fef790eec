import { createDocumentApp } from '../../emulator/services/document';
import { createDriveApi } from '../../emulator/services/drive-api';
import { createDriveApp } from '../../emulator/services/drive';
import { createFormApp, submitFormAs } from '../../emulator/services/forms';
import { DOMAIN, newExec, newWorkspace } from './support';

const OUTSIDE = 'parent@gmail.example';

/** A GoogleJsonResponseException's message and details. */
function thrown(f: () => unknown): { message: string; code?: number; reason?: string } {
  try {
    f();
  } catch (e) {
    const d = (e as { details?: { code?: number; errors?: { reason?: string }[] } }).details;
    return { message: (e as Error).message, code: d?.code, reason: d?.errors?.[0]?.reason };
  }
  throw new Error('expected an error');
}

describe('tenant policy: sharing outside the domain (blocked by default)', () => {
  it('DriveApp refuses link sharing to anyone and sharing with an outside address; domain sharing works', () => {
    const ws = newWorkspace();
    expect(ws.tenant.outsideSharing).toBe('blocked');
    const exec = newExec(ws);
    const drive = createDriveApp(exec);
    const file = drive.getFileById(createDocumentApp(exec).create('Policy').getId());
    expect(() => file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW)).toThrow(
      'Access denied: DriveApp.',
    );
    expect(() => file.setSharing(drive.Access.ANYONE, drive.Permission.VIEW)).toThrow(
      'Access denied: DriveApp.',
    );
    expect(() => file.addViewer(OUTSIDE)).toThrow('Access denied: DriveApp.');
    file.setSharing(drive.Access.DOMAIN_WITH_LINK, drive.Permission.VIEW);
    file.addViewer(`teacher@${DOMAIN}`);
    expect(String(file.getSharingAccess())).toBe('DOMAIN_WITH_LINK');
    ws.tenant.outsideSharing = 'allowed';
    file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    file.addViewer(OUTSIDE);
    expect(ws.canView(ws.drive.get(file.getId())!, OUTSIDE)).toBe(true);
  });

  it('DocumentApp refuses an outside viewer with "Action not allowed"', () => {
    const ws = newWorkspace();
    const doc = createDocumentApp(newExec(ws)).create('Minutes');
    expect(() => doc.addViewer(OUTSIDE)).toThrow('Action not allowed');
  });

  it('the Drive API answers 400 shareOutNotPermitted for an outside user and publishOutNotPermitted for anyone', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const id = createDocumentApp(exec).create('Policy').getId();
    const api = createDriveApi(exec);
    expect(
      thrown(() => api.Permissions.create({ type: 'user', role: 'reader', emailAddress: OUTSIDE }, id)),
    ).toEqual({
      message:
        'API call to drive.permissions.create failed with error: Bad Request. User message: "shareOutNotPermitted"',
      code: 400,
      reason: 'shareOutNotPermitted',
    });
    expect(thrown(() => api.Permissions.create({ type: 'anyone', role: 'reader' }, id))).toMatchObject({
      code: 400,
      reason: 'publishOutNotPermitted',
    });
    api.Permissions.create({ type: 'domain', role: 'reader', domain: DOMAIN }, id);
    expect(ws.canView(ws.drive.get(id)!, `teacher@${DOMAIN}`)).toBe(true);
  });

  it('forms still take outside responses by the documented default, unless the admin turns that off', () => {
    const ws = newWorkspace();
    const exec = newExec(ws);
    const form = createFormApp(exec).create('AUP', true);
    form.setEmailCollectionType(createFormApp(exec).EmailCollectionType.RESPONDER_INPUT);
    const outsider = { signedInAs: '', typedEmail: OUTSIDE };
    expect(submitFormAs(ws, form.getId(), outsider, {}).respondentEmail).toBe(OUTSIDE);
    ws.tenant.formsOutsideResponses = false;
    expect(() => submitFormAs(ws, form.getId(), outsider, {})).toThrow(
      `The form "AUP" only accepts responses from ${DOMAIN}: sign in with an account of ${DOMAIN}`,
    );
    const member = { signedInAs: `teacher@${DOMAIN}`, typedEmail: `teacher@${DOMAIN}` };
    expect(submitFormAs(ws, form.getId(), member, {}).respondentEmail).toBe(`teacher@${DOMAIN}`);
  });
});

describe('tenant policy: APIs of the script’s Cloud project', () => {
  it('an advanced service whose API is off in the Cloud project answers 403 accessNotConfigured', () => {
    const ws = newWorkspace();
    ws.tenant.cloudApis.delete('drive');
    const exec = newExec(ws);
    const id = createDocumentApp(exec).create('Doc').getId();
    const e = thrown(() =>
      createDriveApi(exec).Permissions.create(
        { type: 'user', role: 'reader', emailAddress: `teacher@${DOMAIN}` },
        id,
      ),
    );
    expect(e).toMatchObject({ code: 403, reason: 'accessNotConfigured' });
    expect(e.message).toMatch(
      /^API call to drive\.permissions\.create failed with error: Google Drive API has not been used in project \d+ before or it is disabled/,
    );
  });
});
