import { documentText } from '../../emulator/services/document/io';
import { auditRows, review, rowOf, sampleSchool, returnWith } from './support';

const ZOE = 'zoe.lukasiewicz@school.example';
const HEAD = 'head@school.example';

describe('a returned AUP, as the signer sees it', () => {
  it('says who returned it and why, takes the old signature off the row and the document, keeps it in the Audit, and signs again', async () => {
    const school = await sampleSchool();
    const { host } = school;
    const zoe = host.as(ZOE);
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'zoe lukasiewicz' });
    host.advance(2 * 60_000);
    const docId = /\/d\/([^/]+)/.exec(String(rowOf(school, ZOE).Document))![1]!;
    expect(documentText(host.ws, docId)).toContain('zoe lukasiewicz (signed electronically via Gmail)');
    const head = host.as(HEAD);
    review(head, 'Zoë Łukasiewicz');
    expect(returnWith(head, 'Please type your name with its accents').notification).toMatch(/^Returned/);

    const row = rowOf(school, ZOE);
    expect([row.Status, row['Signed At'], row['Typed Signature'], row['Signed PDF']]).toEqual([
      'Returned',
      '',
      '',
      '',
    ]);
    const text = documentText(host.ws, docId);
    expect(text).not.toContain('zoe lukasiewicz');
    expect(text).toContain('Signed by: awaiting signature');
    const returned = auditRows(school).find((a) => a.Action === 'Returned');
    expect(returned?.Details).toMatch(
      /signature withdrawn: "zoe lukasiewicz" of 2026-09-01T.* via Gmail, SHA-256 [0-9a-f]{64}/,
    );

    const card = zoe.openHomepage('GMAIL').card!;
    const widgets = (card.sections ?? []).flatMap((s) => s.widgets ?? []);
    expect(widgets[0]?.textParagraph?.text).toBe('<b>Returned — please sign again</b>');
    expect(widgets[1]?.decoratedText).toMatchObject({
      topLabel: 'Alex Okafor returned it, saying',
      text: 'Please type your name with its accents',
    });
    expect(card.fixedFooter?.primaryButton?.text).toBe('Sign');

    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    host.advance(2 * 60_000);
    expect(rowOf(school, ZOE).Status).toBe('Signed');
    expect(documentText(host.ws, docId)).toContain('Zoë Łukasiewicz (signed electronically via Gmail)');
    const signed = zoe.openHomepage('GMAIL').card!;
    const said = (signed.sections ?? [])
      .flatMap((s) => s.widgets ?? [])
      .map((w) => w.textParagraph?.text ?? '');
    expect(said[0]).toMatch(/^<b>Signed on 1 September 2026 at \d\d:\d\d\. Thank you\.<\/b>$/);
    expect(said[1]).toContain('What happens next: Alex Okafor or Sam Whitfield will counter-sign it.');
    expect(signed.fixedFooter).toBeUndefined();
  });
});
