import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { STAFF_HEADERS, type StaffHeader } from '../../src/core/columns';
import { DEFAULT_STAFF_TYPES } from '../../src/core/config';
import { nameKey } from '../../src/core/names';
import { parseRoster } from '../../src/core/roster';
import { isEmail, normaliseEmail, oneLine } from '../../src/core/safe';
import { decodeText } from './encoding';
import { InputError } from './input-error';

/** A roster row as the local run reads it from CSV. */
export interface RosterRow {
  email: string;
  name: string;
  role: string;
  staffType: string;
  personalEmail: string;
  startDate: string;
  /** 1-based line in the CSV file. */
  line: number;
}

/** A roster file read: the rows that go ahead and what the summary says about the rest. */
export interface RosterFile {
  /** The rows the add-on accepts, in file order. */
  rows: RosterRow[];
  /** Each row left out: its message is `FILE:LINE: what to fix`. */
  skipped: InputError[];
  /** Header names the local run does not use (e.g. UPN, Department), as written. */
  ignoredColumns: string[];
  /** How the file was read, when that is not plain comma-separated UTF-8. */
  notes: string[];
}

/** What a roster row must fit: the school's Workspace domain and the staff types it knows. */
export interface RosterRules {
  domain: string;
  staffTypes: readonly string[];
  /** Who must have an active account, so cannot be a new starter (the local run's business manager and approvers). */
  active?: readonly string[];
}

/** The local run's school (emulator/cli/scenario.ts): its domain, and the add-on's default staff types. */
export const LOCAL_SCHOOL: RosterRules = { domain: 'school.example', staffTypes: DEFAULT_STAFF_TYPES };

const REQUIRED: readonly StaffHeader[] = ['Email', 'Name', 'Role', 'Staff Type'];
const OPTIONAL: readonly StaffHeader[] = ['Personal Email', 'Start Date'];
const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** A header name compared as people vary it: "STAFF TYPE", "staff_type", "Staff-Type" are "stafftype". */
const headerKey = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Reads a roster CSV as schools export them: UTF-8, UTF-16 with a byte-order mark or Windows-1252
 * ({@link decodeText}); comma, semicolon or tab between values (sniffed from the header line, or
 * Excel's `sep=` line); header `Email,Name,Role,Staff Type` (optional `Personal Email`,
 * `Start Date`) in any case and spacing, other columns ignored; blank rows and trailing empty
 * columns ignored. Each row the add-on would skip on the Staff sheet (`parseRoster`: not an
 * email, empty name, unknown staff type, control characters or direction overrides, too long;
 * an email already on an earlier good row) is left out, and so is one it would accept but the
 * local run cannot: an address outside `rules.domain`, a personal email inside it or for someone
 * in `rules.active`, a name with no letters (no typed signature could match it), more values
 * than columns.
 * @throws InputError for an unreadable file, bad quoting, a header without a required column (or
 *   with one twice), or a roster with no row that can go ahead
 */
export function loadRoster(file: string, rules: RosterRules = LOCAL_SCHOOL): RosterFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(file, undefined, `cannot be read (${(e as Error).message}).`);
  }
  const decoded = decodeText(file, bytes);
  const notes = decoded.note ? [decoded.note] : [];
  let text = decoded.text.replace(/\r\n?/g, '\n');
  let skipLines = 0;
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    skipLines = 1;
  }
  const delimiter = sep?.[1] ?? sniffDelimiter(text);
  if (delimiter !== ',')
    notes.push(`${file}: read as ${DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`}-separated.`);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(
      file,
      err.lines === undefined ? undefined : err.lines + skipLines,
      `not valid CSV: ${err.message}`,
    );
  }
  // csv-parse counts the line a record ends on; a quoted value may span lines.
  const firstLine = (r: (typeof records)[number]): number =>
    r.info.lines - r.record.join('').split('\n').length + 1 + skipLines;
  const [head, ...body] = records;
  if (!head)
    throw new InputError(
      file,
      undefined,
      `the file is empty: give a header ${REQUIRED.join(',')} and a row for each person.`,
    );
  const columns = readHeader(file, firstLine(head), head.record);
  const width = lastValue(head.record);

  const skipped: InputError[] = [];
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const line = firstLine(r);
    const at = (h: StaffHeader): string => {
      const i = columns.index.get(h);
      return i === undefined ? '' : (r.record[i] ?? '');
    };
    const row: RosterRow = {
      email: at('Email'),
      name: at('Name'),
      role: at('Role'),
      staffType: at('Staff Type'),
      personalEmail: at('Personal Email'),
      startDate: at('Start Date'),
      line,
    };
    const problems = rowProblems(row, rules);
    const values = lastValue(r.record);
    if (values > width)
      problems.push(
        `${values} values for ${width} columns: put quotes around a value that contains the delimiter ("Smith, Ann")`,
      );
    const email = normaliseEmail(row.email);
    const first = seen.get(email);
    if (!problems.length && first !== undefined) problems.push(`${email} is already on line ${first}`);
    if (problems.length) {
      skipped.push(new InputError(file, line, `${problems.join('; ')}.`));
      continue;
    }
    seen.set(email, line);
    rows.push(row);
  }
  if (!rows.length)
    throw new InputError(
      file,
      undefined,
      skipped.length
        ? `no row can be used: all ${skipped.length} need fixing, the first ${skipped[0]?.message}`
        : 'there is no one under the header: give a row for each person.',
    );
  return { rows, skipped, ignoredColumns: columns.ignored, notes };
}

/**
 * The rows of a roster CSV, for callers that expect every row to be good (the samples, tests).
 * @throws InputError as {@link loadRoster} does, and for the first row it would skip
 */
export function readRoster(file: string, rules: RosterRules = LOCAL_SCHOOL): RosterRow[] {
  const { rows, skipped } = loadRoster(file, rules);
  if (skipped[0]) throw skipped[0];
  return rows;
}

/** How many values a record has, not counting the empty ones at its end (Excel's trailing commas). */
const lastValue = (record: readonly string[]): number => record.reduce((n, v, i) => (v ? i + 1 : n), 0);

/** The delimiter used most often outside quotes on the first line: comma, semicolon or tab (comma on a tie). */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text.replace(/^\n+/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best));
}

/**
 * Where each column the local run uses is, and the other names in the header.
 * @throws InputError naming what is missing and what was found, or a column given twice
 */
function readHeader(
  file: string,
  line: number,
  header: string[],
): { index: Map<StaffHeader, number>; ignored: string[] } {
  const known = new Map([...REQUIRED, ...OPTIONAL].map((h) => [headerKey(h), h]));
  const index = new Map<StaffHeader, number>();
  const ignored: string[] = [];
  header.forEach((name, i) => {
    const h = known.get(headerKey(name));
    if (!h) {
      if (name) ignored.push(name);
      return;
    }
    const before = index.get(h);
    if (before !== undefined)
      throw new InputError(
        file,
        line,
        `the header has ${h} twice (columns ${before + 1} and ${i + 1}): keep one of them.`,
      );
    index.set(h, i);
  });
  const missing = REQUIRED.filter((h) => !index.has(h));
  if (missing.length)
    throw new InputError(
      file,
      line,
      `the header needs ${REQUIRED.join(', ')} (${OPTIONAL.join(' and ')} are optional); missing ${missing.join(', ')}; found ${header.filter(Boolean).join(', ') || 'nothing'}.`,
    );
  return { index, ignored };
}

/**
 * What is wrong with one row, as the add-on's own Staff sheet check says it (`parseRoster`, on
 * this row alone), then what the local run also needs: the email inside the domain, a personal
 * email outside it and none for those who run the sign-off, a name with letters.
 */
function rowProblems(row: RosterRow, rules: RosterRules): string[] {
  const cells: Record<StaffHeader, string> = {
    Email: row.email,
    Name: row.name,
    Role: row.role,
    'Staff Type': row.staffType,
    'Personal Email': row.personalEmail,
    'Start Date': row.startDate,
    'Leaving Date': '',
  };
  const col = Object.fromEntries(STAFF_HEADERS.map((h, i) => [h, i])) as Record<StaffHeader, number>;
  const { problems } = parseRoster([STAFF_HEADERS.map((h) => cells[h])], col, rules.staffTypes);
  const out = problems.map((p) => p.message.replace(/^Staff row \d+: /, '').replace(/\.$/, ''));
  const email = normaliseEmail(oneLine(row.email));
  const personal = normaliseEmail(oneLine(row.personalEmail));
  const inDomain = (e: string): boolean => e.endsWith(`@${rules.domain}`);
  if (isEmail(email) && !inDomain(email))
    out.push(
      `${email} is not at ${rules.domain}: staff sign with their school account (a home address goes in Personal Email)`,
    );
  if (personal && inDomain(personal))
    out.push(
      `the personal email ${personal} is at ${rules.domain}: a new starter's personal address is outside the school`,
    );
  if (personal && rules.active?.includes(email))
    out.push(
      `${email} runs the sign-off in the local run, so needs an active account: leave the Personal Email empty`,
    );
  if (oneLine(row.name) && !nameKey(row.name))
    out.push(`the name "${oneLine(row.name)}" has no letters, so no typed signature could match it`);
  return out;
}
