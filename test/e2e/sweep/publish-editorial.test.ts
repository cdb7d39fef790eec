import type { Host } from '../../../emulator/host/host';
import { createDocumentFromElements, documentElements } from '../../../emulator/services/document/io';
import { publishAs } from '../support';
import { BM, describeSweeps, zoeSigned } from './support';

/** The template's new wording: one sentence reworded (an editorial change). */
const EDITED = 'AUP edited';

/** Zoë has signed, and the business manager has the template with one sentence reworded in Drive. */
async function editedTemplateReady() {
  const school = await zoeSigned();
  const ws = school.host.ws;
  const elements = documentElements(ws, school.config.templateDocId.replace(/^.*\/d\/([^/]+).*$/, '$1')).map(
    (e) =>
      'text' in e && e.text === 'Why we ask you to sign' ? { ...e, text: 'Why we ask you to sign it' } : e,
  );
  createDocumentFromElements(ws, BM, EDITED, elements);
  return school;
}

/** The business manager publishes 2026-27 v1.1 as an editorial change (again, when they saw it fail). */
function publishEditorial(host: Host): void {
  const bm = host.as(BM);
  bm.openHomepage('GMAIL');
  const edited = [...host.ws.drive.values()].find((f) => f.name === EDITED);
  if (bm.actionOf('Publish a new version…'))
    publishAs(bm, {
      newVersion: '2026-27 v1.1',
      newTemplate: `https://docs.google.com/document/d/${edited?.id ?? ''}/edit`,
      kind: 'Editorial',
    });
  host.advance(2 * 60_000);
}

describeSweeps(
  'publishing an editorial version',
  editedTemplateReady,
  { act: publishEditorial, retry: publishEditorial },
  (baseline) => {
    expect(baseline.rows.filter((r) => / \| 2026-27 v1\.1 \| /.test(r))).toEqual([]);
    expect(baseline.rows.filter((r) => / \| Superseded \| /.test(r))).toEqual([]);
    expect(baseline.mail.filter((m) => /Updated wording/.test(m))).toHaveLength(3);
    expect(baseline.files).toContain('document: AUP 2026-27 v1.1 — what changed since 2026-27');
  },
);
