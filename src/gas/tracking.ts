import {
  AUDIT_HEADERS,
  AUDIT_SHEET,
  DASHBOARD_SHEET,
  SIGNATURES_SHEET,
  SIGNATURE_HEADERS,
  STAFF_HEADERS,
  STAFF_SHEET,
  STATUS_COLOURS,
  TOKENS_SHEET,
  TOKEN_HEADERS,
  VERSIONS_SHEET,
  VERSION_HEADERS,
  RECORDS_SHEET,
  RECORDS_HEADERS,
  columnIndex,
  type AuditHeader,
  type SignatureHeader,
  type StaffHeader,
} from '../core/columns';
import type { Config } from '../core/config';
import type { DashboardRow } from '../core/dashboard';
import { parseRoster, type Roster } from '../core/roster';
import { cellsOf, columnRuns, requestFromRow, type Cell } from '../core/rows';
import { dateOrNull, type SignatureRequest } from '../core/request';
import { fitCell } from '../core/limits';
import { sheetSafe } from '../core/safe';
import { lockState } from './lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A request with its 1-based row on the Signatures sheet. */
export interface StoredRequest {
  row: number;
  request: SignatureRequest;
}

/** A form token as stored: its hash, request, and when it was used (null while unused). */
export interface StoredToken {
  row: number;
  hash: string;
  requestId: string;
  usedAt: Date | null;
}

/** One Audit row. */
export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  requestId: string;
  details: string;
}

/** One request's row as it is now: the request, and the row's cells as read (to write back around the changed ones). */
export interface RowRead {
  stored: StoredRequest;
  values: unknown[];
}

/** The Signatures sheet as read in one batch: the requests and what is needed to write back. */
export interface SignaturesSnapshot {
  requests: StoredRequest[];
  col: Record<SignatureHeader, number>;
  /** Every cell of the sheet as read, so a block write keeps the rows it does not change. */
  values: unknown[][];
}

const DATE_TIME = 'd mmmm yyyy hh:mm';
/** Columns kept as plain text, so Sheets never turns "2.0" into a number or a label into a date. */
const TEXT_COLUMNS: SignatureHeader[] = SIGNATURE_HEADERS.filter(
  (h) =>
    !['Due By', 'Invited At', 'Signed At', 'Approved At', 'Last Reminder At', 'Reminders Sent'].includes(h),
);
const DATE_ONLY = 'd mmmm yyyy';
/**
 * Rows the Staff sheet is given at setup, its text columns (Email, Name, Role, Staff Type,
 * Personal Email) formatted as plain text, so that a roster pasted in, up to the largest school,
 * stays exactly as typed: "=HYPERLINK(…)" or "+1" are text, never a formula or a number.
 */
const STAFF_ROWS = 2500;

/**
 * The last Signatures snapshot this execution read outside the lock, reused until the lock is
 * taken or released (see `lockState`): a card's several reads of the sheet become one.
 */
let READ: { id: string; generation: number; snap: SignaturesSnapshot } | undefined;

/** The spreadsheets this execution has opened, by ID. */
const OPENED = new Map<string, GoogleAppsScript.Spreadsheet.Spreadsheet>();

/**
 * The tracking spreadsheet (DESIGN.md §4). Reads are one `getValues` per sheet and writes one
 * `setValues` per block of adjacent columns, whatever the number of rows. Callers hold the
 * script lock around a read-modify-write.
 */
export class Tracking {
  private constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly ssId: string,
  ) {}

  /**
   * Opens the configured tracking spreadsheet, once per execution: later calls reuse it (an
   * execution starts with the script's globals afresh, so nothing outlives it).
   */
  static open(config: Config): Tracking {
    return Tracking.openById(config.trackingSpreadsheetId);
  }

  /**
   * Creates the tracking spreadsheet, empty; {@link ensureSheets} then gives it its sheets. Two
   * steps, so a setup that stops in between carries on with the same spreadsheet.
   */
  static create(schoolName: string): Tracking {
    const ss = SpreadsheetApp.create(`AUP Signer tracking — ${schoolName}`);
    ss.setSpreadsheetTimeZone('Europe/London');
    return new Tracking(ss, ss.getId());
  }

  /** Opens the tracking spreadsheet by ID, once per execution (see {@link open}). */
  static openById(id: string): Tracking {
    const ss = OPENED.get(id) ?? SpreadsheetApp.openById(id);
    OPENED.set(id, ss);
    return new Tracking(ss, id);
  }

  /**
   * Gives the spreadsheet its sheets and their formatting, whatever an earlier run left: Signatures,
   * Staff, Audit, Dashboard and Form Tokens, each made if missing (the new spreadsheet's one blank
   * sheet, whatever its name in the owner's language, becomes Signatures), header rows where they
   * are empty, frozen headers, a filter, en-GB date formats, a colour per status, plain-text
   * columns, the Staff sheet's checks and Form Tokens hidden ({@link tidySheets}), and the
   * protections of
   * {@link protectSheets}. Formatting is applied again each time
   * and the filter and protections are added only where missing, so a setup that stopped part-way
   * carries on to the same spreadsheet it would have made in one go.
   */
  ensureSheets(staffTypes: readonly string[]): void {
    const ss = this.ss;
    const ours = [SIGNATURES_SHEET, STAFF_SHEET, AUDIT_SHEET, DASHBOARD_SHEET, TOKENS_SHEET];
    const sheetNamed = (name: string): Sheet => {
      const found = ss.getSheetByName(name);
      if (found) return found;
      const all = ss.getSheets();
      const blank =
        all.length === 1 &&
        !ours.includes((all[0] as Sheet).getName()) &&
        (all[0] as Sheet).getLastRow() === 0;
      if (blank) return (all[0] as Sheet).setName(name);
      const before = ours.slice(0, ours.indexOf(name)).filter((n) => all.some((sh) => sh.getName() === n));
      return ss.insertSheet(name, before.length);
    };
    const headed = (sheet: Sheet, headers: readonly string[]): Sheet => {
      if (sheet.getRange(1, 1).getValue() === '') this.header(sheet, headers);
      return sheet;
    };
    this.formatSignatures(headed(sheetNamed(SIGNATURES_SHEET), SIGNATURE_HEADERS));
    const staff = headed(sheetNamed(STAFF_SHEET), STAFF_HEADERS);
    if (staff.getMaxRows() < STAFF_ROWS)
      staff.insertRowsAfter(staff.getMaxRows(), STAFF_ROWS - staff.getMaxRows());
    staff.getRange(2, 1, staff.getMaxRows() - 1, 5).setNumberFormat('@');
    staff.getRange(2, 6, staff.getMaxRows() - 1, 2).setNumberFormat(DATE_ONLY);
    const audit = headed(sheetNamed(AUDIT_SHEET), AUDIT_HEADERS);
    audit.getRange(2, 1, audit.getMaxRows() - 1, AUDIT_HEADERS.length).setNumberFormat('@');
    sheetNamed(DASHBOARD_SHEET);
    headed(sheetNamed(TOKENS_SHEET), TOKEN_HEADERS);
    this.tidySheets(staffTypes);
    this.protectSheets();
  }

  /**
   * Protects the sheets only the add-on writes (Signatures, Audit, Form Tokens, Dashboard) so that
   * only the spreadsheet's owner, the web app's user, can edit them: business managers read them
   * and act through the cards, and nobody can slip a token hash into Form Tokens or rewrite the
   * Audit. The Staff sheet stays theirs to edit. Idempotent: a protection someone widened (made
   * warning-only, or given editors) is narrowed again to the owner (Protection.setWarningOnly,
   * removeEditors).
   */
  protectSheets(): void {
    const why: [string, string][] = [
      [SIGNATURES_SHEET, 'AUP Signer requests: written by the add-on alone'],
      [AUDIT_SHEET, 'AUP Signer audit log: append-only, written by the add-on alone'],
      [TOKENS_SHEET, 'AUP Signer form references: written by the add-on alone'],
      [DASHBOARD_SHEET, 'AUP Signer dashboard: written by the add-on alone'],
    ];
    const me = Session.getEffectiveUser().getEmail().toLowerCase();
    for (const [name, description] of why) {
      const sheet = this.sheet(name);
      const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
      if (!existing) {
        ownerOnly(sheet, description);
        continue;
      }
      if (existing.isWarningOnly()) existing.setWarningOnly(false);
      const extra = existing
        .getEditors()
        .map((u) => u.getEmail().toLowerCase())
        .filter((e) => e !== me);
      if (extra.length) existing.removeEditors(extra);
    }
  }

  private formatSignatures(first: Sheet): void {
    const rows = first.getMaxRows() - 1;
    const dateCols: [SignatureHeader, string][] = [
      ['Due By', DATE_ONLY],
      ['Invited At', DATE_TIME],
      ['Signed At', DATE_TIME],
      ['Approved At', DATE_TIME],
      ['Last Reminder At', DATE_TIME],
    ];
    for (const [h, fmt] of dateCols)
      first.getRange(2, SIGNATURE_HEADERS.indexOf(h) + 1, rows, 1).setNumberFormat(fmt);
    for (const h of TEXT_COLUMNS)
      first.getRange(2, SIGNATURE_HEADERS.indexOf(h) + 1, rows, 1).setNumberFormat('@');
    const statusRange = first.getRange(2, SIGNATURE_HEADERS.indexOf('Status') + 1, rows, 1);
    first.setConditionalFormatRules(
      Object.entries(STATUS_COLOURS).map(([status, colour]) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(status)
          .setBackground(colour)
          .setRanges([statusRange])
          .build(),
      ),
    );
    if (!first.getFilter()) first.getRange(1, 1, first.getMaxRows(), SIGNATURE_HEADERS.length).createFilter();
  }

  /** The spreadsheet's ID. */
  get id(): string {
    return this.ssId;
  }

  /** The spreadsheet's URL. */
  get url(): string {
    return this.ss.getUrl();
  }

  /**
   * Reads the Signatures sheet in one batch. Outside the lock a read is reused until the lock is
   * next taken or released (every write is made under it); under the lock it is always read.
   */
  readSignatures(): SignaturesSnapshot {
    const lock = lockState();
    const id = this.ssId;
    if (!lock.held && READ?.id === id && READ.generation === lock.generation) return READ.snap;
    const snap = this.readSignaturesNow();
    READ = lock.held ? undefined : { id, generation: lock.generation, snap };
    return snap;
  }

  /**
   * After rows were written under the lock and the lock released: `snap`, with `changed` and
   * `added` as written, is kept as this execution's read, so the card drawn next needs no second
   * read of the sheet. A snapshot read under that lock is exact as of its release; one read just
   * before the lock (a one-row change) is as fresh as any read outside the lock.
   */
  keepAfterWrites(
    snap: SignaturesSnapshot,
    changed: readonly StoredRequest[],
    added: readonly SignatureRequest[] = [],
  ): void {
    const lock = lockState();
    if (lock.held) return;
    const byRow = new Map(changed.map((c) => [c.row, c.request] as const));
    const first = snap.values.length + 1;
    added.forEach((r, i) => byRow.set(first + i, r));
    const values = snap.values.slice();
    for (const [row, request] of byRow) {
      const cells = cellsOf(request);
      const line = [...(values[row - 1] ?? [])];
      for (const h of SIGNATURE_HEADERS) line[snap.col[h]] = toCell(cells[h]);
      values[row - 1] = line;
    }
    const requests = [
      ...snap.requests.map((s) => ({ row: s.row, request: byRow.get(s.row) ?? s.request })),
      ...added.map((request, i) => ({ row: first + i, request })),
    ];
    READ = { id: this.ssId, generation: lock.generation, snap: { ...snap, requests, values } };
  }

  private readSignaturesNow(): SignaturesSnapshot {
    const values = this.sheet(SIGNATURES_SHEET).getDataRange().getValues();
    const col = columnIndex(SIGNATURES_SHEET, values[0] ?? [], SIGNATURE_HEADERS);
    const requests: StoredRequest[] = [];
    values.forEach((row, i) => {
      if (i === 0 || String(row[col['Request ID']] ?? '') === '') return;
      requests.push({ row: i + 1, request: requestFromRow(row, col) });
    });
    return { requests, col, values };
  }

  /**
   * One request's row read alone (one `getValues` over the known columns), or undefined when that
   * row no longer holds `requestId` (the sheet was sorted since `col` was read).
   */
  readRequestAt(row: number, col: Record<SignatureHeader, number>, requestId: string): RowRead | undefined {
    const width = Math.max(...Object.values(col)) + 1;
    const values = this.sheet(SIGNATURES_SHEET).getRange(row, 1, 1, width).getValues()[0] ?? [];
    if (String(values[col['Request ID']] ?? '') !== requestId) return undefined;
    return { stored: { row, request: requestFromRow(values, col) }, values };
  }

  /** One request found by a read of the whole sheet, or undefined. */
  findRequest(requestId: string): RowRead | undefined {
    const snap = this.readSignatures();
    const stored = snap.requests.find((s) => s.request.requestId === requestId);
    return stored ? { stored, values: snap.values[stored.row - 1] ?? [] } : undefined;
  }

  /**
   * Writes the cells of `next` that differ from the row as read, in one `setValues` over the span
   * from the first changed column to the last (cells in between keep what was read, columns a
   * business manager added included). Nothing is written when nothing changed.
   */
  writeRequestCells(current: RowRead, col: Record<SignatureHeader, number>, next: SignatureRequest): void {
    const before = cellsOf(current.stored.request);
    const after = cellsOf(next);
    const changed = SIGNATURE_HEADERS.filter((h) => !sameCell(before[h], after[h])).map((h) => col[h]);
    if (!changed.length) return;
    const from = Math.min(...changed);
    const to = Math.max(...changed);
    const byPos = new Map(SIGNATURE_HEADERS.map((h) => [col[h], h] as const));
    const cells: Cell[] = [];
    for (let p = from; p <= to; p++) {
      const h = byPos.get(p);
      cells.push(h ? toCell(after[h]) : toCell((current.values[p] as Cell | undefined) ?? ''));
    }
    this.sheet(SIGNATURES_SHEET)
      .getRange(current.stored.row, from + 1, 1, cells.length)
      .setValues([cells]);
  }

  /**
   * Writes changed requests back in place and appends new ones, one `setValues` per run of
   * adjacent Signatures columns. Rows between changed rows are rewritten with the values read
   * in `snap` (read under the same lock), so the write is one block.
   */
  writeSignatures(
    snap: SignaturesSnapshot,
    changed: readonly StoredRequest[],
    added: readonly SignatureRequest[],
  ): void {
    if (!changed.length && !added.length) return;
    const sheet = this.sheet(SIGNATURES_SHEET);
    const firstNew = snap.values.length + 1;
    const rows = new Map<number, Record<SignatureHeader, Cell>>();
    for (const c of changed) rows.set(c.row, cellsOf(c.request));
    added.forEach((r, i) => rows.set(firstNew + i, cellsOf(r)));
    const top = Math.min(...rows.keys());
    const bottom = Math.max(...rows.keys());
    const needed = bottom - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    const byPos = new Map(SIGNATURE_HEADERS.map((h) => [snap.col[h], h] as const));
    for (const run of columnRuns([...byPos.keys()])) {
      const block: Cell[][] = [];
      for (let r = top; r <= bottom; r++) {
        const fresh = rows.get(r);
        block.push(
          run.map((p) => {
            const h = byPos.get(p) as SignatureHeader;
            if (fresh) return toCell(fresh[h]);
            return toCell((snap.values[r - 1]?.[p] as Cell | undefined) ?? '');
          }),
        );
      }
      sheet.getRange(top, (run[0] as number) + 1, block.length, run.length).setValues(block);
    }
  }

  /**
   * What every save of Settings puts right again (idempotent, so sheets made before either existed
   * get them too): the Staff sheet's checks ({@link validateStaff}) and Form Tokens hidden (only
   * the add-on reads it).
   */
  tidySheets(staffTypes: readonly string[]): void {
    this.validateStaff(staffTypes);
    this.sheet(TOKENS_SHEET).hideSheet();
  }

  /**
   * Gives the Staff sheet's columns their checks as a business manager types or pastes: Staff Type
   * a drop-down of `staffTypes`, Email and Personal Email checked as addresses. Each warns rather
   * than refuses (setAllowInvalid), so a pasted roster is never lost; the add-on still reports each
   * row it cannot use. Run again whenever Settings change the staff types.
   */
  private validateStaff(staffTypes: readonly string[]): void {
    const sheet = this.sheet(STAFF_SHEET);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const col = columnIndex(STAFF_SHEET, header, STAFF_HEADERS);
    const rows = sheet.getMaxRows() - 1;
    if (rows < 1) return;
    const types = SpreadsheetApp.newDataValidation()
      .requireValueInList([...staffTypes], true)
      .setAllowInvalid(true)
      .setHelpText(`One of: ${staffTypes.join(', ')} (Settings lists them).`)
      .build();
    sheet.getRange(2, col['Staff Type'] + 1, rows, 1).setDataValidation(types);
    const email = SpreadsheetApp.newDataValidation()
      .requireTextIsEmail()
      .setAllowInvalid(true)
      .setHelpText('An email address.')
      .build();
    sheet.getRange(2, col.Email + 1, rows, 1).setDataValidation(email);
    sheet.getRange(2, col['Personal Email'] + 1, rows, 1).setDataValidation(email);
  }

  /** The Staff sheet itself, for the directory sync (src/gas/staff-sync.ts). */
  staffSheet(): Sheet {
    return this.sheet(STAFF_SHEET);
  }

  /** Reads and checks the Staff sheet. */
  readRoster(staffTypes: readonly string[]): Roster {
    const values = this.sheet(STAFF_SHEET).getDataRange().getValues();
    const col = columnIndex(STAFF_SHEET, values[0] ?? [], STAFF_HEADERS);
    return parseRoster(values.slice(1), col, staffTypes);
  }

  /**
   * Appends a person to the Staff sheet, placing each value under its header (other columns a
   * business manager added stay empty).
   */
  appendStaff(person: Record<StaffHeader, string>): void {
    const sheet = this.sheet(STAFF_SHEET);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const col = columnIndex(STAFF_SHEET, header, STAFF_HEADERS);
    const row = header.map(() => '' as string);
    for (const h of STAFF_HEADERS) row[col[h]] = sheetSafe(person[h]);
    sheet.appendRow(row);
  }

  /**
   * The Audit rows of one request ('' for those of no request), or of every request when
   * `requestId` is omitted, oldest first (one read of the Audit sheet).
   */
  readAudit(
    requestId?: string,
  ): { timestamp: string; actor: string; action: string; requestId: string; details: string }[] {
    const values = this.sheet(AUDIT_SHEET).getDataRange().getValues();
    const col = columnIndex(AUDIT_SHEET, values[0] ?? [], AUDIT_HEADERS);
    return values
      .slice(1)
      .filter((r) => requestId === undefined || String(r[col['Request ID']]) === requestId)
      .map((r) => ({
        timestamp: String(r[col.Timestamp]),
        actor: String(r[col.Actor]),
        action: String(r[col.Action]),
        requestId: String(r[col['Request ID']]),
        details: String(r[col.Details]),
      }));
  }

  /**
   * What the Audit's Details name by `pattern` (a global RegExp whose first group is collected):
   * the notices claimed ("(notice N-…)"), the Form responses quarantined. One read of the
   * Details column.
   */
  auditMentions(pattern: RegExp): Set<string> {
    const sheet = this.sheet(AUDIT_SHEET);
    const header = sheet.getRange(1, 1, 1, AUDIT_HEADERS.length).getValues()[0] ?? [];
    const col = columnIndex(AUDIT_SHEET, header, AUDIT_HEADERS).Details + 1;
    const rows = sheet.getLastRow();
    const found = new Set<string>();
    if (rows < 2) return found;
    for (const [d] of sheet.getRange(2, col, rows - 1, 1).getValues()) {
      for (const m of String(d).matchAll(pattern)) found.add(m[1] as string);
    }
    return found;
  }

  /**
   * The Google Drive and Docs links the Audit's Details give for each request (snapshots,
   * evidence packs), for a records disposal: one read of the Request ID and Details columns.
   */
  auditLinks(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, details] of this.auditPairs('Request ID', 'Details')) {
      const links = details.match(/https:\/\/(?:docs|drive)\.google\.com\/\S+/g);
      if (id && links) out.set(id, [...(out.get(id) ?? []), ...links]);
    }
    return out;
  }

  /** Two columns of every Audit row, as text pairs, in one read of the columns between them. */
  private auditPairs(a: AuditHeader, b: AuditHeader): [string, string][] {
    const sheet = this.sheet(AUDIT_SHEET);
    const header = sheet.getRange(1, 1, 1, AUDIT_HEADERS.length).getValues()[0] ?? [];
    const col = columnIndex(AUDIT_SHEET, header, AUDIT_HEADERS);
    const from = Math.min(col[a], col[b]);
    const width = Math.abs(col[a] - col[b]) + 1;
    const rows = sheet.getLastRow();
    if (rows < 2) return [];
    return sheet
      .getRange(2, from + 1, rows - 1, width)
      .getValues()
      .map((r) => [String(r[col[a] - from]), String(r[col[b] - from])]);
  }

  /** The requests the Audit has an `action` row for (one read of its Action and Request ID columns). */
  auditedRequests(action: string): Set<string> {
    const found = new Set<string>();
    for (const [act, id] of this.auditPairs('Action', 'Request ID')) if (act === action) found.add(id);
    return found;
  }

  /** Appends Audit rows in one write. The add-on never rewrites or deletes an Audit row. */
  appendAudit(entries: readonly AuditEntry[]): void {
    if (!entries.length) return;
    const sheet = this.sheet(AUDIT_SHEET);
    const at = sheet.getLastRow() + 1;
    const needed = at + entries.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    const tz = this.ss.getSpreadsheetTimeZone();
    sheet
      .getRange(at, 1, entries.length, AUDIT_HEADERS.length)
      .setValues(
        entries.map((e) => [
          Utilities.formatDate(e.at, tz, "yyyy-MM-dd'T'HH:mm:ssXXX"),
          sheetSafe(e.actor),
          sheetSafe(e.action),
          sheetSafe(e.requestId),
          sheetSafe(fitCell(e.details)),
        ]),
      );
  }

  /** Reads the Form Tokens sheet in one batch. */
  readTokens(): StoredToken[] {
    const values = this.sheet(TOKENS_SHEET).getDataRange().getValues();
    const col = columnIndex(TOKENS_SHEET, values[0] ?? [], TOKEN_HEADERS);
    return values.slice(1).map((r, i) => ({
      row: i + 2,
      hash: String(r[col['Token SHA-256']] ?? ''),
      requestId: String(r[col['Request ID']] ?? ''),
      usedAt: dateOrNull(r[col['Used At']]),
    }));
  }

  /** Appends issued tokens (hash and request) in one write. */
  appendTokens(tokens: readonly { hash: string; requestId: string }[], at: Date): void {
    if (!tokens.length) return;
    const sheet = this.sheet(TOKENS_SHEET);
    const first = sheet.getLastRow() + 1;
    const needed = first + tokens.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    sheet
      .getRange(first, 1, tokens.length, TOKEN_HEADERS.length)
      .setValues(tokens.map((t) => [t.hash, t.requestId, at, '']));
  }

  /** Marks a token used. */
  markTokenUsed(token: StoredToken, at: Date): void {
    this.sheet(TOKENS_SHEET)
      .getRange(token.row, TOKEN_HEADERS.indexOf('Used At') + 1)
      .setValue(at);
  }

  /** Whether a token read earlier is still on its row and unused, read again (for a check under the lock). */
  tokenStillUnused(token: StoredToken): boolean {
    const [hash, , , used] =
      this.sheet(TOKENS_SHEET).getRange(token.row, 1, 1, TOKEN_HEADERS.length).getValues()[0] ?? [];
    return String(hash) === token.hash && (used === '' || used === null || used === undefined);
  }

  /** Marks every unused token of a request used, so that none of its links signs any more (a Return). */
  revokeTokens(requestId: string, at: Date): number {
    const open = this.readTokens().filter((t) => t.requestId === requestId && !t.usedAt);
    for (const t of open) this.markTokenUsed(t, at);
    return open.length;
  }

  /**
   * Replaces the Dashboard's contents: the summary `rows` (label, value), then a blank row and the
   * table by staff type (its header row in bold), one write each, and its chart titled `title`.
   */
  writeDashboard(
    rows: readonly DashboardRow[],
    byStaffType: readonly (string | number)[][],
    title: string,
  ): void {
    const sheet = this.sheet(DASHBOARD_SHEET);
    sheet.clearContents();
    if (rows.length)
      sheet.getRange(1, 1, rows.length, 2).setValues(rows.map((r) => [toCell(r[0]), toCell(r[1])]));
    const width = byStaffType[0]?.length ?? 0;
    if (!width) return;
    const top = rows.length + 2;
    const needed = top + byStaffType.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    const wider = width - sheet.getMaxColumns();
    if (wider > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), wider);
    sheet
      .getRange(top, 1, byStaffType.length, width)
      .setValues(byStaffType.map((r) => r.map((c) => toCell(c))));
    sheet.getRange(top, 1, 1, width).setFontWeight('bold');
    this.chartDashboard(sheet, sheet.getRange(top, 1, byStaffType.length - 1, width - 2), title, width + 2);
  }

  /**
   * Keeps one stacked bar chart to the right of the Dashboard's table (its top-left at `column` of
   * row 1), drawn from the table by staff type (`range`: the header and a row per staff type, each
   * status a series): made once, and changed
   * only when the table moved or grew or the title changed (Sheet.insertChart, updateChart).
   */
  private chartDashboard(
    sheet: Sheet,
    range: GoogleAppsScript.Spreadsheet.Range,
    title: string,
    column: number,
  ): void {
    const [chart] = sheet.getCharts();
    if (!chart) {
      sheet.insertChart(
        sheet
          .newChart()
          .asBarChart()
          .setStacked()
          .setTitle(title)
          .addRange(range)
          .setPosition(1, column, 0, 0)
          .build(),
      );
      return;
    }
    const same =
      chart.getRanges()[0]?.getA1Notation() === range.getA1Notation() &&
      chart.getOptions().get('title') === title;
    if (!same)
      sheet.updateChart(chart.modify().clearRanges().addRange(range).setOption('title', title).build());
  }

  /**
   * The Versions sheet, made when first needed (a deployment older than it gets it at its next
   * publication), with its header and the owner-only protection of the sheets only the add-on writes.
   */
  versionsSheet(): Sheet {
    return this.ownSheet(
      VERSIONS_SHEET,
      VERSION_HEADERS,
      'AUP Signer policy versions: written by the add-on alone',
    );
  }
  /**
   * One of the add-on's own sheets for reading: undefined while it does not exist yet (reads never
   * make it; the writes that need it do, under the script lock).
   */
  sheetIfAny(name: typeof VERSIONS_SHEET | typeof RECORDS_SHEET): Sheet | undefined {
    return this.ss.getSheetByName(name) ?? undefined;
  }

  /**
   * The Records sheet (what is kept of each person who left, until when, holds, disposals), made
   * when the first records review needs it, as {@link versionsSheet} is.
   */
  recordsSheet(): Sheet {
    return this.ownSheet(
      RECORDS_SHEET,
      RECORDS_HEADERS,
      'AUP Signer records kept: written by the add-on alone',
    );
  }

  /**
   * A sheet only the add-on writes: found, or made at the end with its header and the owner-only
   * protection; one a stopped run left half-made (no header yet, or not protected) is finished.
   */
  private ownSheet(name: string, headers: readonly string[], description: string): Sheet {
    const found = this.ss.getSheetByName(name);
    if (found && found.getRange(1, 1).getValue() !== '') return found;
    const sheet = found ?? this.ss.insertSheet(name, this.ss.getSheets().length);
    if (!sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]) ownerOnly(sheet, description);
    this.header(sheet, headers);
    return sheet;
  }

  private header(sheet: Sheet, headers: readonly string[]): void {
    sheet
      .getRange(1, 1, 1, headers.length)
      .setValues([[...headers]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
  }

  private sheet(name: string): Sheet {
    const s = this.ss.getSheetByName(name);
    if (!s)
      throw new Error(`The tracking spreadsheet has no "${name}" sheet: restore it or run Settings again.`);
    return s;
  }
}

/** Protects a whole sheet so that only the spreadsheet's owner edits it. */
function ownerOnly(sheet: Sheet, description: string): void {
  const guard = sheet.protect().setDescription(description);
  guard.removeEditors(guard.getEditors());
}

function sameCell(a: Cell, b: Cell): boolean {
  return a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : a === b;
}

function toCell(v: Cell): Cell {
  return typeof v === 'string' ? sheetSafe(fitCell(v)) : v;
}
