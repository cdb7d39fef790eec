import type { Execution } from '../../core/execution';

/** Apps Script's message for `next()` on an exhausted iterator. */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

/**
 * A FileIterator or FolderIterator (developers.google.com/apps-script/reference/drive/file-iterator,
 * .../folder-iterator) over a snapshot taken when it was created. `next()` past the end throws
 * "Cannot retrieve the next object: iterator has reached the end."
 */
export class FakeIterator<T> implements Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext'> {
  private index = 0;

  constructor(
    private readonly exec: Execution,
    private readonly cls: 'FileIterator' | 'FolderIterator',
    private readonly items: T[],
  ) {}

  hasNext(): boolean {
    return this.exec.call(`${this.cls}.hasNext`, () => this.index < this.items.length);
  }

  next(): T {
    return this.exec.call(`${this.cls}.next`, () => {
      const item = this.items[this.index];
      if (item === undefined) throw this.exec.error(ITERATOR_END);
      this.index += 1;
      return item;
    });
  }
}
