/**
 * Search patterns for `replaceText` / `findText`
 * (developers.google.com/apps-script/reference/document/body#replaceText(String,String)).
 *
 * Apps Script passes the pattern as a string to Google's RE2 library. We translate it to a JS
 * `RegExp` (global, no `u` flag, so offsets are UTF-16 code units as Docs reports them):
 * - RE2-only syntax is rewritten: a leading `(?i)` / `(?s)` / `(?m)` becomes a flag, `(?P<name>` becomes
 *   `(?<name>`, `\Q...\E` becomes an escaped literal, `\A` becomes `^`, `\z` becomes `$`, and POSIX
 *   classes (`[[:alpha:]]`...) become their ASCII ranges.
 * - Syntax RE2 rejects (lookahead/lookbehind, backreferences like `\1`) throws, as Apps Script does,
 *   instead of silently matching where Docs would not.
 * - Remaining differences: inline flags are honoured only at the very start (`(?i)abc`; a later
 *   `(?i)` or `(?i:...)` throws as invalid here, though RE2 accepts it), and Unicode classes
 *   (`\pL`, `\p{Greek}`) throw as unsupported. Both engines match leftmost-first with ASCII
 *   `\w`/`\b`, so ordinary patterns behave the same.
 * - The replacement string is literal text (the reference documents no group references):
 *   `$1` is inserted as is.
 */
export function toRegExp(pattern: string, fail: (message: string) => Error): RegExp {
  let source = String(pattern);
  let flags = 'g';
  const lead = /^\(\?([ims]+)\)/.exec(source);
  if (lead) {
    for (const f of lead[1] ?? '') if (!flags.includes(f)) flags += f;
    source = source.slice(lead[0].length);
  }
  if (/\(\?<?[=!]/.test(source) || /(^|[^\\])(\\\\)*\\([1-9]|[pP])/.test(source)) {
    throw fail(`Invalid regular expression pattern ${pattern}`);
  }
  source = source
    .replace(/\\Q([\s\S]*?)(\\E|$)/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .replace(/\(\?P</g, '(?<')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\z/g, '$1$$')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => posix(name, neg === '^') ?? m);
  try {
    return new RegExp(source, flags);
  } catch {
    throw fail(`Invalid regular expression pattern ${pattern}`);
  }
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function posix(name: string, negated: boolean): string | undefined {
  const body = POSIX[name];
  if (body === undefined) return undefined;
  return negated ? `^${body}` : body;
}

/** All matches of `re` in `text` as [start, endExclusive) pairs (empty matches included, once per position). */
export function matchesIn(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}
