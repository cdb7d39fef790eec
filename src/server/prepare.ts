import { analyseTemplate, FIELD_WORDS, fillBlock, missingFields, type Block } from '../core/template';
import { appendSection, applyEdits, insertAfter, openDoc } from '../gas/documents';
import type { ServerResponse } from './api';
import { isBusinessManager, type ServerContext } from './context';

const BLANK = '______________________________';

/**
 * Prepare template (business managers): writes a copy of the school's AUP, in the add-on's
 * folder, with the user block's Name and Role and the approver's Name turned into placeholders
 * any block that could not be found added at the end, in the standard wording, and any required
 * field a block lacks added under its last field ("Date: ____"). The original
 * is never changed; the business manager checks the copy and makes it the template in Settings.
 */
export function prepareTemplate(ctx: ServerContext): ServerResponse {
  const config = ctx.config;
  if (!config || !isBusinessManager(config, ctx.caller)) {
    return { ok: false, message: 'Only a business manager can prepare the template.' };
  }
  const original = DriveApp.getFileById(config.templateDocId);
  const copy = original.makeCopy(
    `${original.getName()} (prepared for AUP Signer)`,
    DriveApp.getFolderById(config.folderId),
  );
  const view = openDoc(copy.getId());
  const a = analyseTemplate(view.lines);
  applyEdits(view, [
    ...(a.user ? fillBlock(a.user, { name: '{{ Name }}', role: '{{ Role }}' }) : []),
    ...(a.approver ? fillBlock(a.approver, { name: '{{ Approver Name }}' }) : []),
  ]);
  const lastLine = (b: Block): number => Math.max(...b.fields.map((f) => f.line));
  const complete = (b: Block, name: string): void => {
    const missing = missingFields(b).map((k) =>
      k === 'name' ? `Name: ${name}` : `${FIELD_WORDS[k]}: ${BLANK}`,
    );
    if (missing.length) insertAfter(view, lastLine(b), missing);
  };
  const blocks = [
    [a.approver, '{{ Approver Name }}'],
    [a.user, '{{ Name }}'],
  ].filter((x): x is [Block, string] => Boolean(x[0]));
  for (const [b, name] of blocks.sort((x, y) => lastLine(y[0]) - lastLine(x[0]))) complete(b, name);
  if (!a.user) {
    appendSection(view.doc.getBody(), 'To be completed by the user', [
      config.agreementText,
      `Signature: ${BLANK}`,
      'Name: {{ Name }}',
      'Role: {{ Role }}',
      `Date: ${BLANK}`,
    ]);
  }
  if (!a.approver) {
    appendSection(
      view.doc.getBody(),
      'I approve this user to be allocated credentials for school systems as relevant to their role',
      [
        `Systems: ${BLANK}`,
        `Additional permissions (e.g. admin): ${BLANK}`,
        `Signature: ${BLANK}`,
        'Name: {{ Approver Name }}',
        `Role: ${BLANK}`,
        `Date: ${BLANK}`,
      ],
    );
  }
  view.doc.saveAndClose();
  copy.addEditor(ctx.caller);
  return {
    ok: true,
    message: 'Prepared a copy of your template. Check it, then paste its link as the template in Settings.',
    data: { url: copy.getUrl() },
  };
}
