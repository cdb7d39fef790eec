import { findClauses } from './clauses';
import { findPlaceholders } from './placeholders';
import { analyseTemplate, type Block, type DocLine } from './template';

/** What the setup card shows of a template: what was found, and what to fix. */
export interface TemplateReport {
  found: string[];
  problems: string[];
  agreement: string | undefined;
}

/**
 * The whole template check: signature blocks and their fields, placeholders (unknown ones are
 * problems: they would be left empty), staff-type clauses and their marker problems.
 */
export function templateReport(lines: readonly DocLine[], staffTypes: readonly string[]): TemplateReport {
  const analysis = analyseTemplate(lines);
  const placeholders = findPlaceholders(lines);
  const clauses = findClauses(lines, staffTypes);
  const block = (name: string, b: Block | undefined): string =>
    b
      ? `${name}: ${b.fields.map((f) => `${f.label}${f.filled ? ' (filled in the template; will be replaced)' : ''}`).join(', ')}`
      : '';
  const found = [
    block('User signature block', analysis.user),
    block('Approver block', analysis.approver),
    placeholders.known.length ? `Placeholders: ${placeholders.known.join(', ')}` : '',
    clauses.clauses.length
      ? `Staff-type clauses: ${clauses.clauses.map((c) => `${c.negate ? 'not ' : ''}${c.types.join(' or ')}`).join('; ')}`
      : '',
    analysis.agreement ? `Agreement wording: "${analysis.agreement}"` : '',
  ].filter(Boolean);
  const problems = [
    ...analysis.problems,
    ...placeholders.unknown.map(
      (u) =>
        `Unknown placeholder ${u}: it would be left empty. Known ones are School Name, Name, Role, Staff Type, Email, Policy Version, Date, Due By, Approver Name.`,
    ),
    ...clauses.problems,
  ];
  if (!analysis.user || !analysis.approver) {
    problems.push(
      'Prepare template makes a copy with the missing block added; your original is never changed.',
    );
  }
  return { found, problems, agreement: analysis.agreement };
}
