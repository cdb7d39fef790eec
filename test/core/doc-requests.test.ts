import { Execution } from '../../emulator/core/execution';
import { createDocsApi } from '../../emulator/services/docs-api';
import {
  createDocumentFromElements,
  documentText,
  type TemplateElement,
} from '../../emulator/services/document/io';
import { linesToDrop } from '../../src/core/clauses';
import { documentRequests, structureOf } from '../../src/core/doc-requests';
import { fillPlaceholders } from '../../src/core/placeholders';
import { newWorkspace } from '../emulator/support';

const TEMPLATE: TemplateElement[] = [
  { type: 'paragraph', text: 'Everyone at {{ School Name }}: keep your password private.' },
  { type: 'paragraph', text: '{{#if Staff Type is Governor}}' },
  { type: 'paragraph', text: 'Governors: use the governor portal.' },
  { type: 'table', rows: [['Portal', 'governors.example']] },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: '{{ #IF staff type is not volunteer }}' },
  { type: 'listItem', text: 'Report concerns to the DSL.' },
  { type: 'paragraph', text: '{{#if Staff Type is Staff or Contractor}}' },
  { type: 'listItem', text: 'Lock your classroom device.' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: 'Signed by {{name}} ({{ Mystery }}).' },
  { type: 'table', rows: [['Name', '{{ Name }}']] },
  { type: 'paragraph', text: '{{/if}}' },
];

/** The template personalised for `staffType` through one `batchUpdate`; its text and the calls made. */
function run(staffType: string, name = 'Ann Example'): { text: string; calls: number } {
  const ws = newWorkspace();
  const id = createDocumentFromElements(ws, 'bm@school.example', 'AUP', TEMPLATE);
  const docs = createDocsApi(new Execution(ws, 'editor', 'bm@school.example', 'bm@school.example'));
  const { map } = structureOf(docs.Documents.get(id).body?.content ?? []);
  ws.accounting.reset();
  const requests = documentRequests(
    map,
    linesToDrop(map.lines, staffType),
    fillPlaceholders(map.lines, { 'School Name': 'Oakfield', Name: name }),
    { heading: 'Signature record', lines: ['Signed by: (awaiting)'], style: 'HEADING_2' },
  );
  docs.Documents.batchUpdate({ requests }, id);
  return { text: documentText(ws, id), calls: ws.accounting.total() };
}

describe('a person’s document in one batchUpdate', () => {
  it('keeps a Governor’s clauses (a table among them) and drops the others, markers removed, placeholders filled', () => {
    expect(run('Governor').text.split('\n')).toEqual([
      'Everyone at Oakfield: keep your password private.',
      'Governors: use the governor portal.',
      'Portal | governors.example',
      '• Report concerns to the DSL.',
      'Signed by Ann Example ().',
      'Name | Ann Example',
      '',
      'Signature record',
      'Signed by: (awaiting)',
    ]);
  });

  it('handles negation, lists and nesting; a clause’s table goes with it; the last paragraph is emptied, not removed', () => {
    const staff = run('Staff').text;
    expect(staff).toContain('• Lock your classroom device.');
    expect(staff).not.toContain('Portal');
    const volunteer = run('Volunteer').text;
    expect(volunteer).not.toContain('DSL');
    expect(volunteer).not.toContain('Lock');
    expect(volunteer).not.toMatch(/\{\{/);
  });

  it('keeps a value that looks like a placeholder literal', () => {
    expect(run('Staff', '{{ School Name }}').text).toContain('Signed by {{ School Name }} ().');
  });

  it('is one call, whatever the number of placeholders, clauses and paragraphs', () => {
    expect(run('Governor').calls).toBe(1);
  });
});
