import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { TemplateElement } from '../services/document/io';
import { glyphText, type Glyph, type Heading } from '../services/document/model';

/**
 * Word (.docx) import: what the school wrote, kept as Google Docs would keep it on upload.
 *
 * The body is read through mammoth's document model (`convertToHtml` with `transformDocument`):
 * paragraphs, headings, runs, tabs ("\t"), soft line breaks (`<w:br/>`, kept as "\n", a line
 * break inside the paragraph), tables (every paragraph of a cell), images (as "[image: alt]").
 * What mammoth's model does not carry is added to the XML before mammoth reads it:
 *
 * - list identity: each numbered paragraph gets a private-use marker with its Word list (`w:numId`)
 *   and level, so items of one Word list stay one list (one `listId`) across bulleted sub-lists and
 *   other lists between them; the level's glyph and start number come from word/numbering.xml;
 * - drawings mammoth drops (charts, shapes, text boxes drawn with DrawingML) become
 *   "[image: <description>]", the description being the alt text, the title or the text box's text.
 *
 * Headers and footers (which mammoth ignores) are read from word/header*.xml / word/footer*.xml,
 * the ones the document's sections use, by running each through mammoth as a document of its own.
 */
export async function fromDocx(data: Buffer): Promise<TemplateElement[]> {
  const zip = await JSZip.loadAsync(data);
  const numbering = readNumbering(await zip.file('word/numbering.xml')?.async('string'));
  const styleNumbering = readStyleNumbering(await zip.file('word/styles.xml')?.async('string'));
  const mark = (xml: string): string => markXml(xml, styleNumbering);
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined) throw new Error('not a Word document (no word/document.xml)');
  const model = await readModel(data, { 'word/document.xml': mark(documentXml) });
  const body = toElements(model, numbering).map((r) => r.el);
  const out: TemplateElement[] = [];
  for (const type of ['header', 'footer'] as const) {
    const paragraphs: string[] = [];
    for (const part of await sectionParts(zip, documentXml, type)) {
      const xml = await zip.file(part)?.async('string');
      if (xml === undefined) continue;
      const rels = relsPath(part);
      const model = await readModel(data, {
        'word/document.xml': asDocument(mark(xml)),
        'word/_rels/document.xml.rels': (await zip.file(rels)?.async('string')) ?? EMPTY_RELS,
      });
      paragraphs.push(...toElements(model, numbering).flatMap((r) => r.shown));
    }
    if (paragraphs.some((p) => p.trim())) out.push({ type, paragraphs });
  }
  const header = out.filter((e) => e.type === 'header');
  const footer = out.filter((e) => e.type === 'footer');
  return [...header, ...body, ...footer];
}

/** The parts of mammoth's document model this import reads (see mammoth/lib/documents.js). */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  breakType?: 'line' | 'page' | 'column';
  altText?: string;
  checked?: boolean;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
/** Marks a paragraph's Word list: "\uE000" numId "\uE004" level "\uE001" (private-use characters). */
const LIST_MARK = /\uE000([^\uE004\uE001]*)\uE004(\d+)\uE001/g;
/** Stands for a page or column break until the paragraph's ends are known. */
const PAGE_BREAK = '\uE002';

/** mammoth's document model of the .docx with some of its parts replaced. */
async function readModel(data: Buffer, parts: Record<string, string>): Promise<MammothNode> {
  const zip = await JSZip.loadAsync(data);
  for (const [path, text] of Object.entries(parts)) zip.file(path, text);
  const buffer = await zip.generateAsync({ type: 'nodebuffer' });
  let model: MammothNode | undefined;
  await mammoth.convertToHtml(
    { buffer },
    {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (doc: MammothNode) => {
        model = doc;
        return doc;
      },
    },
  );
  if (!model) throw new Error('mammoth gave no document');
  return model;
}

/** A Word list level: its number format, start value and bullet text. */
interface WordLevel {
  format: string;
  start: number;
  text: string;
}

/** word/numbering.xml: each list (`w:num`) with its levels, start overrides applied. */
type WordNumbering = Map<string, Map<number, WordLevel>>;

function readNumbering(xml: string | undefined): WordNumbering {
  const lists: WordNumbering = new Map();
  if (!xml) return lists;
  const doc = parseXml(xml);
  const abstract = new Map<string, Map<number, WordLevel>>();
  for (const a of byTag(doc, 'w:abstractNum')) {
    const levels = new Map<number, WordLevel>();
    for (const lvl of byTag(a, 'w:lvl')) {
      levels.set(Number(lvl.getAttribute('w:ilvl') ?? 0), {
        format: valOf(lvl, 'w:numFmt') ?? 'decimal',
        start: Number(valOf(lvl, 'w:start') ?? 1),
        text: valOf(lvl, 'w:lvlText') ?? '',
      });
    }
    abstract.set(a.getAttribute('w:abstractNumId') ?? '', levels);
  }
  for (const num of byTag(doc, 'w:num')) {
    const levels = new Map(abstract.get(valOf(num, 'w:abstractNumId') ?? '') ?? []);
    for (const o of byTag(num, 'w:lvlOverride')) {
      const ilvl = Number(o.getAttribute('w:ilvl') ?? 0);
      const start = valOf(o, 'w:startOverride');
      const level = levels.get(ilvl);
      if (start !== undefined && level) levels.set(ilvl, { ...level, start: Number(start) });
    }
    lists.set(num.getAttribute('w:numId') ?? '', levels);
  }
  return lists;
}

/** Paragraph styles that number their paragraphs (a `w:numPr` in the style). */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: string }> {
  const styles = new Map<string, { numId: string; ilvl: string }>();
  if (!xml) return styles;
  for (const style of byTag(parseXml(xml), 'w:style')) {
    const numPr = byTag(style, 'w:numPr')[0];
    const numId = numPr && valOf(numPr, 'w:numId');
    if (numPr && numId)
      styles.set(style.getAttribute('w:styleId') ?? '', { numId, ilvl: valOf(numPr, 'w:ilvl') ?? '0' });
  }
  return styles;
}

/**
 * A document part's XML with each numbered paragraph's list marked at its start, and each drawing
 * mammoth would drop replaced by its "[image: …]" text.
 */
function markXml(xml: string, styleNumbering: Map<string, { numId: string; ilvl: string }>): string {
  const doc = parseXml(xml);
  for (const p of byTag(doc, 'w:p')) {
    const pPr = childByTag(p, 'w:pPr');
    const numPr = pPr && childByTag(pPr, 'w:numPr');
    const style = pPr && childByTag(pPr, 'w:pStyle')?.getAttribute('w:val');
    const fromStyle = style ? styleNumbering.get(style) : undefined;
    const numId = (numPr && valOf(numPr, 'w:numId')) ?? fromStyle?.numId;
    if (!numId || numId === '0') continue;
    const ilvl = (numPr && valOf(numPr, 'w:ilvl')) ?? fromStyle?.ilvl ?? '0';
    const run = textRun(doc, `\uE000${numId}\uE004${ilvl}\uE001`);
    p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
  }
  for (const alt of byTag(doc, 'mc:AlternateContent')) {
    const fallback = childByTag(alt, 'mc:Fallback');
    const kept = fallback && ['w:t', 'v:imagedata', 'a:blip'].some((t) => byTag(fallback, t).length > 0);
    if (!kept) alt.parentNode?.replaceChild(textRun(doc, imageMarker(alt)), alt);
  }
  for (const drawing of byTag(doc, 'w:drawing')) {
    if (!drawing.parentNode || hasAncestor(drawing, 'mc:Choice') || byTag(drawing, 'pic:pic').length)
      continue;
    drawing.parentNode.replaceChild(textRun(doc, imageMarker(drawing)), drawing);
  }
  return new XMLSerializer().serializeToString(doc);
}

/** "[image: …]" for a drawing: its alt text, else its title, else the text it holds (a text box). */
function imageMarker(el: Element): string {
  const docPr = byTag(el, 'wp:docPr')[0];
  const text = byTag(el, 'w:t')
    .map((t) => t.textContent ?? '')
    .join(' ');
  const description = [docPr?.getAttribute('descr'), docPr?.getAttribute('title'), text].find((d) =>
    d?.trim(),
  );
  return `[image: ${(description ?? '').replace(/\s+/g, ' ').trim()}]`;
}

/** A header or footer part's XML (`w:hdr` / `w:ftr`) as a document part mammoth reads as its body. */
function asDocument(xml: string): string {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  if (!root) return xml;
  const document = doc.createElementNS(W_NS, 'w:document');
  for (const attr of Array.from(root.attributes))
    if (attr.name !== 'xmlns:w') document.setAttribute(attr.name, attr.value);
  const body = doc.createElementNS(W_NS, 'w:body');
  while (root.firstChild) body.appendChild(root.firstChild);
  document.appendChild(body);
  doc.replaceChild(document, root);
  return new XMLSerializer().serializeToString(doc);
}

/**
 * The header (or footer) parts the document's sections use: each section's default one (its
 * first-page or even-page one when it has no default), in order, each once.
 */
async function sectionParts(zip: JSZip, documentXml: string, type: 'header' | 'footer'): Promise<string[]> {
  const relsXml = await zip.file('word/_rels/document.xml.rels')?.async('string');
  if (!relsXml) return [];
  const targets = new Map<string, string>();
  for (const rel of byTag(parseXml(relsXml), 'Relationship')) {
    const target = rel.getAttribute('Target') ?? '';
    targets.set(rel.getAttribute('Id') ?? '', target.startsWith('/') ? target.slice(1) : `word/${target}`);
  }
  const parts: string[] = [];
  for (const sectPr of byTag(parseXml(documentXml), 'w:sectPr')) {
    const refs = byTag(sectPr, `w:${type}Reference`);
    const ref = refs.find((r) => r.getAttribute('w:type') === 'default') ?? refs[0];
    const part = ref && targets.get(ref.getAttribute('r:id') ?? '');
    if (part && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Counts a Word list's items per level as Word does (a level restarts when a higher one advances). */
class WordCounter {
  private readonly counts = new Map<string, number[]>();

  next(numId: string, level: number, start: number): number {
    const levels = (this.counts.get(numId) ?? []).slice(0, level + 1);
    levels[level] = levels[level] === undefined ? start : levels[level] + 1;
    this.counts.set(numId, levels);
    return levels[level];
  }
}

/** A template element and its text as Word shows it (a list item's number or bullet first). */
interface Read {
  el: TemplateElement;
  shown: string[];
}

/** The template elements of a document model (its body's paragraphs, list items and tables). */
function toElements(model: MammothNode, numbering: WordNumbering): Read[] {
  const counter = new WordCounter();
  const out: Read[] = [];
  for (const node of model.children ?? []) {
    if (node.type === 'table') {
      const rows = tableRows(node, numbering, counter);
      out.push({ el: { type: 'table', rows }, shown: rows.flat(2) });
    } else if (node.type === 'paragraph') out.push(paragraph(node, numbering, counter));
  }
  return out;
}

/** A paragraph, heading or list item (a list item's glyph, start and list from word/numbering.xml). */
function paragraph(node: MammothNode, numbering: WordNumbering, counter: WordCounter): Read {
  const raw = textOf(node);
  const mark = [...raw.matchAll(LIST_MARK)][0];
  const text = raw
    .replace(LIST_MARK, '')
    .replace(new RegExp(`^${PAGE_BREAK}+|${PAGE_BREAK}+$`, 'g'), '')
    .replace(new RegExp(PAGE_BREAK, 'g'), '\n');
  if (mark) {
    const [, numId = '', ilvl = '0'] = mark;
    const nesting = Math.min(Number(ilvl), 8);
    const level = numbering.get(numId)?.get(nesting) ?? { format: 'decimal', start: 1, text: '' };
    if (level.format !== 'none') {
      const glyph = glyphOf(level);
      const n = counter.next(numId, nesting, level.start);
      const el: TemplateElement = {
        type: 'listItem',
        text,
        nesting,
        ordered: !glyph.endsWith('BULLET'),
        ...(glyph !== 'BULLET' && glyph !== 'NUMBER' ? { glyph } : {}),
        listId: `kix.docx${numId}`,
        ...(level.start !== 1 ? { start: level.start } : {}),
      };
      return { el, shown: [glyphText(glyph, n) + text] };
    }
  } else if (node.numbering) {
    const { level, isOrdered } = node.numbering;
    const el: TemplateElement = { type: 'listItem', text, nesting: Number(level), ordered: isOrdered };
    return { el, shown: [(isOrdered ? '' : '• ') + text] };
  }
  const heading = headingOf(node.styleName ?? node.styleId ?? '');
  return { el: { type: 'paragraph', text, ...(heading ? { heading } : {}) }, shown: [text] };
}

/**
 * Rows of cells, a cell being its paragraph's text or, when it has several, a text for each (list
 * items with their number or bullet as text, a nested table's rows as "a | b").
 */
function tableRows(
  node: MammothNode,
  numbering: WordNumbering,
  counter: WordCounter,
): Array<Array<string | string[]>> {
  return (node.children ?? [])
    .filter((r) => r.type === 'tableRow')
    .map((row) =>
      (row.children ?? [])
        .filter((c) => c.type === 'tableCell')
        .map((cell) => {
          const paras: string[] = [];
          for (const child of cell.children ?? []) {
            if (child.type === 'table') {
              const rows = tableRows(child, numbering, counter);
              paras.push(...rows.map((r) => r.map((c) => [c].flat().join(' ')).join(' | ')));
            } else if (child.type === 'paragraph') paras.push(...paragraph(child, numbering, counter).shown);
          }
          return paras.length === 1 ? (paras[0] ?? '') : paras.length ? paras : '';
        }),
    );
}

/** A paragraph's text: runs, hyperlinks and the like in order; tabs, breaks, checkboxes, images. */
function textOf(node: MammothNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return node.breakType === 'line' ? '\n' : PAGE_BREAK;
    case 'checkbox':
      return node.checked ? '☒' : '☐';
    case 'image':
      return `[image: ${(node.altText ?? '').replace(/\s+/g, ' ').trim()}]`;
    default:
      return (node.children ?? []).map(textOf).join('');
  }
}

function headingOf(style: string): Heading | undefined {
  const m = /^heading\s*([1-6])$/i.exec(style.trim());
  if (m) return `HEADING${m[1]}` as Heading;
  if (/^title$/i.test(style.trim())) return 'TITLE';
  if (/^subtitle$/i.test(style.trim())) return 'SUBTITLE';
  return undefined;
}

/** The Google Docs glyph nearest a Word number format. */
function glyphOf(level: WordLevel): Glyph {
  switch (level.format) {
    case 'bullet':
      return level.text === 'o' ? 'HOLLOW_BULLET' : level.text === '\uF0A7' ? 'SQUARE_BULLET' : 'BULLET';
    case 'lowerLetter':
      return 'LATIN_LOWER';
    case 'upperLetter':
      return 'LATIN_UPPER';
    case 'lowerRoman':
      return 'ROMAN_LOWER';
    case 'upperRoman':
      return 'ROMAN_UPPER';
    default:
      return 'NUMBER';
  }
}

function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function byTag(node: Document | Element, tag: string): Element[] {
  return Array.from(node.getElementsByTagName(tag));
}

function childByTag(el: Element, tag: string): Element | undefined {
  return Array.from(el.childNodes).find((c): c is Element => c.nodeName === tag);
}

function valOf(el: Element, tag: string): string | undefined {
  return childByTag(el, tag)?.getAttribute('w:val') ?? undefined;
}

function hasAncestor(el: Element, tag: string): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p.nodeName === tag) return true;
  return false;
}

/** `<w:r><w:t xml:space="preserve">text</w:t></w:r>`. */
function textRun(doc: Document, text: string): Element {
  const r = doc.createElementNS(W_NS, 'w:r');
  const t = doc.createElementNS(W_NS, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  return r;
}
