import MarkdownIt from 'markdown-it';
import type { TemplateElement } from '../services/document/io';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Stands for a soft break (a plain new line in the source) until it is known where it falls. */
const SOFT = '\uE003';

/**
 * Markdown through markdown-it's token stream: headings, paragraphs (a source line each), bullet
 * and numbered lists (nested), tables. Hard line breaks (two spaces or a backslash at the end of a
 * line) are kept as line breaks inside the paragraph ("\n"); images `![alt](src)` as
 * "[image: alt]"; `<br>` in a table cell starts a new paragraph of the cell. A numbered list keeps
 * its first number, and one that starts where the last top-level numbered list stopped ("6." after
 * items 1–5 and something between) continues that list: one list ID, numbered on. Nested lists
 * are levels of the list they sit in.
 */
export function fromMarkdown(md: string): TemplateElement[] {
  const out: TemplateElement[] = [];
  const lists: Array<{ ordered: boolean; start: number }> = [];
  let listId = '';
  let made = 0;
  let resume: { listId: string; next: number } | undefined;
  let pendingHeading: string | undefined;
  let inItem = false;
  let table: Array<Array<string | string[]>> | undefined;
  for (const t of new MarkdownIt().parse(md, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const ordered = t.type === 'ordered_list_open';
      const start = ordered ? Number(t.attrGet('start') ?? 1) : 1;
      if (lists.length === 0) {
        if (ordered && resume && start > 1 && start === resume.next) listId = resume.listId;
        else listId = `kix.md${++made}`;
        if (ordered) resume = { listId, next: start };
      }
      lists.push({ ordered, start });
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') {
      inItem = true;
      if (lists.length === 1 && lists[0]?.ordered && resume) resume.next += 1;
    } else if (t.type === 'heading_open') pendingHeading = `HEADING${Math.min(Number(t.tag.slice(1)), 6)}`;
    else if (t.type === 'table_open') table = [];
    else if (t.type === 'tr_open') table?.push([]);
    else if (t.type === 'table_close' && table) {
      out.push({ type: 'table', rows: table });
      table = undefined;
    } else if (t.type === 'inline') {
      const text = inlineText(t.children ?? []);
      if (table) {
        const paras = text.split(/<br\s*\/?>/i).map((p) => p.replace(new RegExp(SOFT, 'g'), ' '));
        table[table.length - 1]?.push(paras.length === 1 ? (paras[0] ?? '') : paras);
      } else if (pendingHeading) {
        out.push({
          type: 'paragraph',
          text: text.replace(new RegExp(SOFT, 'g'), '\n'),
          heading: (pendingHeading === 'HEADING1' ? 'TITLE' : pendingHeading) as 'HEADING1',
        });
        pendingHeading = undefined;
      } else if (inItem) {
        const level = lists[lists.length - 1];
        out.push({
          type: 'listItem',
          text: text.replace(new RegExp(SOFT, 'g'), '\n'),
          nesting: lists.length - 1,
          ordered: level?.ordered ?? false,
          listId,
          ...(level && level.start !== 1 ? { start: level.start } : {}),
        });
        inItem = false;
      } else for (const line of text.split(SOFT)) out.push({ type: 'paragraph', text: line });
    }
  }
  return out;
}

/** An inline token's text: soft breaks as {@link SOFT}, hard breaks as "\n", images as "[image: alt]". */
function inlineText(children: Token[]): string {
  return children
    .map((c) => {
      if (c.type === 'softbreak') return SOFT;
      if (c.type === 'hardbreak') return '\n';
      if (c.type === 'image') return `[image: ${inlineText(c.children ?? []) || c.content}]`;
      return c.content;
    })
    .join('');
}
