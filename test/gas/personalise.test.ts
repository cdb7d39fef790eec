import { Execution } from '../../emulator/core/execution';
import { createDocumentApp } from '../../emulator/services/document';
import {
  createDocumentFromElements,
  documentText,
  type TemplateElement,
} from '../../emulator/services/document/io';
import { personalise } from '../../src/gas/personalise';
import { newWorkspace } from '../emulator/support';

const TEMPLATE: TemplateElement[] = [
  { type: 'paragraph', text: 'Everyone at {{ School Name }}: keep your password private.' },
  { type: 'paragraph', text: '{{#if Staff Type is Governor}}' },
  { type: 'paragraph', text: 'Governors: use the governor portal.' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: '{{ #IF staff type is not volunteer }}' },
  { type: 'listItem', text: 'Report concerns to the DSL.' },
  { type: 'paragraph', text: '{{#if Staff Type is Staff or Contractor}}' },
  { type: 'listItem', text: 'Lock your classroom device.' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: '{{/if}}' },
  { type: 'paragraph', text: 'Signed by {{name}} ({{ Mystery }}).' },
  { type: 'table', rows: [['Name', '{{ Name }}']] },
];

/** The template personalised for `staffType` on the emulated DocumentApp; returns its text and the calls made. */
function run(staffType: string, name = 'Ann Example'): { text: string; calls: number } {
  const ws = newWorkspace();
  const id = createDocumentFromElements(ws, 'bm@school.example', 'AUP', TEMPLATE);
  const exec = new Execution(ws, 'editor', 'bm@school.example', 'bm@school.example');
  const doc = createDocumentApp(exec).openById(id);
  ws.accounting.reset();
  personalise(doc.getBody(), staffType, { 'School Name': 'Oakfield', Name: name });
  return { text: documentText(ws, id), calls: ws.accounting.total() };
}

describe('personalising a document in place', () => {
  it('keeps a Governor’s clauses and drops the others, markers removed, placeholders filled', () => {
    expect(run('Governor').text.split('\n')).toEqual([
      'Everyone at Oakfield: keep your password private.',
      'Governors: use the governor portal.',
      '• Report concerns to the DSL.',
      'Signed by Ann Example ().',
      'Name | Ann Example',
      '',
    ]);
  });

  it('handles negation, lists and nesting', () => {
    expect(run('Staff').text).toContain('• Lock your classroom device.');
    const volunteer = run('Volunteer').text;
    expect(volunteer).not.toContain('DSL');
    expect(volunteer).not.toContain('Lock');
    expect(volunteer).not.toMatch(/\{\{/);
  });

  it('keeps a value that looks like a placeholder literal', () => {
    expect(run('Staff', '{{ School Name }}').text).toContain('Signed by {{ School Name }} ().');
  });

  it('makes calls in proportion to the placeholders and clauses, not the paragraphs', () => {
    expect(run('Governor').calls).toBeLessThan(120);
  });
});
