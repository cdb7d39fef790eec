import { childIndexMessage, ElementBase, NOT_DETACHED, type AnyElement } from './element';
import { cloneNode, newCell, nodeText, type RowNode, type TableNode } from './model';

type TableMethods =
  | 'getNumRows'
  | 'getRow'
  | 'getCell'
  | 'appendTableRow'
  | 'getText'
  | 'replaceText'
  | 'findText'
  | 'removeFromParent'
  | 'getType'
  | 'getParent'
  | 'getNextSibling'
  | 'getPreviousSibling'
  | 'asTable'
  | 'copy'
  | 'getNumChildren'
  | 'getChild';

/**
 * A table (developers.google.com/apps-script/reference/document/table): rows of cells, 0-based
 * indexes. `getText()` gives each cell's text, in order, joined by "\n".
 */
export class TableEl
  extends ElementBase<TableNode>
  implements Pick<GoogleAppsScript.Document.Table, TableMethods>
{
  protected readonly cls = 'Table';

  getNumRows(): number {
    return this.call('getNumRows', () => this.node.rows.length);
  }

  getNumChildren(): number {
    return this.call('getNumChildren', () => this.node.rows.length);
  }

  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    return this.call('getRow', () => this.row(rowIndex));
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    return this.call('getChild', () => this.row(childIndex));
  }

  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    return this.call('getCell', () => {
      const row = this.node.rows[rowIndex];
      if (!Number.isInteger(rowIndex) || rowIndex < 0 || !row) {
        throw this.s.exec.error(childIndexMessage(rowIndex, this.node.rows.length));
      }
      const cell = row.cells[cellIndex];
      if (!Number.isInteger(cellIndex) || cellIndex < 0 || !cell) {
        throw this.s.exec.error(childIndexMessage(cellIndex, row.cells.length));
      }
      return this.s.wrap(cell) as unknown as GoogleAppsScript.Document.TableCell;
    });
  }

  /** Appends an empty row (no cells; add them with `TableRow.appendTableCell`). */
  appendTableRow(): GoogleAppsScript.Document.TableRow {
    return this.call('appendTableRow', () => {
      this.s.write();
      const row: RowNode = { kind: 'TABLE_ROW', cells: [], parent: this.node };
      this.node.rows.push(row);
      return this.s.wrap(row) as unknown as GoogleAppsScript.Document.TableRow;
    });
  }

  getText(): string {
    return this.call('getText', () => nodeText(this.node));
  }

  /** A detached deep copy. */
  copy(): AnyElement {
    return this.call('copy', () => this.s.wrap(cloneNode(this.node)) as unknown as AnyElement);
  }

  private row(index: number): AnyElement {
    const row = this.node.rows[index];
    if (!Number.isInteger(index) || index < 0 || !row) {
      throw this.s.exec.error(childIndexMessage(index, this.node.rows.length));
    }
    return this.s.wrap(row) as unknown as AnyElement;
  }
}

/** A table row (developers.google.com/apps-script/reference/document/table-row). `getText()` joins its cells with "\n". */
export class TableRowEl
  extends ElementBase<RowNode>
  implements
    Pick<
      GoogleAppsScript.Document.TableRow,
      'getNumCells' | 'getCell' | 'getText' | 'appendTableCell' | 'getParentTable' | 'getType' | 'getParent'
    >
{
  protected readonly cls = 'TableRow';

  getNumCells(): number {
    return this.call('getNumCells', () => this.node.cells.length);
  }

  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    return this.call('getCell', () => {
      const cell = this.node.cells[cellIndex];
      if (!Number.isInteger(cellIndex) || cellIndex < 0 || !cell) {
        throw this.s.exec.error(childIndexMessage(cellIndex, this.node.cells.length));
      }
      return this.s.wrap(cell) as unknown as GoogleAppsScript.Document.TableCell;
    });
  }

  getText(): string {
    return this.call('getText', () => nodeText(this.node));
  }

  /** Appends a cell holding `textContents` (empty when omitted). */
  appendTableCell(
    textContents?: string | GoogleAppsScript.Document.TableCell | null,
  ): GoogleAppsScript.Document.TableCell {
    return this.call('appendTableCell', () => {
      this.s.write();
      const given = this.s.unwrap(textContents);
      const cell =
        given?.kind === 'TABLE_CELL'
          ? given
          : newCell(typeof textContents === 'string' ? textContents : '', null);
      if (cell.parent) throw this.s.exec.error(NOT_DETACHED);
      cell.parent = this.node;
      this.node.cells.push(cell);
      return this.s.wrap(cell) as unknown as GoogleAppsScript.Document.TableCell;
    });
  }

  getParentTable(): GoogleAppsScript.Document.Table {
    return this.call('getParentTable', () => {
      const t = this.node.parent;
      return (t ? this.s.wrap(t) : null) as unknown as GoogleAppsScript.Document.Table;
    });
  }
}
