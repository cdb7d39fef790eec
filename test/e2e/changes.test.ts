import type { chat_v1 } from '@googleapis/chat';
import { join } from 'node:path';
import { readTemplate } from '../../emulator/cli/inputs';
import { runScenario, type ScenarioResult } from '../../emulator/cli/scenario';
import {
  createDocumentFromElements,
  documentElements,
  documentText,
  type TemplateElement,
} from '../../emulator/services/document/io';
import { readSheet } from '../../emulator/services/spreadsheet';
import { postAs, publishAs, SAMPLES, sampleOptions, signatures } from './support';

type Card = chat_v1.Schema$GoogleAppsCardV1Card;
const widgets = (card: Card | undefined) => (card?.sections ?? []).flatMap((s) => s.widgets ?? []);
const texts = (card: Card | undefined) => widgets(card).map((w) => w.textParagraph?.text ?? '');

const BM = 'bm@school.example';
const GOVERNOR = 'chair@school.example';

/** What changed from the sample template to samples/aup-template-v2.txt, as everyone reads it. */
const EVERYONE = [
  'Reworded: “2. I will only use school systems for school purposes, and I will not try to get round filtering, monitoring or security settings.” now reads “2. I will only use school systems and accounts for school purposes, and I will not try to get round filtering, monitoring or any other security settings.”',
  "Removed: “7. I will think before I post: I will not bring the school into disrepute online, and I will respect copyright and other people's privacy when sharing images or work.”",
  'Added: “7. I will lock my screen whenever I leave a device, and I will use two-step verification on every school account that offers it.”',
];
/** The governors' own clause, reworded: only governors are told of it. */
const GOVERNORS = `Reworded: “9. As a governor, I will read and keep board papers only in the governors' area of the school's systems, and I will not forward them to personal accounts.” now reads “9. As a governor, I will read and keep board papers only in the governors' area of the school's systems, and I will never forward or download them to personal accounts or devices.”`;

const versionsOf = (result: ScenarioResult) =>
  readSheet(result.host.ws, result.config.trackingSpreadsheetId, 'Versions').values.slice(1);

describe('re-signing with what changed', () => {
  let result: ScenarioResult;
  beforeAll(async () => {
    result = runScenario({
      ...(await sampleOptions()),
      newVersion: {
        template: await readTemplate(join(SAMPLES, 'aup-template-v2.txt')),
        name: 'AUP v2',
      },
      nextCycle: false,
    });
  });

  it('shows the business manager the changes, whom each is for, before a substantive publish', () => {
    const compare = result.screens.find((s) => s.step === 'compare')?.screen;
    expect(compare?.notification).toBe('2026-27 v2 compared with 2026-27: 2 reworded, 1 added, 1 removed.');
    expect(texts(compare?.card)).toEqual(
      expect.arrayContaining([
        ...EVERYONE,
        GOVERNORS.replace('Reworded: “', 'Reworded: “(Governor only) ').replace(
          'now reads “',
          'now reads “(Governor only) ',
        ),
      ]),
    );
    const kinds = widgets(compare?.card)
      .find((w) => w.selectionInput)
      ?.selectionInput?.items?.map((i) => i.value);
    expect(kinds).toEqual(['Substantive', 'Editorial']);
  });

  it('tells every re-signer, by email and on their card, what changed for them since they signed', () => {
    const { host } = result;
    const v2 = signatures(result).filter((r) => r['Policy Version'] === '2026-27 v2');
    expect(v2).toHaveLength(10);
    expect(v2.every((r) => r.Status === 'Complete')).toBe(true);
    for (const r of v2) {
      const email = String(r.Email);
      const invitation = host.ws.sentMail.filter(
        (m) =>
          m.to.includes(email) &&
          m.subject === 'Please sign the Oakfield Primary School Acceptable Use Policy (2026-27 v2)',
      );
      expect(invitation).toHaveLength(1);
      const body = invitation[0]?.body ?? '';
      const card = result.screens.find((s) => s.who === email && s.step === 're-sign card')?.screen.card;
      const shown = texts(card);
      const want = email === GOVERNOR ? [...EVERYONE, GOVERNORS] : EVERYONE;
      for (const line of want) {
        expect(body).toContain(line);
        expect(shown).toContain(line);
      }
      if (email !== GOVERNOR) {
        expect(body).not.toContain('board papers');
        expect(shown.join(' ')).not.toContain('board papers');
      }
      expect(body).toContain('This version changes the policy you signed (2026-27):');
      const label = widgets(card).find(
        (w) => w.decoratedText?.topLabel === 'What changed since you signed 2026-27',
      );
      expect(label?.decoratedText?.text).toBe(
        email === GOVERNOR ? '2 reworded, 1 added, 1 removed:' : '1 reworded, 1 added, 1 removed:',
      );
    }
  });

  it('keeps each version’s template as published, and its changes document beside the policy copy', () => {
    const rows = versionsOf(result);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['2026-27', 'First'],
      ['2026-27 v2', 'Substantive'],
    ]);
    const changes = /\/d\/([^/]+)/.exec(String(rows[1]?.[6]))?.[1] ?? '';
    const doc = result.host.ws.drive.get(changes);
    expect(doc?.name).toBe('AUP 2026-27 v2 — what changed since 2026-27');
    expect([...(doc?.parents ?? [])]).toEqual([result.config.folderId]);
    const text = documentText(result.host.ws, changes);
    for (const line of EVERYONE) expect(text).toContain(line);
    expect(text).toContain('(Governor only) 9. As a governor');
  });

  it('publishes an editorial change: recorded and shared, nobody re-signs, everyone told once by email', () => {
    const { host } = result;
    const fork = host.fork();
    const before = signatures({ host: fork, config: result.config }).length;
    const sentBefore = fork.ws.sentMail.length;
    const id = createDocumentFromElements(fork.ws, BM, 'AUP v2.1', editedTemplate(fork));
    const bm = fork.as(BM);
    bm.openHomepage('GMAIL');
    const done = publishAs(bm, {
      newVersion: '2026-27 v2.1',
      newTemplate: `https://docs.google.com/document/d/${id}/edit`,
      kind: 'Editorial',
    });
    expect(done.notification).toMatch(/^Published 2026-27 v2\.1: nobody signs again/);
    fork.advance(26 * 3_600_000);
    const after = { host: fork, config: result.config };
    expect(signatures(after)).toHaveLength(before);
    expect(
      signatures(after)
        .filter((r) => r['Policy Version'] === '2026-27 v2')
        .every((r) => r.Status === 'Complete'),
    ).toBe(true);
    const told = fork.ws.sentMail
      .slice(sentBefore)
      .filter(
        (m) => m.subject === 'Updated wording: Oakfield Primary School Acceptable Use Policy (2026-27 v2.1)',
      );
    expect(told).toHaveLength(10);
    expect(new Set(told.map((m) => m.to.join()))).toHaveProperty('size', 10);
    for (const m of told) {
      expect(m.body).toContain('You do not need to sign again; your signature still counts.');
      expect(m.body).toContain('Reworded: “Why we ask you to sign” now reads “Why we ask you to sign it”');
    }
    expect(fork.ws.sentMail.slice(sentBefore).filter((m) => /^Please sign/.test(m.subject))).toEqual([]);
    expect(
      readSheet(fork.ws, result.config.trackingSpreadsheetId, 'Versions')
        .values.slice(1)
        .map((r) => r[1]),
    ).toEqual(['First', 'Substantive', 'Editorial']);
  });

  it('refuses an editorial publish that changes the agreement people consent to, however the card is sent', () => {
    const fork = result.host.fork();
    const agreement = 'I have read, understood and agree to follow this Acceptable Use Policy.';
    const elements = editedTemplate(fork, (t) =>
      t.startsWith('I have read, understood and agree to follow') ? agreement : t,
    );
    const id = createDocumentFromElements(fork.ws, BM, 'AUP v3', elements);
    const bm = fork.as(BM);
    bm.openHomepage('GMAIL');
    bm.click('Publish a new version…');
    const confirm = bm.click('Compare with the current version', {
      newVersion: '2026-27 v3',
      newTemplate: `https://docs.google.com/document/d/${id}/edit`,
    });
    const kinds = widgets(confirm.card)
      .find((w) => w.selectionInput)
      ?.selectionInput?.items?.map((i) => i.value);
    expect(kinds).toEqual(['Substantive']);
    expect(texts(confirm.card)).toContain(
      'The agreement people consent to has new wording, so everyone signs this version.',
    );
    const forged = postAs({ host: fork }, BM, 'publish', {
      version: '2026-27 v3',
      template: id,
      kind: 'Editorial',
    });
    expect(forged).toEqual({
      ok: false,
      message:
        'The agreement people consent to has changed wording: publish this as a substantive change, so that everyone signs it.',
    });
    expect(
      signatures({ host: fork, config: result.config }).some((r) => r['Policy Version'] === '2026-27 v3'),
    ).toBe(false);
  });
});

/**
 * The current template (the v2 sample) as elements, with "Why we ask you to sign" reworded, or
 * with each paragraph passed through `edit`.
 */
function editedTemplate(
  host: ScenarioResult['host'],
  edit: (text: string) => string = (t) => (t === 'Why we ask you to sign' ? 'Why we ask you to sign it' : t),
): TemplateElement[] {
  const template = [...host.ws.drive.values()].find((f) => f.name === 'AUP v2');
  return documentElements(host.ws, template?.id ?? '').map((e) =>
    'text' in e ? { ...e, text: edit(e.text) } : e,
  );
}
