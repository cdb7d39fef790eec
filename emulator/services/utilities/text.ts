/** Apps Script's name for a value's type in "The parameters (...) don't match" messages. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return typeof value === 'object' ? 'Object' : String(typeof value);
}

/**
 * Apps Script's message for arguments no overload of `method` accepts, e.g.
 * "The parameters (String,String,String) don't match the method signature for Utilities.formatDate."
 * Trailing undefined arguments are left out, as they are when a script omits them.
 */
export function signatureMessage(method: string, args: unknown[]): string {
  const given = [...args];
  while (given.length && given[given.length - 1] === undefined) given.pop();
  return `The parameters (${given.map(typeName).join(',')}) don't match the method signature for ${method}.`;
}

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoeEc%])/g;

function convert(conv: string, value: unknown, precision: number | undefined): string {
  switch (conv) {
    case 's': {
      const s = String(value);
      return precision === undefined ? s : s.slice(0, precision);
    }
    case 'd':
    case 'i':
      return String(Math.trunc(Number(value)));
    case 'f':
      return Number(value).toFixed(precision ?? 6);
    case 'e':
    case 'E': {
      const s = Number(value).toExponential(precision ?? 6);
      return conv === 'E' ? s.toUpperCase() : s;
    }
    case 'x':
      return (Math.trunc(Number(value)) >>> 0).toString(16);
    case 'X':
      return (Math.trunc(Number(value)) >>> 0).toString(16).toUpperCase();
    case 'o':
      return (Math.trunc(Number(value)) >>> 0).toString(8);
    default:
      return String.fromCharCode(Number(value));
  }
}

/**
 * sprintf-style formatting as `Utilities.formatString` does it: `%s %d %i %f %e %x %o %c %%`
 * with flags `-` (left-justify), `+`, space and `0`, a width and a precision (`%6.2f`).
 */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(SPEC, (_m, flags: string, width?: string, prec?: string, conv?: string) => {
    if (conv === '%') return '%';
    const value = args[next++];
    const numeric = conv !== 's' && conv !== 'c';
    let text = convert(conv ?? 's', value, prec === undefined ? undefined : Number(prec));
    if (numeric && !text.startsWith('-')) {
      if (flags.includes('+')) text = `+${text}`;
      else if (flags.includes(' ')) text = ` ${text}`;
    }
    const w = Number(width ?? 0);
    if (text.length >= w) return text;
    if (flags.includes('-')) return text.padEnd(w);
    if (numeric && flags.includes('0')) {
      const sign = /^[-+ ]/.test(text) ? text[0]! : '';
      return sign + text.slice(sign.length).padStart(w - sign.length, '0');
    }
    return text.padStart(w);
  });
}

/**
 * Parses CSV as `Utilities.parseCsv` does: fields split on `delimiter` (`,` by default), double
 * quotes around a field allow delimiters and line breaks in it, `""` inside quotes is a quote,
 * and a final line break does not start another row.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
      continue;
    }
    open = true;
    if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      open = false;
    } else cell += c;
  }
  if (open) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
