import { findClauses } from './clauses';
import { findPlaceholders } from './placeholders';
import {
  analyseTemplate,
  FIELD_WORDS,
  missingFields,
  OPTIONAL_FIELDS,
  type Block,
  type BlockKind,
  type DocLine,
} from './template';

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
  const block = (name: string, kind: BlockKind, b: Block | undefined): string => {
    if (!b) return '';
    const heading = (lines[b.heading]?.text ?? '').trim().slice(0, 80);
    const found = b.fields.map(
      (f) => `${f.label}${f.filled ? ' (filled in the template; will be replaced)' : ''}`,
    );
    const absent = [
      ...missingFields(b).map((k) => FIELD_WORDS[k]),
      ...OPTIONAL_FIELDS[kind]
        .filter((k) => !b.fields.some((f) => f.key === k))
        .map((k) => `${FIELD_WORDS[k]} (optional)`),
    ];
    return `${name} ("${heading}"): found ${found.join(', ')}${absent.length ? `; not found: ${absent.join(', ')}` : ''}`;
  };
  const found = [
    block('User signature block', 'user', analysis.user),
    block('Approver block', 'approver', analysis.approver),
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
  if (
    !analysis.user ||
    !analysis.approver ||
    missingFields(analysis.user).length ||
    missingFields(analysis.approver).length
  ) {
    problems.push(
      'Prepare template makes a copy with what is missing added; your original is never changed.',
    );
  }
  return { found, problems, agreement: analysis.agreement };
}
