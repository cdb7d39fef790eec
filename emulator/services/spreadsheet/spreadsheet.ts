import { IANAZone } from 'luxon';
import type { SheetsContext } from './context';
import { SheetModel } from './model';
import { FakeSheet, duplicateName } from './sheet';
import { FakeUser } from '../user';
import { emailOf, usersOf } from './user';

type SpreadsheetMethods =
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSheetByName'
  | 'getSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'addEditor'
  | 'addViewer'
  | 'getEditors'
  | 'getViewers'
  | 'getOwner';

type Self = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows and columns of a new sheet, as Sheets creates one. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/**
 * A spreadsheet file (developers.google.com/apps-script/reference/spreadsheet/spreadsheet).
 * Sheet names are unique regardless of case. `insertSheet` places the new sheet after the
 * active sheet (the first sheet when opened by a script) and makes it active. `getEditors`
 * lists the owner and the editors. Changes need edit access.
 */
export class FakeSpreadsheet implements Pick<Self, SpreadsheetMethods> {
  private active: SheetModel | undefined;

  constructor(private readonly ctx: SheetsContext) {
    this.active = ctx.content.sheets[0];
  }

  private call<T>(method: string, body: () => T): T {
    return this.ctx.exec.call(`Spreadsheet.${method}`, body);
  }

  private read<T>(method: string, body: () => T): T {
    return this.call(method, () => {
      this.ctx.checkView();
      return body();
    });
  }

  private edit<T>(method: string, body: () => T): T {
    return this.call(method, () => {
      this.ctx.checkEdit();
      return body();
    });
  }

  private sheet(model: SheetModel): Sheet {
    return new FakeSheet(this.ctx, model) as unknown as Sheet;
  }

  getId(): string {
    return this.read('getId', () => this.ctx.item.id);
  }

  /** `https://docs.google.com/spreadsheets/d/<id>/edit` */
  getUrl(): string {
    return this.read('getUrl', () => `https://docs.google.com/spreadsheets/d/${this.ctx.item.id}/edit`);
  }

  getName(): string {
    return this.read('getName', () => this.ctx.item.name);
  }

  rename(newName: string): void {
    this.edit('rename', () => {
      this.ctx.item.name = String(newName);
    });
  }

  /** The sheet with that name, or null. */
  getSheetByName(name: string): Sheet | null {
    return this.read('getSheetByName', () => {
      const model = this.ctx.content.find(name);
      return model ? this.sheet(model) : null;
    });
  }

  getSheets(): Sheet[] {
    return this.read('getSheets', () => this.ctx.content.sheets.map((s) => this.sheet(s)));
  }

  /**
   * `insertSheet()`, `insertSheet(name)`, `insertSheet(name, index)` or `insertSheet(index)`
   * (0-based index). Throws Apps Script's message when the name is taken.
   */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object): Sheet {
    return this.edit('insertSheet', () => {
      const content = this.ctx.content;
      let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
      if (name && content.find(name)) throw this.ctx.exec.error(duplicateName(name));
      for (let n = content.sheets.length + 1; !name; n++) if (!content.find(`Sheet${n}`)) name = `Sheet${n}`;
      const at =
        typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : undefined;
      const model = new SheetModel(name, content.nextSheetId(), DEFAULT_ROWS, DEFAULT_COLUMNS);
      const after = this.active ? content.sheets.indexOf(this.active) + 1 : content.sheets.length;
      content.sheets.splice(
        at === undefined ? after : Math.min(Math.max(0, at), content.sheets.length),
        0,
        model,
      );
      this.active = model;
      return this.sheet(model);
    });
  }

  /** Deletes a sheet; a spreadsheet must keep at least one. */
  deleteSheet(sheet: Sheet): void {
    this.edit('deleteSheet', () => {
      const model = (sheet as unknown as FakeSheet).model;
      const sheets = this.ctx.content.sheets;
      const i = sheets.indexOf(model);
      if (i < 0) return;
      this.ctx.checkSheetEdit(model);
      if (sheets.length === 1) throw this.ctx.exec.error("You can't remove all the sheets in a document.");
      sheets.splice(i, 1);
      if (this.active === model) this.active = sheets[0];
    });
  }

  /** The IANA time zone dates are entered and displayed in (the Workspace's by default). */
  getSpreadsheetTimeZone(): string {
    return this.read('getSpreadsheetTimeZone', () => this.ctx.content.timeZone);
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.edit('setSpreadsheetTimeZone', () => {
      if (!IANAZone.isValidZone(timezone)) throw this.ctx.exec.error('Invalid argument: timezone');
      this.ctx.content.timeZone = timezone;
    });
  }

  /** Shares the file with `user` as an editor (a viewer is promoted). */
  addEditor(user: string | GoogleAppsScript.Base.User): Self {
    return this.edit('addEditor', () => {
      const email = emailOf(user);
      if (email !== this.ctx.item.owner) {
        this.ctx.item.viewers.delete(email);
        this.ctx.item.editors.add(email);
      }
      return this as unknown as Self;
    });
  }

  /** Shares the file with `user` as a viewer (no change for the owner or an editor). */
  addViewer(user: string | GoogleAppsScript.Base.User): Self {
    return this.edit('addViewer', () => {
      const email = emailOf(user);
      const item = this.ctx.item;
      if (email !== item.owner && !item.editors.has(email)) item.viewers.add(email);
      return this as unknown as Self;
    });
  }

  /** The owner and the editors. */
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.read('getEditors', () =>
      usersOf(this.ctx.exec, [this.ctx.item.owner, ...this.ctx.item.editors]),
    );
  }

  /** The viewers (and commenters). */
  getViewers(): GoogleAppsScript.Base.User[] {
    return this.read('getViewers', () => usersOf(this.ctx.exec, this.ctx.item.viewers));
  }

  getOwner(): GoogleAppsScript.Base.User | null {
    return this.read(
      'getOwner',
      () => new FakeUser(this.ctx.exec, this.ctx.item.owner) as unknown as GoogleAppsScript.Base.User,
    );
  }
}
