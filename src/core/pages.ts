/**
 * Paging for card lists. Google shows at most 100 widgets a card section
 * (developers.google.com/workspace/add-ons/concepts/cards), so a list that grows with the school
 * is shown a page at a time.
 */

/** People on one page of the approver's queue. */
export const APPROVER_PAGE_SIZE = 20;

/** At most this many lines of a list (roster problems, template findings) go on a card. */
export const MAX_CARD_LINES = 25;

/** One page of a list: its items, which page it is (0-based, clamped) and how many there are. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
  /** 1-based position of the first item shown (0 for an empty list). */
  from: number;
}

/** Page `page` (0-based; out-of-range numbers are clamped) of `items`, `size` a page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.trunc(Number.isFinite(page) ? page : 0)), pages - 1);
  const slice = items.slice(p * size, (p + 1) * size);
  return { items: slice, page: p, pages, total: items.length, from: slice.length ? p * size + 1 : 0 };
}

/**
 * At most `max` lines of a list for a card: the first `max - 1` and a last one saying how many
 * more there are and where to find them, when the list is longer.
 */
export function capLines<T>(lines: readonly T[], max: number, rest: (n: number) => T): T[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max - 1), rest(lines.length - (max - 1))];
}
