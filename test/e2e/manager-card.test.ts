import type { chat_v1 } from '@googleapis/chat';
import { Execution } from '../../emulator/core/execution';
import { createSheetsApi } from '../../emulator/services/sheets-api';
import { readSheet } from '../../emulator/services/spreadsheet';
import { publishAs, rowOf, sampleSchool } from './support';

const BM = 'bm@school.example';
const ZOE = 'zoe.lukasiewicz@school.example';

type Card = chat_v1.Schema$GoogleAppsCardV1Card;
const signaturesHeader = (school: Awaited<ReturnType<typeof sampleSchool>>) =>
  (readSheet(school.host.ws, school.config.trackingSpreadsheetId, 'Signatures').values[0] ?? []).map(String);
const widgets = (card: Card | undefined) => (card?.sections ?? []).flatMap((s) => s.widgets ?? []);
const texts = (card: Card | undefined) => widgets(card).map((w) => w.textParagraph?.text ?? '');
const labelledAs = (card: Card | undefined, label: string) =>
  widgets(card).find((w) => w.decoratedText?.topLabel === label)?.decoratedText;
const filled = (card: Card | undefined) =>
  widgets(card)
    .flatMap((w) => w.buttonList?.buttons ?? [])
    .filter((b) => b.type === 'FILLED')
    .map((b) => b.text);

describe('the business manager’s card', () => {
  it('shows labelled counts, and its main button follows the state: invitations, then the overdue, then nothing', async () => {
    const school = await sampleSchool({ sendInvitations: false });
    const bm = school.host.as(BM);
    let card = bm.openHomepage('GMAIL').card;
    expect(filled(card)).toEqual(['Send invitations']);
    expect(texts(card)).toContain('10 people on the Staff sheet have not been invited yet.');
    bm.click('Send invitations');
    school.host.advance(60 * 60_000);
    card = bm.openHomepage('GMAIL').card;
    expect(labelledAs(card, 'Complete')?.text).toBe('<b>0 of 10</b> (0%)');
    expect(labelledAs(card, 'Not signed yet')).toMatchObject({
      text: '<b>10</b>',
      bottomLabel: '0 overdue, 0 returned to sign again',
    });
    expect(labelledAs(card, 'Policy version 2026-27')?.text).toBe(
      'Opened 1 September 2026; the next opens 1 September 2027.',
    );
    expect(filled(card)).toEqual([]);
    expect(card?.fixedFooter?.primaryButton?.text).toBe('Sign');
    expect(texts(card)).toContain(
      'Everyone on the Staff sheet has been invited, and nobody is overdue: nothing to do now. (Added people since? Send invitations asks them too.)',
    );
    school.host.advanceTo(new Date('2026-09-16T10:00:00Z'));
    card = bm.openHomepage('GMAIL').card;
    const overdue = Number(/^<b>(\d+)<\/b>$/.exec(labelledAs(card, 'Not signed yet')?.text ?? '')?.[1]);
    expect(overdue).toBe(10);
    expect(filled(card)).toContain('Remind the 10 overdue now');
    const before = school.host.ws.sentMail.length;
    const reminded = bm.click('Remind the 10 overdue now');
    expect(reminded.notification).toBe('Reminded 10 people whose AUP is overdue.');
    expect(
      school.host.ws.sentMail.slice(before).filter((m) => m.subject.startsWith('Overdue:')),
    ).toHaveLength(10);
    expect(bm.click('Remind the 10 overdue now').notification).toBe(
      'Everyone overdue has had a reminder today already.',
    );
  });

  it('publishes from its own card, which says what happens to how many people first', async () => {
    const school = await sampleSchool();
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    const publish = bm.click('Publish a new version…').card;
    expect(publish?.name).toBe('publish');
    expect(texts(publish)[0]).toBe(
      'A substantive change replaces 2026-27: its 10 open requests are superseded, and everyone on the Staff sheet (10 people) is invited to sign the new version. An editorial change is recorded and shared, and nobody signs again. Signatures already complete stay in the records. You see what changed, and choose which it is, before anything is published.',
    );
    expect(publish?.fixedFooter?.primaryButton?.text).toBe('Compare with the current version');
    const confirm = bm.click('Compare with the current version', { newVersion: '2026-27 v2' });
    expect(confirm.card?.name).toBe('publish-confirm');
    expect(confirm.notification).toBe('2026-27 v2 compared with 2026-27: no changes.');
    expect(widgets(confirm.card).find((w) => w.decoratedText)?.decoratedText?.text).toBe('No changes.');
    const done = bm.click('Publish 2026-27 v2', { kind: 'Substantive' });
    expect(done.notification).toMatch(/^Published 2026-27 v2/);
    expect(done.card?.name).toBe('home');
  });

  it('verifies a person chosen by part of their name, on a card, with the evidence pack a click away', async () => {
    const school = await sampleSchool();
    const zoe = school.host.as(ZOE);
    zoe.openHomepage('GMAIL');
    zoe.click('Sign', { consent: ['agree'], typedName: 'Zoë Łukasiewicz' });
    school.host.advance(5 * 60_000);
    const bm = school.host.as(BM);
    bm.openHomepage('GMAIL');
    bm.click('Verify someone…');
    const several = bm.click('Verify', { evidenceQuery: 'o' });
    expect(several.card?.name).toBe('verify-matches');
    bm.openHomepage('GMAIL');
    bm.click('Verify someone…');
    const result = bm.click('Verify', { evidenceQuery: 'zoe luk' });
    expect(result.card?.name).toBe('verified');
    expect(result.card?.header).toMatchObject({ title: 'Zoë Łukasiewicz', subtitle: 'Verified' });
    expect(texts(result.card)[0]).toBe('<b>Verified.</b> Zoë Łukasiewicz’s signed copy is what they signed.');
    expect(rowOf(school, ZOE).Status).toBe('Signed');
    expect(bm.click('Evidence pack').notification).toBe(
      'Evidence pack for Zoë Łukasiewicz saved beside the signed PDF.',
    );
  });

  it('links its counts to the sheet’s filter views, made at setup and moved to each new version', async () => {
    const school = await sampleSchool();
    const { host } = school;
    const bm = host.as(BM);
    const card = bm.openHomepage('GMAIL').card;
    const links = widgets(card)
      .flatMap((w) => w.buttonList?.buttons ?? [])
      .filter((b) => b.text === 'Needs chasing' || b.text === 'This cycle')
      .map((b) => b.onClick?.openLink?.url ?? '');
    expect(links).toEqual([
      expect.stringMatching(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]+\/edit#gid=0&fvid=\d+$/),
      expect.stringMatching(/#gid=0&fvid=\d+$/),
    ]);
    const views = () => {
      const exec = new Execution(host.ws, 'editor', BM, BM);
      const api = createSheetsApi(exec).Spreadsheets;
      const sheet = api
        .get(school.config.trackingSpreadsheetId)
        .sheets?.find((x) => x.properties?.title === 'Signatures');
      return new Map((sheet?.filterViews ?? []).map((v) => [v.title, v.criteria as Record<string, unknown>]));
    };
    const header = signaturesHeader(school);
    const status = String(header.indexOf('Status'));
    const version = String(header.indexOf('Policy Version'));
    const textEq = (v: string) => ({ condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: v }] } });
    expect(views().get('Needs chasing')).toEqual({
      [version]: textEq('2026-27'),
      [status]: { hiddenValues: ['Signed', 'Approved', 'Complete', 'Superseded'] },
    });
    expect(views().get('This cycle')).toEqual({ [version]: textEq('2026-27') });
    publishAs(bm, { newVersion: '2026-27 v2' });
    expect(views().get('This cycle')).toEqual({ [version]: textEq('2026-27 v2') });
    expect(views().size).toBe(2);
  });
});
