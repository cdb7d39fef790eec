import type { Execution } from '../../core/execution';
import type { DriveItem } from '../../core/workspace';
import type { SheetModel, SpreadsheetContent } from './model';

/**
 * Apps Script's messages for spreadsheet access. Sources: reports of `openById` failures
 * ("Document ... is missing (perhaps it was deleted, or you don't have read access?)",
 * "You do not have permission to access the requested document.") and of writes by users
 * without edit access ("You do not have permission to perform that action.").
 */
export const MESSAGES = {
  noAccess: 'You do not have permission to access the requested document.',
  noEdit: 'You do not have permission to perform that action.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  missing: (id: string) =>
    `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
} as const;

/**
 * One opened spreadsheet as one execution sees it: the Drive item, its model, and the access
 * checks every fake method makes (reads need view access, writes edit access, and writes to a
 * protected sheet need to be the owner or a protection editor).
 */
export class SheetsContext {
  constructor(
    readonly exec: Execution,
    readonly item: DriveItem,
    readonly content: SpreadsheetContent,
  ) {}

  /** The user the script runs as. */
  get user(): string {
    return this.exec.effectiveUser;
  }

  /** A `Date` of the emulated clock's class, for values crossing into the add-on. */
  date(ms: number): Date {
    return this.exec.ws.clock.date(ms);
  }

  /** Throws unless the user may view the spreadsheet. */
  checkView(): void {
    if (!this.exec.ws.canView(this.item, this.user)) throw this.exec.error(MESSAGES.noAccess);
  }

  /** Throws unless the user may edit the spreadsheet; marks the file updated. */
  checkEdit(): void {
    if (!this.exec.ws.canEdit(this.item, this.user)) {
      throw this.exec.error(this.exec.ws.canView(this.item, this.user) ? MESSAGES.noEdit : MESSAGES.noAccess);
    }
    this.item.updated = this.exec.ws.clock.now();
  }

  /** Throws unless the user may edit `sheet`, honouring its protection. */
  checkSheetEdit(sheet: SheetModel): void {
    this.checkEdit();
    if (!this.canEditProtected(sheet)) throw this.exec.error(MESSAGES.protectedCell);
  }

  /** Whether the user may edit the protected parts of `sheet` (true when it is unprotected). */
  canEditProtected(sheet: SheetModel): boolean {
    const p = sheet.protection;
    if (!p || p.warningOnly || this.user === this.item.owner) return true;
    if (!p.editors) return this.exec.ws.canEdit(this.item, this.user);
    return p.editors.has(this.user);
  }
}
