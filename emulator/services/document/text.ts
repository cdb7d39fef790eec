import type { AnyElement } from './element';
import { leaves, newPara, toParagraphText, type DocNode, type ParaNode } from './model';
import { matchesIn, toRegExp } from './regex';
import type { DocSession } from './session';

type TextMethods =
  | 'getText'
  | 'setText'
  | 'insertText'
  | 'appendText'
  | 'deleteText'
  | 'replaceText'
  | 'findText'
  | 'setBold'
  | 'isBold'
  | 'getType'
  | 'getParent'
  | 'asText'
  | 'editAsText';

/**
 * Rich text (developers.google.com/apps-script/reference/document/text): a paragraph's text, or
 * a container's paragraphs as one text joined by "\n" (`Body.editAsText()`). Offsets are 0-based
 * UTF-16 code units with inclusive ends. Only bold is modelled as formatting. In a paragraph,
 * "\n" becomes a line break "\r"; in a container's text, "\n" separates paragraphs.
 */
export class TextEl implements Pick<GoogleAppsScript.Document.Text, TextMethods> {
  constructor(
    private readonly s: DocSession,
    readonly node: DocNode,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.s.call(`Text.${method}`, body);
  }

  private self(): AnyElement {
    return this as unknown as AnyElement;
  }

  getText(): string {
    return this.call('getText', () => this.full());
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return this.call('getType', () => 'TEXT' as unknown as GoogleAppsScript.Document.ElementType);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return this.call(
      'getParent',
      () => this.s.wrap(this.node) as unknown as GoogleAppsScript.Document.ContainerElement,
    );
  }

  asText(): GoogleAppsScript.Document.Text {
    return this.call('asText', () => this.self());
  }

  editAsText(): GoogleAppsScript.Document.Text {
    return this.call('editAsText', () => this.self());
  }

  setText(text: string): GoogleAppsScript.Document.Text {
    return this.call('setText', () => {
      this.s.write();
      this.splice(0, this.full().length, String(text));
      return this.self();
    });
  }

  insertText(offset: number, text: string): GoogleAppsScript.Document.Text {
    return this.call('insertText', () => {
      this.s.write();
      this.checkOffset(offset, this.full().length + 1);
      this.splice(offset, offset, String(text));
      return this.self();
    });
  }

  appendText(text: string): GoogleAppsScript.Document.Text {
    return this.call('appendText', () => {
      this.s.write();
      const end = this.full().length;
      this.splice(end, end, String(text));
      return this.self();
    });
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GoogleAppsScript.Document.Text {
    return this.call('deleteText', () => {
      this.s.write();
      const length = this.full().length;
      this.checkOffset(startOffset, length);
      this.checkOffset(endOffsetInclusive, length);
      if (endOffsetInclusive < startOffset) throw this.s.exec.error('Invalid argument: endOffsetInclusive');
      this.splice(startOffset, endOffsetInclusive + 1, '');
      return this.self();
    });
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    return this.call('replaceText', () => {
      this.s.write();
      replaceIn(this.s, this.node, searchPattern, replacement);
      return this.self();
    });
  }

  findText(
    searchPattern: string,
    from?: GoogleAppsScript.Document.RangeElement | null,
  ): GoogleAppsScript.Document.RangeElement {
    return this.call('findText', () => findIn(this.s, this.node, searchPattern, from));
  }

  setBold(bold: boolean): GoogleAppsScript.Document.Text;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): GoogleAppsScript.Document.Text;
  setBold(a: boolean | number, b?: number, c?: boolean): GoogleAppsScript.Document.Text {
    return this.call('setBold', () => {
      this.s.write();
      const length = this.full().length;
      const [start, end, bold] = typeof a === 'boolean' ? [0, length - 1, a] : [a, b ?? a, Boolean(c)];
      if (typeof a !== 'boolean') {
        this.checkOffset(start, length);
        this.checkOffset(end, length);
      }
      for (const seg of this.segments()) {
        for (
          let i = Math.max(start, seg.start);
          i <= Math.min(end, seg.start + seg.leaf.text.length - 1);
          i++
        ) {
          seg.leaf.bold[i - seg.start] = bold;
        }
      }
      return this.self();
    });
  }

  isBold(offset?: number | null): boolean {
    return this.call('isBold', () => {
      const flags = this.segments().flatMap((seg) => seg.leaf.bold.map((b, i) => ({ b, at: seg.start + i })));
      if (offset === undefined || offset === null) return flags.length > 0 && flags.every((f) => f.b);
      this.checkOffset(offset, this.full().length);
      return flags.find((f) => f.at === offset)?.b ?? false;
    });
  }

  private full(): string {
    return leaves(this.node)
      .map((l) => l.text)
      .join('\n');
  }

  private segments(): Array<{ leaf: ParaNode; start: number }> {
    let at = 0;
    return leaves(this.node).map((leaf) => {
      const seg = { leaf, start: at };
      at += leaf.text.length + 1;
      return seg;
    });
  }

  private checkOffset(offset: number, limit: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset >= limit) {
      throw this.s.exec.error(
        `Index (${offset}) must be less than the content length (${Math.max(limit, 0)}).`,
      );
    }
  }

  /**
   * Replaces [start, end) of the text with `insert`. Within one paragraph this is a plain edit;
   * across paragraphs (or inserting "\n" into a container's text) the paragraphs involved must be
   * siblings, which are merged and split again at each "\n".
   */
  private splice(start: number, end: number, insert: string): void {
    const segs = this.segments();
    const single = this.node.kind === 'PARAGRAPH' || this.node.kind === 'LIST_ITEM';
    const text = single ? toParagraphText(insert) : insert;
    const a = segs.findIndex((g) => start <= g.start + g.leaf.text.length);
    const b = segs.findIndex((g) => end <= g.start + g.leaf.text.length);
    const first = segs[a];
    const last = segs[b];
    if (!first || !last) return;
    if (a === b && !text.includes('\n')) {
      editLeaf(first.leaf, start - first.start, end - first.start, text);
      return;
    }
    const group = segs.slice(a, b + 1).map((g) => g.leaf);
    const parent = first.leaf.parent;
    const list = parent?.children;
    const index = list ? list.indexOf(first.leaf) : -1;
    if (!list || group.some((leaf, k) => list[index + k] !== leaf))
      throw this.s.exec.error('Action not allowed');
    const joined = newPara('');
    joined.text = group.map((l) => l.text).join('\n');
    joined.bold = group.flatMap((l, k) => (k === 0 ? l.bold : [false, ...l.bold]));
    editLeaf(joined, start - first.start, end - first.start, text);
    const parts = joined.text.split('\n');
    let at = 0;
    const kept = parts.map((part, k) => {
      const leaf = group[k] ?? { ...last.leaf, parent };
      leaf.text = part;
      leaf.bold = joined.bold.slice(at, at + part.length);
      at += part.length + 1;
      return leaf;
    });
    for (const gone of group.slice(parts.length)) gone.parent = null;
    list.splice(index, group.length, ...kept);
  }
}

/** Replaces [start, end) of a paragraph's text; new characters take the bold of the one before. */
function editLeaf(leaf: ParaNode, start: number, end: number, insert: string): void {
  const bold = leaf.bold[start > 0 ? start - 1 : start] ?? false;
  leaf.text = leaf.text.slice(0, start) + insert + leaf.text.slice(end);
  leaf.bold.splice(start, end - start, ...new Array<boolean>(insert.length).fill(bold));
}

/** `replaceText` under a node: the pattern is matched in each paragraph on its own, all matches replaced literally. */
export function replaceIn(s: DocSession, node: DocNode, searchPattern: string, replacement: string): void {
  const re = toRegExp(searchPattern, (m) => s.exec.error(m));
  const insert = toParagraphText(String(replacement));
  for (const leaf of leaves(node)) {
    const hits = matchesIn(re, leaf.text);
    for (let k = hits.length - 1; k >= 0; k--) {
      const [from, to] = hits[k] ?? [0, 0];
      editLeaf(leaf, from, to, insert);
    }
  }
}

/**
 * `findText` under a node: the first non-empty match after `from` (a RangeElement an earlier
 * search returned), or null. The result's element is the paragraph's Text.
 */
export function findIn(
  s: DocSession,
  node: DocNode,
  searchPattern: string,
  from?: GoogleAppsScript.Document.RangeElement | null,
): GoogleAppsScript.Document.RangeElement {
  const re = toRegExp(searchPattern, (m) => s.exec.error(m));
  const all = leaves(node);
  let startLeaf = 0;
  let startAt = 0;
  if (from instanceof RangeEl) {
    startLeaf = all.indexOf(from.text.node as ParaNode);
    if (startLeaf < 0) return null as unknown as GoogleAppsScript.Document.RangeElement;
    startAt = from.end + 1;
  }
  for (let i = startLeaf; i < all.length; i++) {
    const leaf = all[i];
    if (!leaf) continue;
    const hit = matchesIn(re, leaf.text).find(([a, b]) => b > a && a >= (i === startLeaf ? startAt : 0));
    if (hit) return new RangeEl(s, s.text(leaf), hit[0], hit[1] - 1);
  }
  return null as unknown as GoogleAppsScript.Document.RangeElement;
}

/**
 * A search result (developers.google.com/apps-script/reference/document/range-element): the Text
 * element and the matched offsets (inclusive end); partial unless the match covers the whole text.
 */
export class RangeEl implements Pick<
  GoogleAppsScript.Document.RangeElement,
  'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'
> {
  constructor(
    private readonly s: DocSession,
    readonly text: TextEl,
    readonly start: number,
    readonly end: number,
  ) {}

  getElement(): GoogleAppsScript.Document.Element {
    return this.s.call(
      'RangeElement.getElement',
      () => this.text as unknown as GoogleAppsScript.Document.Element,
    );
  }

  getStartOffset(): number {
    return this.s.call('RangeElement.getStartOffset', () => this.start);
  }

  getEndOffsetInclusive(): number {
    return this.s.call('RangeElement.getEndOffsetInclusive', () => this.end);
  }

  isPartial(): boolean {
    return this.s.call(
      'RangeElement.isPartial',
      () => !(this.start === 0 && this.end === (leaves(this.text.node)[0]?.text.length ?? 0) - 1),
    );
  }
}
