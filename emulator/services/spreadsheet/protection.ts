import type { SheetsContext } from './context';
import { MESSAGES } from './context';
import type { ProtectionModel, SheetModel } from './model';
import { rangeAt } from './range';
import { emailOf, usersOf } from './user';

type ProtectionMethods =
  | 'setDescription'
  | 'getDescription'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getEditors'
  | 'canEdit'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'remove'
  | 'getRange'
  | 'getProtectionType';

type Self = GoogleAppsScript.Spreadsheet.Protection;

/**
 * A protected sheet (developers.google.com/apps-script/reference/spreadsheet/protection).
 * Until the script changes its editors, the protection mirrors the spreadsheet's editors (so the
 * sheet stays editable by them); after that only the owner and the listed editors may write to
 * the sheet, others get "You are trying to edit a protected cell or object...". Neither the
 * owner nor the current user can be removed. Warning-only protection blocks no one. Changing a
 * protection needs to be allowed to edit it.
 */
export class FakeProtection implements Pick<Self, ProtectionMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
    private readonly model: ProtectionModel,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.ctx.exec.call(`Protection.${method}`, body);
  }

  private change(method: string, body: (editors: Set<string>) => void): Self {
    return this.call(method, () => {
      this.ctx.checkEdit();
      if (!this.ctx.canEditProtected(this.sheet)) throw this.ctx.exec.error(MESSAGES.protectedCell);
      this.model.editors ??= new Set([this.ctx.item.owner, ...this.ctx.item.editors]);
      body(this.model.editors);
      return this as unknown as Self;
    });
  }

  private drop(editors: Set<string>, email: string): void {
    if (email !== this.ctx.item.owner && email !== this.ctx.user) editors.delete(email);
  }

  setDescription(description: string): Self {
    return this.call('setDescription', () => {
      this.ctx.checkEdit();
      if (!this.ctx.canEditProtected(this.sheet)) throw this.ctx.exec.error(MESSAGES.protectedCell);
      this.model.description = String(description);
      return this as unknown as Self;
    });
  }

  getDescription(): string {
    return this.call('getDescription', () => this.model.description);
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Self {
    return this.change('addEditor', (editors) => editors.add(emailOf(user)));
  }

  addEditors(emailAddresses: string[]): Self {
    return this.change('addEditors', (editors) => emailAddresses.forEach((e) => editors.add(emailOf(e))));
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Self {
    return this.change('removeEditor', (editors) => this.drop(editors, emailOf(user)));
  }

  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): Self {
    return this.change('removeEditors', (editors) =>
      (users as Array<string | GoogleAppsScript.Base.User>).forEach((u) => this.drop(editors, emailOf(u))),
    );
  }

  /** The users who may edit the protected sheet (the owner first). */
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.call('getEditors', () => {
      const owner = this.ctx.item.owner;
      const editors = this.model.editors ?? this.ctx.item.editors;
      return usersOf(this.ctx.exec, [owner, ...[...editors].filter((e) => e !== owner)]);
    });
  }

  /** Whether the current user may edit the protected sheet. */
  canEdit(): boolean {
    return this.call('canEdit', () => {
      const p = this.model;
      const user = this.ctx.user;
      if (user === this.ctx.item.owner) return true;
      if (!this.ctx.exec.ws.canEdit(this.ctx.item, user)) return false;
      return !p.editors || p.editors.has(user);
    });
  }

  setWarningOnly(warningOnly: boolean): Self {
    return this.change('setWarningOnly', () => {
      this.model.warningOnly = Boolean(warningOnly);
    });
  }

  isWarningOnly(): boolean {
    return this.call('isWarningOnly', () => this.model.warningOnly);
  }

  /** Unprotects the sheet. */
  remove(): void {
    this.change('remove', () => {
      if (this.sheet.protection === this.model) this.sheet.protection = null;
    });
  }

  /** The whole protected sheet as a range. */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.call('getRange', () =>
      rangeAt(this.ctx, this.sheet, {
        row: 1,
        column: 1,
        numRows: this.sheet.maxRows,
        numColumns: this.sheet.maxColumns,
      }),
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.call('getProtectionType', () => PROTECTION_TYPE.SHEET);
  }
}

/**
 * `SpreadsheetApp.ProtectionType` (developers.google.com/apps-script/reference/spreadsheet/protection-type):
 * enum values print as their names.
 */
export const PROTECTION_TYPE = Object.freeze({
  RANGE: 'RANGE',
  SHEET: 'SHEET',
}) as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
