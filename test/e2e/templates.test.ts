import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromText, readRoster, type RosterRow } from '../../emulator/cli/inputs';
import { runScenario } from '../../emulator/cli/scenario';
import type { TemplateElement } from '../../emulator/services/document/io';
import { fillPlaceholders } from '../../src/core/placeholders';
import { analyseTemplate, type TextEdit } from '../../src/core/template';
import { fromDocx } from '../../emulator/cli/docx';
import { words, wordVersion } from '../emulator/cli/word-version';
import { AUP_DIR, docOf, REAL_AUPS, realAupRun, rowOf, SAMPLES } from './support';

/** A line with edits applied, last first. */
function edited(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

/** What the analysis must find in each real AUP (read from the files by eye). */
const EXPECTED: Record<string, { user: string[]; approver: string[] }> = {
  'altmore-lathom-staff.txt': {
    user: ['signature', 'name', 'role', 'date'],
    approver: ['systems', 'permissions', 'signature', 'name', 'role', 'date'],
  },
  'pakeman-staff.txt': {
    user: ['signature', 'name', 'role', 'date'],
    approver: ['signature', 'name', 'role', 'date'],
  },
  'west-thornton-staff-2025.txt': {
    user: ['signature', 'name', 'role', 'date'],
    approver: ['signature', 'name', 'role', 'date'],
  },
};

describe('real AUPs as templates', () => {
  if (!REAL_AUPS.length) it.skip('../shared/aup is absent: real-AUP checks skipped', () => undefined);

  it.each(REAL_AUPS)('%s: both blocks and every field are found', async (file) => {
    const lines = fromText(readFileSync(join(AUP_DIR, file), 'utf8'));
    const a = analyseTemplate(lines.map((l) => ({ text: l.type === 'paragraph' ? l.text : '' })));
    expect({
      user: a.user?.fields.map((f) => f.key),
      approver: a.approver?.fields.map((f) => f.key),
    }).toEqual(EXPECTED[file]);
    expect(a.problems).toEqual([]);
  });

  it.each(REAL_AUPS)(
    '%s: everyone Complete; the signed document keeps every other line word for word and carries both signatures',
    async (file) => {
      const { result, template, roster } = await realAupRun(file);
      const docs = [...result.host.ws.drive.values()].filter(
        (f) =>
          f.parents.has(result.config.folderId) && f.name.startsWith('AUP 2026-27 —') && f.name.includes('@'),
      );
      expect(docs).toHaveLength(roster.length);
      for (const r of roster) expect([r.email, rowOf(result, r.email).Status]).toEqual([r.email, 'Complete']);
      for (const r of roster.filter((p) => p.email !== 'head@school.example')) {
        const each = docOf(result, r.email);
        expect(each).toMatch(new RegExp(`Name:\\s*${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(each).toMatch(/Name:\s*Alex Okafor/);
      }
      const text = docOf(result, 'zoe.lukasiewicz@school.example');
      const analysis = analyseTemplate(template.map((e) => ({ text: e.type === 'paragraph' ? e.text : '' })));
      const fieldLines = new Set(
        [...(analysis.user?.fields ?? []), ...(analysis.approver?.fields ?? [])].map((f) => f.labelLine),
      );
      const docLines = new Set(text.split('\n'));
      const missing = template
        .map((e, i) => ({ text: e.type === 'paragraph' ? e.text : '', i }))
        .map(({ text: t, i }) => ({
          i,
          text: edited(t, fillPlaceholders([{ text: t }], { 'School Name': 'Real School' })),
        }))
        .filter(({ text: t, i }) => t.trim() && !fieldLines.has(i) && !docLines.has(t));
      expect(missing).toEqual([]);
      expect(text).toMatch(/Name:\s*Zoë Łukasiewicz/);
      expect(text).toMatch(/Role:\s*Teaching Assistant/);
      expect(text).toContain(
        'Signed by: Zoë Łukasiewicz <zoe.lukasiewicz@school.example>, Teaching Assistant',
      );
      expect(text).toContain('Counter-signed by: Alex Okafor <head@school.example>, Headteacher');
    },
  );
});

/** A signature-block line, which the add-on fills: its label is kept and its value replaced. */
const FIELD_LINE = /^(Signature|Name|Role|Date|Systems|Additional permissions)\b/;

describe('real AUPs as Word files, through the bundle', () => {
  if (!REAL_AUPS.length) it.skip('../shared/aup is absent: real-AUP checks skipped', () => undefined);
  const roster = readRoster(join(SAMPLES, 'roster.csv')).filter(
    (r) =>
      !r.personalEmail &&
      ['zoe.lukasiewicz@school.example', 'head@school.example', 'tech@school.example'].includes(r.email),
  );

  it.each(REAL_AUPS)(
    '%s in Word (a table cell of several paragraphs, soft line breaks, tabs, numbered lists with sub-lists, a header and a footer): fills inline and keeps every other line word for word',
    async (file) => {
      const lines = fromText(readFileSync(join(AUP_DIR, file), 'utf8')).flatMap((e) =>
        e.type === 'paragraph' ? [e.text] : [],
      );
      const { docx, expected } = await wordVersion(lines);
      const result = runScenario({
        template: await fromDocx(docx),
        templateName: file.replace(/\.txt$/, '.docx'),
        roster,
        schoolName: 'Real School',
        nextCycle: false,
      });
      for (const r of roster) expect([r.email, rowOf(result, r.email).Status]).toEqual([r.email, 'Complete']);
      const docLines = docOf(result, 'zoe.lukasiewicz@school.example').split('\n').map(words);
      expect(docLines[0]).toBe('Staff Acceptable Use Policy');
      expect(docLines[docLines.length - 1]).toBe('Signed copy kept on file');
      let at = 0;
      const school = (t: string) =>
        edited(t, fillPlaceholders([{ text: t }], { 'School Name': 'Real School' }));
      for (const want of expected.filter((l) => !FIELD_LINE.test(l)).map(school)) {
        const found = docLines.indexOf(want, at);
        expect({ line: want, found: found >= 0 }).toEqual({ line: want, found: true });
        at = found + 1;
      }
      const fields = docLines.filter((l) => FIELD_LINE.test(l));
      expect(fields).toContain('Name: Zoë Łukasiewicz');
      expect(fields).toContain('Role: Teaching Assistant');
      expect(fields.filter((l) => /^Name: Alex Okafor$/.test(l))).toHaveLength(1);
      expect(fields.filter((l) => /^(Signature|Name|Role|Date):?\s*_*$/.test(l))).toEqual([]);
    },
  );
});

/** A template of this project's own: a table signature block, clauses per staff type, placeholders. */
const TABLE_TEMPLATE: TemplateElement[] = [
  { type: 'paragraph', text: '{{ School Name }} online safety agreement', heading: 'TITLE' },
  { type: 'paragraph', text: 'This copy is for {{name}} ({{ STAFF TYPE }}), due by {{Due By}}.' },
  { type: 'listItem', text: 'I will keep my login details to myself.' },
  { type: 'paragraph', text: '{{#if Staff Type is Governor}}' },
  { type: 'listItem', text: 'I will read board papers only on the governor portal.' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: '{{#if Staff Type is not Volunteer}}' },
  { type: 'listItem', text: 'I will report concerns about a child to the DSL the same day.' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: 'Staff declaration' },
  { type: 'paragraph', text: 'I agree to follow this online safety agreement at all times.' },
  {
    type: 'table',
    rows: [
      ['Signature', ''],
      ['Name', ''],
      ['Job title', ''],
      ['Date', ''],
    ],
  },
  { type: 'paragraph', text: 'Authorised by the headteacher' },
  {
    type: 'table',
    rows: [
      ['Signature', ''],
      ['Name', ''],
      ['Date', ''],
    ],
  },
];

describe('a template with tables, clauses and placeholders, through the bundle', () => {
  const roster: RosterRow[] = [
    ...readRoster(join(SAMPLES, 'roster.csv')).filter((r) => !r.personalEmail),
    {
      email: 'odd@school.example',
      name: '{{School Name}}',
      role: '{{#if Staff Type is Governor}}',
      staffType: 'Staff',
      personalEmail: '',
      startDate: '',
      line: 99,
    },
  ];
  const result = runScenario({
    template: TABLE_TEMPLATE,
    templateName: 'own',
    roster,
    schoolName: 'Oakfield Primary School',
    nextCycle: false,
  });

  it('completes everyone, filling the table cells', () => {
    for (const r of roster) expect(rowOf(result, r.email).Status).toBe('Complete');
    const text = docOf(result, 'siobhan.nibhriain@school.example');
    expect(text).toContain('Signature | Siobhán Ní Bhriain (signed electronically via Gmail)');
    expect(text).toContain('Job title | Year 4 Teacher');
    expect(text).toContain('Name | Alex Okafor');
  });

  it('keeps each person’s clauses and never shows a marker or placeholder', () => {
    const governor = docOf(result, 'chair@school.example');
    const volunteer = docOf(result, 'reader@school.example');
    expect(governor).toContain('I will read board papers only on the governor portal.');
    expect(governor).toContain('I will report concerns about a child to the DSL the same day.');
    expect(volunteer).not.toContain('board papers');
    expect(volunteer).not.toContain('report concerns');
    expect(volunteer).toContain('This copy is for José Álvarez-Núñez (Volunteer), due by 15 September 2026.');
    for (const t of [governor, volunteer]) expect(t).not.toMatch(/\{\{/);
  });

  it('keeps a value that looks like a placeholder or marker literal', () => {
    const text = docOf(result, 'odd@school.example');
    expect(text).toContain('This copy is for {{School Name}} (Staff)');
    expect(text).toContain('Job title | {{#if Staff Type is Governor}}');
    expect(text).toContain('Oakfield Primary School online safety agreement');
  });
});
