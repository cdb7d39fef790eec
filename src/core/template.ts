/**
 * Template analysis: finds an existing AUP's signature blocks ("To be completed by the user …
 * Signature / Name / Role / Date", "I approve this user …") so the school's own document works as
 * it is. Pure logic over the document's lines; the Docs adapter turns a Google Doc into lines and
 * applies the resulting {@link TextEdit}s.
 *
 * A field is a label ("Signature", "Full Name (printed)", "Print name", "Job title / Role",
 * "Headteacher's name", with or without a colon) and its value region: the blank (underscores,
 * dots, tabs) or sample value after it on the same line, up to the next label; or, for a label
 * alone on its line, the blank or sample value on the next line; or, in a table, the next cell
 * of the row (or the cell below when the row holds only labels). Lines joined by soft breaks
 * (Shift+Enter, "\r" in a paragraph's text) are separate lines here.
 */

/** One paragraph, list item or table-cell paragraph of the document, in reading order. */
export interface DocLine {
  text: string;
  /** For a paragraph in a table cell: which table (0-based, in reading order), row and column. */
  cell?: { table: number; row: number; col: number };
}

export type FieldKey = 'signature' | 'name' | 'role' | 'date' | 'systems' | 'permissions';
export type BlockKind = 'user' | 'approver';

/** A signature-block field: where its value goes. */
export interface Field {
  key: FieldKey;
  /** The line (index into the lines) the value region is on. */
  line: number;
  /** The line the label is on: `line`, or the one above it or beside it (a table cell). */
  labelLine: number;
  label: string;
  /** Start (inclusive) and end (exclusive) of the value region on its line, in UTF-16 units. */
  start: number;
  end: number;
  /** The region already holds a value (a sample name, a date), which filling replaces. */
  filled: boolean;
  /** Written before the value so that the line reads "Label: value": '', ' ' or ': '. */
  lead: string;
  /** Written after the value when the next label followed the blank with no space: '' or ' '. */
  trail: string;
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

/** The fields a block must have to be filled in: who signed, their name, and when. */
export const REQUIRED_FIELDS: readonly FieldKey[] = ['signature', 'name', 'date'];
/** Fields a block may have, which are filled where they are found. */
export const OPTIONAL_FIELDS: Record<BlockKind, readonly FieldKey[]> = {
  user: ['role'],
  approver: ['role', 'systems', 'permissions'],
};
/** The words for each field in the template check. */
export const FIELD_WORDS: Record<FieldKey, string> = {
  signature: 'Signature',
  name: 'Name',
  role: 'Role',
  date: 'Date',
  systems: 'Systems',
  permissions: 'Additional permissions',
};

const USER_HEADING =
  /^\s*(to be completed by (the |all |each |every )?(users?|members? of staff|staff members?|signatory|employees?|staff|teachers?|volunteers?|governors?|contractors?|colleagues?|you)\b|(user|staff|employee|staff member|member of staff)(['’]s)? (signature|declaration|agreement)\b|declaration by (the )?(user|member of staff|staff member|employee)\b|signed by the user\b)/iu;
const APPROVER_HEADING =
  /^\s*(i approve this (user|person|member of staff)\b|to be completed by\b|authori[sz]ed (signature|by)\b|authori[sz]ation\b|approved by\b|counter-?signed by\b|approver\b|for (school|office) use( only)?\b|(head ?teacher|principal|line manager|approver)(['’]s)? (approval|authori[sz]ation|countersignature|counter-signature)\b)/iu;

/** Who a label belongs to ("Headteacher's name", "Staff signature"), which opens that block. */
const USER_WHO = 'staff member|member of staff|staff|employee|user|your';
const APPROVER_WHO =
  'approver|authoriser|authorizer|authori[sz]ed|head ?teacher|principal|technician|line manager|manager';
const CORE: [FieldKey, string][] = [
  ['signature', 'signature|signed'],
  ['name', 'full name|print(?:ed)? name|name in (?:block )?capitals|name|print'],
  ['role', 'job title\\s*/\\s*role|role\\s*/\\s*job title|job title|job role|role|position|post|designation'],
  ['date', 'date signed|date of signing|dated|date'],
  ['systems', 'systems(?: access(?: granted)?)?'],
  ['permissions', 'additional permissions|permissions'],
];
const LABEL = new RegExp(
  `(?<=^|[\\s_.…|:])((?:(${USER_WHO}|${APPROVER_WHO})(?:['’]s|s['’])?[ \\u00a0])?(${CORE.map(([, c]) => c).join('|')})(?:[ \\u00a0]of[ \\u00a0](?:the[ \\u00a0])?(${USER_WHO}|${APPROVER_WHO}))?(?:[ \\u00a0]in full)?(?:\\s*\\([^()]{0,40}\\))?)(?![\\p{L}\\p{N}])(\\s*[:：])?`,
  'giu',
);
/** Filler after a label without a colon that marks a blank: underscores, dots, an ellipsis, a tab. */
const FILLER = /^[ \u00a0]*(?:_|\.{2}|…|\t)/u;
/** What counts as an empty value region: filler, spaces, an image or other object (U+FFFC), conversion artefacts. */
const BLANK = /^(?:[\s_.…\uFFFC/-]|\[image: [^\]]*\])*$/u;
/**
 * What stands before a label in the middle of a line that has no label before it, for it to be a
 * field ("____   Date:"): filler, a tab or a wide gap. Prose such as "Next review date: Sept 2026"
 * has a word and one space instead.
 */
const FIELD_GAP = /(?:[_.…\t|]|\s{2,})\s*$/u;
/**
 * Lines that are not a sample value under a lone label: another form field schools print (not
 * ours), or an instruction.
 */
const NOT_A_VALUE =
  /^(?:department|school|class|year(?: group)?|e-?mail|(?:tele)?phone|mobile|address|post ?code|date of birth|d\.?o\.?b\.?|key stage|subject|line manager|start date|employee (?:number|no\.?)|staff (?:number|no\.?|id)|payroll|ni number|please|return|sign|complete|tick|print|keep|send|read|write|initial)\b/iu;
/** A hint in brackets after a blank ("________ (dd/mm/yyyy)"), which filling keeps. */
const HINT = /\s+\([^()]*\)$/u;
/** How many lines after a heading or a block's last field its fields may stand. */
const BLOCK_REACH = 14;
/**
 * Longest text on the line after a lone label that is taken for its sample value; a list of
 * names joined by " or " (the approvers, as documents are made) counts each name.
 */
const SAMPLE_MAX = 60;

/** A run of a line's text between soft line breaks. */
interface Segment {
  line: number;
  /** Where the segment starts in its line's text. */
  offset: number;
  text: string;
}

/** A label found on a segment, before its value region is settled. */
interface Label {
  key: FieldKey;
  label: string;
  who: BlockKind | undefined;
  /** Where the label starts and where it ends (after its colon, if any), in the segment. */
  at: number;
  end: number;
  colon: boolean;
}

/** Finds the user and approver blocks, their fields, and the agreement wording. */
export function analyseTemplate(lines: readonly DocLine[]): TemplateAnalysis {
  const segments = lines.flatMap(segmentsOf);
  const blocks: Block[] = [];
  let current: (Block & { reach: number }) | undefined;
  let agreement: string | undefined;
  const consumed = new Set<Segment>();
  const open = (kind: BlockKind, line: number): void => {
    current = { kind, heading: line, fields: [], reach: line };
    blocks.push(current);
  };
  segments.forEach((seg, s) => {
    if (consumed.has(seg)) return;
    const kind = headingKind(seg.text);
    const found = labelsIn(seg.text);
    const inside =
      current !== undefined &&
      current.kind === kind &&
      seg.line - current.reach <= BLOCK_REACH &&
      found.length > 0;
    if (kind && (!current || current.kind !== kind || (current.fields.length > 0 && !inside)))
      open(kind, seg.line);
    for (const [n, label] of found.entries()) {
      const near = current && seg.line - current.reach <= BLOCK_REACH;
      if (label.who && (!near || current?.kind !== label.who)) open(label.who, seg.line);
      else if (!near) continue;
      const block = current as Block & { reach: number };
      const field = regionOf(lines, segments, s, label, found[n + 1], consumed);
      if (!block.fields.some((f) => f.key === field.key)) block.fields.push(field);
      block.reach = Math.max(block.reach, field.line);
    }
    if (found.length || kind || !current) return;
    if (current.kind === 'user' && current.fields.length === 0 && !agreement && seg.text.trim().length > 30) {
      agreement = seg.text.trim();
    }
  });
  const user = blocks.find((b) => b.kind === 'user' && b.fields.length > 0);
  const approver = blocks.find((b) => b.kind === 'approver' && b.fields.length > 0);
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
  for (const b of [user, approver]) {
    if (!b) continue;
    const missing = missingFields(b);
    if (!missing.length) continue;
    const heading = (lines[b.heading]?.text ?? '').trim().slice(0, 80);
    problems.push(
      `The ${b.kind === 'user' ? 'user' : 'approver'} block ("${heading}") has no ${missing.map((k) => FIELD_WORDS[k]).join(' or ')} field: add ${missing.map((k) => `"${FIELD_WORDS[k]}: ____"`).join(' and ')} to it, each on its own line or in its own table cell.`,
    );
  }
  return { user, approver, agreement, problems };
}

/** The required fields a block lacks. */
export function missingFields(block: Block): FieldKey[] {
  return REQUIRED_FIELDS.filter((k) => !block.fields.some((f) => f.key === k));
}

/** Whether a line opens a user or an approver block. */
export function headingKind(text: string): BlockKind | undefined {
  if (USER_HEADING.test(text)) return 'user';
  if (APPROVER_HEADING.test(text)) return 'approver';
  return undefined;
}

/**
 * The first field on a line whose value is on that line ("Name:\t____", "Role: _____", "Date:
 * 26th January 2025", "Additional permissions (e.g. admin) _____"), or undefined. Without a
 * colon the label must be followed by a blank (underscores, dots, a tab) or stand alone, so
 * prose such as "Name the person responsible" is no field.
 */
export function parseField(text: string, line: number): Field | undefined {
  const seg: Segment = { line, offset: 0, text: text.split(/[\r\v\n]/)[0] ?? '' };
  const found = labelsIn(seg.text);
  const first = found[0];
  return first ? sameLine(seg, first, found[1]) : undefined;
}

/** A line's segments between soft line breaks ("\r", "\v", "\n"). */
function segmentsOf(line: DocLine, index: number): Segment[] {
  const out: Segment[] = [];
  let offset = 0;
  for (const text of line.text.split(/[\r\v\n]/)) {
    out.push({ line: index, offset, text });
    offset += text.length + 1;
  }
  return out;
}

/** Every label on a segment, in order. */
function labelsIn(text: string): Label[] {
  const out: Label[] = [];
  for (const m of text.matchAll(LABEL)) {
    const at = m.index;
    const colon = Boolean(m[5]);
    const end = at + m[0].length;
    const after = text.slice(end);
    const alone = text.slice(0, at).trim() === '';
    const blankAfter = FILLER.test(after);
    const nothingAfter = after.trim() === '' || /^\s{2,}\S/u.test(after);
    if (!colon && !blankAfter && !(alone && nothingAfter)) continue;
    if (colon && !alone && !out.length && !FIELD_GAP.test(text.slice(0, at)) && !blankAfter) continue;
    const rawLabel = (m[1] ?? '').trim();
    const who = (m[2] ?? m[4])?.toLowerCase();
    out.push({
      key: fieldKey(m[3] ?? ''),
      label: rawLabel,
      who: who ? (new RegExp(`^(?:${USER_WHO})$`, 'iu').test(who) ? 'user' : 'approver') : undefined,
      at,
      end,
      colon,
    });
  }
  return out;
}

/**
 * Where a label's value goes: after it on its segment; for a label alone on its segment, the
 * blank or sample on the next segment (of the same cell), or the next cell of its table row, or
 * the cell below; failing those, straight after the label.
 */
function regionOf(
  lines: readonly DocLine[],
  segments: readonly Segment[],
  s: number,
  label: Label,
  next: Label | undefined,
  consumed: Set<Segment>,
): Field {
  const seg = segments[s] as Segment;
  const here = sameLine(seg, label, next);
  if (next || here.start < here.end || seg.text.slice(label.end).trim() !== '') return here;
  const below = segments[s + 1];
  const cell = lines[seg.line]?.cell;
  if (below && sameCell(lines, seg.line, below.line) && sampleOrBlank(below.text)) {
    consumed.add(below);
    return wholeSegment(below, label, seg.line);
  }
  if (cell) {
    const target = neighbourCell(lines, segments, cell);
    if (target) {
      consumed.add(target);
      return wholeSegment(target, label, seg.line);
    }
  }
  return here;
}

/** The value region after a label on its own segment, up to the next label. */
function sameLine(seg: Segment, label: Label, next: Label | undefined): Field {
  const text = seg.text;
  const stop = next ? next.at : text.length;
  const value = text.slice(label.end, stop);
  const lead = value.length - value.trimStart().length;
  const start = Math.min(label.end + lead, stop);
  const hint = HINT.exec(value.trimEnd());
  const kept = hint && BLANK.test(value.slice(0, hint.index)) ? value.slice(0, hint.index) : value;
  const end = Math.max(start, label.end + kept.trimEnd().length);
  const spaced = start > label.end;
  return fieldAt(label, seg, start, end, {
    labelLine: seg.line,
    lead: spaced ? '' : label.colon ? ' ' : ': ',
    trail: next && end === next.at ? ' ' : '',
  });
}

/** A whole segment (trimmed) as the value region of a label on another segment or cell. */
function wholeSegment(seg: Segment, label: Label, labelLine: number): Field {
  const start = seg.text.length - seg.text.trimStart().length;
  const end = Math.max(start, seg.text.trimEnd().length);
  return fieldAt(label, seg, start, end, { labelLine, lead: '', trail: '' });
}

/** The field of `label` whose value region is [start, end) of segment `seg`. */
function fieldAt(
  label: Label,
  seg: Segment,
  start: number,
  end: number,
  around: Pick<Field, 'labelLine' | 'lead' | 'trail'>,
): Field {
  return {
    key: label.key,
    line: seg.line,
    label: label.label,
    start: seg.offset + start,
    end: seg.offset + end,
    filled: !BLANK.test(seg.text.slice(start, end)),
    ...around,
  };
}

/** Text on the line after a lone label that is its value: a blank, or a short sample value. */
function sampleOrBlank(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (BLANK.test(t)) return true;
  return (
    t.split(' or ').every((name) => name.length <= SAMPLE_MAX) &&
    !labelsIn(t).length &&
    !headingKind(t) &&
    !NOT_A_VALUE.test(t) &&
    !/[:()[\]{}]/u.test(t) &&
    !/[.;?!]$/u.test(t)
  );
}

function sameCell(lines: readonly DocLine[], a: number, b: number): boolean {
  const x = lines[a]?.cell;
  const y = lines[b]?.cell;
  if (!x || !y) return !x && !y;
  return x.table === y.table && x.row === y.row && x.col === y.col;
}

/**
 * The first segment of the cell to the right of a label cell, unless it is itself a lone label
 * (a row of labels), in which case the cell below.
 */
function neighbourCell(
  lines: readonly DocLine[],
  segments: readonly Segment[],
  cell: NonNullable<DocLine['cell']>,
): Segment | undefined {
  const firstOf = (row: number, col: number): Segment | undefined =>
    segments.find((g) => {
      const c = lines[g.line]?.cell;
      return c?.table === cell.table && c.row === row && c.col === col;
    });
  const free = (g: Segment | undefined): g is Segment => Boolean(g) && !labelsIn((g as Segment).text).length;
  const right = firstOf(cell.row, cell.col + 1);
  if (free(right)) return right;
  const below = firstOf(cell.row + 1, cell.col);
  return free(below) ? below : undefined;
}

function fieldKey(core: string): FieldKey {
  const l = core.toLowerCase();
  return (CORE.find(([, c]) => new RegExp(`^(?:${c})$`, 'iu').test(l))?.[0] ?? 'role') as FieldKey;
}

/**
 * Edits that write `values` into a block's fields, each in its own region so that every other
 * character of the line stays ("Signature: ____   Date: ____" keeps its Date), as "Label: value";
 * fields without a value are left alone.
 */
export function fillBlock(block: Block, values: Partial<Record<FieldKey, string>>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of block.fields) {
    const v = values[f.key];
    if (v !== undefined)
      edits.push({ line: f.line, start: f.start, end: f.end, text: `${f.lead}${v}${f.trail}` });
  }
  return edits;
}
