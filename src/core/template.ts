/**
 * Template analysis: finds an existing AUP's signature blocks ("To be completed by the user …
 * Signature / Name / Role / Date", "I approve this user …") so the school's own document works as
 * it is. Pure logic over the document's lines; the Docs adapter turns a Google Doc into lines and
 * applies the resulting {@link TextEdit}s.
 */

/** One paragraph, list item or table-cell paragraph of the document, in reading order. */
export interface DocLine {
  text: string;
  /** For a paragraph in a table cell: which table (0-based, in reading order), row and column. */
  cell?: { table: number; row: number; col: number };
}

export type FieldKey = 'signature' | 'name' | 'role' | 'date' | 'systems' | 'permissions';
export type BlockKind = 'user' | 'approver';

/** A signature-block field: where its value goes on its line. */
export interface Field {
  key: FieldKey;
  line: number;
  label: string;
  /** Start (inclusive) and end (exclusive) of the value region on the line. */
  start: number;
  end: number;
  /** The region already holds a value (a sample name, a date), which filling replaces. */
  filled: boolean;
}

export interface Block {
  kind: BlockKind;
  /** The line that introduces the block. */
  heading: number;
  fields: Field[];
}

export interface TemplateAnalysis {
  user: Block | undefined;
  approver: Block | undefined;
  /** The agreement wording in the user block ("I have read, understood and agreed …"), if any. */
  agreement: string | undefined;
  /** Problems a business manager can fix, in plain words. */
  problems: string[];
}

/** A replacement of characters [start, end) of one line by `text`. */
export interface TextEdit {
  line: number;
  start: number;
  end: number;
  text: string;
}

const USER_HEADING =
  /^\s*(to be completed by (the )?(user|member of staff|staff member|signatory|employee)\b|(user|staff|employee)('s)? (signature|declaration)\b|signed by the user\b)/i;
const APPROVER_HEADING =
  /^\s*(i approve this (user|person|member of staff)\b|to be completed by\b|authori[sz]ed (signature|by)\b|approved by\b|counter-?signed by\b|approver\b)/i;
const FIELD =
  /^(\s*)(signature|signed|full name \(printed\)|full name|print(?:ed)? name|name|job title|role|position|date signed|date|systems|additional permissions(?: \([^)]*\))?)(\s*)([:：]?)/i;
/** A heading that is itself the signature line: "Authorised signature: ____", "Staff signature: ____". */
const HEADING_FIELD =
  /^(\s*)((?:authori[sz]ed|approver(?:'s)?|user(?:'s)?|staff|employee(?:'s)?|member of staff) signature)(\s*)([:：]?)/i;
/** What counts as an empty value region: underscores, dots, spaces, tabs, conversion artefacts. */
const BLANK = /^(?:[\s_.…]|\[image: [^\]]*\])*$/;
/** How many lines after a heading a block's fields may stand. */
const BLOCK_REACH = 14;

/** Finds the user and approver blocks, their fields, and the agreement wording. */
export function analyseTemplate(lines: readonly DocLine[]): TemplateAnalysis {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let agreement: string | undefined;
  const add = (field: Field | undefined): boolean => {
    if (!field || !current) return false;
    if (!current.fields.some((f) => f.key === field.key)) current.fields.push(field);
    return true;
  };
  lines.forEach((line, i) => {
    const text = line.text;
    const kind = headingKind(text);
    if (kind) {
      if (!current || current.kind !== kind || current.fields.length > 0) {
        current = { kind, heading: i, fields: [] };
        blocks.push(current);
      }
      add(fieldAfter(HEADING_FIELD, text, i, 'signature'));
      return;
    }
    if (!current || i - current.heading > BLOCK_REACH) return;
    if (add(cellField(lines, i) ?? parseField(text, i))) return;
    if (current.kind === 'user' && current.fields.length === 0 && !agreement && text.trim().length > 30) {
      agreement = text.trim();
    }
  });
  const user = blocks.find((b) => b.kind === 'user' && b.fields.length > 0);
  const approver = blocks.find((b) => b.kind === 'approver' && b.fields.length > 0 && (!user || b !== user));
  const problems: string[] = [];
  if (!user) {
    problems.push(
      'No user signature block found: add a line "To be completed by the user" followed by "Signature:", "Name:", "Role:" and "Date:" lines.',
    );
  }
  if (!approver) {
    problems.push(
      'No approver block found: add a line "I approve this user to be allocated credentials" followed by "Signature:", "Name:", "Role:" and "Date:" lines.',
    );
  }
  return { user, approver, agreement, problems };
}

/** Whether a line opens a user or an approver block. */
export function headingKind(text: string): BlockKind | undefined {
  if (USER_HEADING.test(text)) return 'user';
  if (APPROVER_HEADING.test(text)) return 'approver';
  return undefined;
}

/**
 * A field line ("Name:\t____", "Role: _____", "Date: 26th January 2025", "Additional
 * permissions (e.g. admin) _____"), or undefined. Without a colon the label must be followed by
 * a blank (underscores or a tab), so prose such as "Name the person responsible" is no field.
 */
export function parseField(text: string, line: number): Field | undefined {
  return fieldAfter(FIELD, text, line);
}

/**
 * A field whose label `pattern` matches at the start of `text` (groups: lead, label, space,
 * colon), its value region being the rest of the line.
 */
function fieldAfter(pattern: RegExp, text: string, line: number, key?: FieldKey): Field | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [, lead = '', rawLabel = '', space = '', colon = ''] = m;
  const labelEnd = lead.length + rawLabel.length;
  if (!colon && !/^\s*[_\t]/.test(text.slice(labelEnd))) return undefined;
  const afterLabel = labelEnd + (colon ? space.length + colon.length : 0);
  const start = afterLabel + (/^\s*/.exec(text.slice(afterLabel))?.[0].length ?? 0);
  return {
    key: key ?? fieldKey(rawLabel),
    line,
    label: rawLabel.trim(),
    start,
    end: text.length,
    filled: !BLANK.test(text.slice(start)),
  };
}

/**
 * A field laid out as a table row: a cell holding only the label ("Name", "Date:") and the value
 * in the next cell of the same row, which the whole value region is.
 */
function cellField(lines: readonly DocLine[], i: number): Field | undefined {
  const here = lines[i];
  const next = lines[i + 1];
  if (!here?.cell || !next?.cell) return undefined;
  const sameRow = next.cell.table === here.cell.table && next.cell.row === here.cell.row;
  if (!sameRow || next.cell.col !== here.cell.col + 1) return undefined;
  const m = FIELD.exec(here.text);
  if (!m || here.text.slice(m[0].length).trim() !== '') return undefined;
  return {
    key: fieldKey(m[2] ?? ''),
    line: i + 1,
    label: (m[2] ?? '').trim(),
    start: 0,
    end: next.text.length,
    filled: !BLANK.test(next.text),
  };
}

function fieldKey(label: string): FieldKey {
  const l = label.toLowerCase();
  if (l.startsWith('sign')) return 'signature';
  if (l.includes('name')) return 'name';
  if (l.startsWith('date')) return 'date';
  if (l.startsWith('system')) return 'systems';
  if (l.startsWith('additional')) return 'permissions';
  return 'role';
}

/** Edits that write `values` into a block's fields; fields without a value are left alone. */
export function fillBlock(block: Block, values: Partial<Record<FieldKey, string>>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of block.fields) {
    const v = values[f.key];
    if (v !== undefined) edits.push({ line: f.line, start: f.start, end: f.end, text: v });
  }
  return edits;
}
