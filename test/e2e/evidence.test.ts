import { createHash } from 'node:crypto';
import { Execution } from '../../emulator/core/execution';
import { createDocumentApp } from '../../emulator/services/document';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { docIdFrom } from '../../src/core/config';
import {
  auditRows,
  review,
  rowOf,
  sampleSchool,
  zoeSignsAndHeadApproves,
  type AuditRow,
  returnWith,
  verifyAs,
} from './support';

const ZOE = 'zoe.lukasiewicz@school.example';
const BM = 'bm@school.example';
const HEAD = 'head@school.example';

type School = Awaited<ReturnType<typeof sampleSchool>>;

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

/** The document as Apps Script's Body.getText() gives it, read as `user`. */
function bodyText(school: School, email: string, user = BM): string {
  const exec = new Execution(school.host.ws, 'editor', user, user);
  return createDocumentApp(exec)
    .openById(docIdFrom(String(rowOf(school, email).Document)))
    .getBody()
    .getText();
}

function verify(school: School, query: string): string {
  const bm = school.host.as(BM);
  bm.openHomepage('GMAIL');
  return verifyAs(bm, query).notification ?? '';
}

describe('signatures as evidence', () => {
  it('records the document’s SHA-256 and a signed PDF at signing, and again at approval', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    school.host.advance(2 * 60_000);
    const signed = rowOf(school, ZOE);
    expect(signed['Document SHA-256']).toMatch(/^[0-9a-f]{64}$/);
    expect(signed['Document SHA-256']).toBe(sha256(bodyText(school, ZOE)));
    const pdf = school.host.ws.drive.get(docIdFrom(String(signed['Signed PDF'])));
    expect(pdf?.parents.has(school.config.signedFolderId)).toBe(true);
    expect(Buffer.from(pdf!.bytes!).subarray(0, 5).toString()).toBe('%PDF-');
    const signedAudit = auditRows(school).find((r) => r.Action === 'Signed' && r.Actor === ZOE);
    expect(signedAudit?.Details).toContain(`agreement SHA-256 ${sha256(school.config.agreementText)}`);
    const evidenceAudit = auditRows(school).find(
      (r) => r.Action === 'Evidence' && /^signed \S+: /.test(r.Details),
    );
    expect(evidenceAudit?.Details).toContain(`document SHA-256 ${signed['Document SHA-256']}`);
    expect(signedAudit?.Details).toContain('Via Gmail');

    const head = school.host.as(HEAD);
    review(head, 'Zoë Łukasiewicz');
    head.click('Approve', { systems: ['Email'] });
    school.host.advance(2 * 60_000);
    const approved = rowOf(school, ZOE);
    expect(approved['Document SHA-256']).not.toBe(signed['Document SHA-256']);
    expect(approved['Document SHA-256']).toBe(sha256(bodyText(school, ZOE)));
    expect(approved['Signed PDF']).not.toBe(signed['Signed PDF']);
    expect(
      auditRows(school).find((r) => r.Action === 'Evidence' && /^approved \S+: /.test(r.Details))?.Details,
    ).toContain(`document SHA-256 ${approved['Document SHA-256']}`);
  });

  it('the signer can only read their document; business managers can edit it', async () => {
    const school = await sampleSchool();
    zoeSignsAndHeadApproves(school);
    const id = docIdFrom(String(rowOf(school, ZOE).Document));
    const asZoe = new Execution(school.host.ws, 'editor', ZOE, ZOE);
    const doc = createDocumentApp(asZoe).openById(id);
    expect(doc.getBody().getText()).toContain('Zoë Łukasiewicz');
    expect(() => doc.getBody().appendParagraph('I never signed this')).toThrow();
    const asBm = new Execution(school.host.ws, 'editor', BM, BM);
    expect(() => createDocumentApp(asBm).openById(id).getBody().appendParagraph('note')).not.toThrow();
  });

  it('Verify passes, then fails after the document was edited, naming the paragraph', async () => {
    const school = await sampleSchool();
    zoeSignsAndHeadApproves(school);
    const requestId = String(rowOf(school, ZOE)['Request ID']);
    expect(verify(school, requestId)).toMatch(
      /^Verified for Zoë Łukasiewicz: Document matches its signed text .* Signed PDF matches/,
    );
    const exec = new Execution(school.host.ws, 'editor', BM, BM);
    createDocumentApp(exec)
      .openById(docIdFrom(String(rowOf(school, ZOE).Document)))
      .getBody()
      .replaceText('keep my school account details private', 'share my password with friends');
    const failed = verify(school, ZOE);
    expect(failed).toMatch(/^Verification FAILED for Zoë Łukasiewicz: Document changed since it was signed/);
    expect(failed).toMatch(/paragraph \d+ was "1\. I will keep my school account details private/);
    expect(failed).toContain('now "1. I will share my password with friends');
    expect(
      auditRows(school)
        .filter((r) => r.Action === 'Verify')
        .map((r) => r.Details.slice(0, 7)),
    ).toEqual(['Passed:', 'Failed:']);
  });

  it('Verify fails when the signed PDF was replaced', async () => {
    const school = await sampleSchool();
    zoeSignsAndHeadApproves(school);
    const pdf = school.host.ws.drive.get(docIdFrom(String(rowOf(school, ZOE)['Signed PDF'])))!;
    pdf.bytes = new TextEncoder().encode('%PDF-1.4 forged');
    expect(verify(school, ZOE)).toMatch(
      /Signed PDF changed \(SHA-256 now [0-9a-f]{64}, recorded [0-9a-f]{64}\)/,
    );
  });

  it('never rewrites an Audit row across a whole lifecycle, and only the owner may edit the Audit sheet', async () => {
    const school = await sampleSchool();
    const seen: AuditRow[][] = [auditRows(school)];
    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    seen.push(auditRows(school));
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    school.host.advance(2 * 60_000);
    seen.push(auditRows(school));
    const head = school.host.as(HEAD);
    const request = review(head, 'Zoë Łukasiewicz');
    returnWith(head, 'Please sign again');
    seen.push(auditRows(school));
    zoe.openHomepage('DRIVE');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    school.host.advance(2 * 60_000);
    seen.push(auditRows(school));
    review(head, 'Zoë Łukasiewicz');
    head.click('Approve', { systems: ['Email'] });
    school.host.advance(2 * 60_000);
    seen.push(auditRows(school));
    verify(school, ZOE);
    seen.push(auditRows(school));
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.slice(0, seen[i - 1]!.length)).toEqual(seen[i - 1]);
      expect(seen[i]!.length).toBeGreaterThan(seen[i - 1]!.length);
    }
    expect(
      auditRows(school)
        .filter((r) => r['Request ID'] === request)
        .map((r) => r.Action),
    ).toEqual([
      'Request created',
      'Invited',
      'Viewed',
      'Signed',
      'Evidence',
      'Notice',
      'Returned',
      'Notice',
      'Viewed',
      'Signed',
      'Evidence',
      'Notice',
      'Approved',
      'Evidence',
      'Account Active',
      'Notice',
      'Verify',
    ]);
    const asOwner = new Execution(school.host.ws, 'editor', school.config.owner, school.config.owner);
    createSpreadsheetApp(asOwner).openById(school.config.trackingSpreadsheetId).addEditor(HEAD);
    const asEditor = new Execution(school.host.ws, 'editor', HEAD, HEAD);
    const ss = createSpreadsheetApp(asEditor).openById(school.config.trackingSpreadsheetId);
    expect(() => ss.getSheetByName('Audit')!.getRange(2, 5).setValue('tampered')).toThrow(/protected cell/);
    expect(() => ss.getSheetByName('Staff')!.getRange(1, 9).setValue('a note')).not.toThrow();
  });

  it('makes an evidence pack beside the signed PDF', async () => {
    const school = await sampleSchool();
    zoeSignsAndHeadApproves(school);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    verifyAs(bm, ZOE);
    const screen = bm.click('Evidence pack');
    expect(screen.notification).toBe('Evidence pack for Zoë Łukasiewicz saved beside the signed PDF.');
    const pack = [...school.host.ws.drive.values()].find(
      (f) => f.name.startsWith('Evidence pack — Zoë Łukasiewicz') && f.mimeType === 'application/pdf',
    );
    expect(pack?.parents.has(school.config.signedFolderId)).toBe(true);
    expect(Buffer.from(pack!.bytes!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      auditRows(school).some((r) => r.Action === 'Evidence pack' && r.Details.includes('drive.google.com')),
    ).toBe(true);
  });

  it('Verify also runs as a function (Apps Script editor or clasp run) for the owner, and not for a signer', async () => {
    const school = await sampleSchool();
    zoeSignsAndHeadApproves(school);
    const requestId = String(rowOf(school, ZOE)['Request ID']);
    const out = school.host.run('verifyRequest', [requestId], { user: school.config.owner, kind: 'editor' });
    expect(String(out)).toMatch(new RegExp(`^PASSED ${requestId} Zoë Łukasiewicz\n`));
    expect(() => school.host.run('verifyRequest', [requestId], { user: ZOE, kind: 'editor' })).toThrow(
      'Only a business manager can verify.',
    );
  });
});
