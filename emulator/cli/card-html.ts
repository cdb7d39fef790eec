import type { chat_v1 } from '@googleapis/chat';

type Card = chat_v1.Schema$GoogleAppsCardV1Card;
type Widget = chat_v1.Schema$GoogleAppsCardV1Widget;
type Button = chat_v1.Schema$GoogleAppsCardV1Button;

/** What a card screen of the local run holds (emulator/cli/output.ts writes it). */
export interface CardScreen {
  card?: Card;
  notification?: string;
}

/**
 * An HTML page drawing `screen` as Gmail's add-on side panel shows it, close enough to judge the
 * layout: 360 px wide, Google Sans/Roboto-like type, the header, each section's header and
 * widgets, the fixed footer pinned at the bottom, and a notification as the toast Gmail shows.
 * Widgets it does not know are drawn as a dashed box naming them, never dropped silently.
 * Card text keeps the formatting Google allows in it (b, i, u, s, br, font color, a href); any
 * other markup is shown as text.
 */
export function cardHtml(screen: CardScreen, title: string): string {
  const card = screen.card;
  const body = card ? cardBody(card) : '<p class="empty">(no card)</p>';
  const toast = screen.notification ? `<div class="toast">${escape(screen.notification)}</div>` : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${CSS}</style></head><body><div class="panel" id="panel">${body}${toast}</div></body></html>`;
}

function cardBody(card: Card): string {
  const header = card.header
    ? `<div class="header"><div class="title">${rich(card.header.title ?? '')}</div>${card.header.subtitle ? `<div class="subtitle">${rich(card.header.subtitle)}</div>` : ''}</div>`
    : '';
  const sections = (card.sections ?? [])
    .map(
      (s) =>
        `<div class="section">${s.header ? `<div class="section-header">${rich(s.header)}</div>` : ''}${(s.widgets ?? []).map(widget).join('')}</div>`,
    )
    .join('');
  const f = card.fixedFooter;
  const footer = f
    ? `<div class="footer">${f.secondaryButton ? button(f.secondaryButton) : ''}${f.primaryButton ? button({ ...f.primaryButton, type: 'FILLED' }) : ''}</div>`
    : '';
  return `${header}<div class="sections">${sections}</div>${footer}`;
}

function widget(w: Widget): string {
  if (w.textParagraph) return `<div class="w text">${rich(w.textParagraph.text ?? '')}</div>`;
  if (w.decoratedText) {
    const d = w.decoratedText;
    const click = d.onClick ? ' clickable' : '';
    const end = d.button ? button(d.button) : d.switchControl ? '<span class="switch"></span>' : '';
    return `<div class="w decorated${click}"><div class="dt-main">${d.topLabel ? `<div class="label">${rich(d.topLabel)}</div>` : ''}<div class="dt-text${d.wrapText ? '' : ' nowrap'}">${rich(d.text ?? '')}</div>${d.bottomLabel ? `<div class="label">${rich(d.bottomLabel)}</div>` : ''}</div>${end}</div>`;
  }
  if (w.buttonList)
    return `<div class="w buttons">${(w.buttonList.buttons ?? []).map(button).join('')}</div>`;
  if (w.textInput) {
    const t = w.textInput;
    const tall = t.type === 'MULTIPLE_LINE' ? ' tall' : '';
    return `<div class="w input"><div class="field${tall}"><span class="float">${escape(t.label ?? '')}</span><span class="value">${escape(t.value ?? '')}</span></div>${t.hintText ? `<div class="hint">${escape(t.hintText)}</div>` : ''}</div>`;
  }
  if (w.selectionInput) {
    const s = w.selectionInput;
    const items = s.items ?? [];
    if (s.type === 'DROPDOWN') {
      const chosen = items.find((i) => i.selected) ?? items[0];
      return `<div class="w input"><div class="field"><span class="float">${escape(s.label ?? '')}</span><span class="value">${escape(chosen?.text ?? '')}</span><span class="caret">▾</span></div></div>`;
    }
    const mark = s.type === 'RADIO_BUTTON' ? 'radio' : s.type === 'SWITCH' ? 'switch' : 'box';
    return `<div class="w choices">${s.label ? `<div class="label">${escape(s.label)}</div>` : ''}${items
      .map(
        (i) =>
          `<div class="choice"><span class="${mark}${i.selected ? ' on' : ''}"></span><span>${escape(i.text ?? '')}</span></div>`,
      )
      .join('')}</div>`;
  }
  if (w.divider) return '<hr class="w divider">';
  if (w.image)
    return `<div class="w image">[image${w.image.altText ? `: ${escape(w.image.altText)}` : ''}]</div>`;
  const kind = Object.keys(w).find((k) => k !== 'horizontalAlignment' && k !== 'id') ?? 'widget';
  return `<div class="w unknown">${escape(kind)}</div>`;
}

function button(b: Button): string {
  const filled = b.type === 'FILLED' || b.type === 'FILLED_TONAL' ? ' filled' : '';
  const link = b.onClick?.openLink ? ' ↗' : '';
  return `<span class="button${filled}${b.disabled ? ' disabled' : ''}">${escape(b.text ?? '')}${link}</span>`;
}

/** Card text with the formatting Google's cards allow kept, everything else escaped. */
export function rich(text: string): string {
  return escape(text)
    .replace(/&lt;(\/?)(b|i|u|s|strike)&gt;/gi, '<$1$2>')
    .replace(/&lt;br\s*\/?&gt;/gi, '<br>')
    .replace(/&lt;font color=&quot;(#[0-9a-f]{3,8})&quot;&gt;/gi, '<font color="$1">')
    .replace(/&lt;\/font&gt;/gi, '</font>')
    .replace(/&lt;a href=&quot;(https?:[^"&<>]*)&quot;&gt;(.*?)&lt;\/a&gt;/gi, '<a href="$1">$2</a>')
    .replace(/\n/g, '<br>');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
body{margin:0;background:#e8eaed;font-family:Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#202124;font-size:13px}
.panel{width:360px;background:#fff;margin:0;display:flex;flex-direction:column;min-height:200px;position:relative;border-left:1px solid #dadce0}
.header{padding:16px 16px 8px}
.title{font-size:16px;font-weight:500;line-height:22px}
.subtitle{color:#5f6368;font-size:12px;margin-top:2px}
.section{padding:8px 16px 12px;border-top:1px solid #e8eaed}
.section:first-child{border-top:none}
.section-header{color:#1a73e8;font-size:12px;font-weight:500;margin:4px 0 8px;letter-spacing:.2px}
.w{margin:8px 0}
.text{line-height:19px}
.decorated{display:flex;align-items:center;gap:8px}
.decorated.clickable{cursor:pointer}
.decorated.clickable .dt-text{color:#1a73e8}
.dt-main{flex:1;min-width:0}
.dt-text{line-height:19px}
.dt-text.nowrap{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.label{color:#5f6368;font-size:12px;line-height:16px}
.buttons{display:flex;flex-wrap:wrap;gap:8px}
.button{display:inline-block;border:1px solid #dadce0;border-radius:4px;padding:7px 14px;color:#1a73e8;font-weight:500;font-size:13px;background:#fff;white-space:nowrap}
.button.filled{background:#1a73e8;border-color:#1a73e8;color:#fff}
.button.disabled{opacity:.45}
.field{border:1px solid #80868b;border-radius:4px;padding:14px 12px 8px;position:relative;min-height:18px}
.field.tall{min-height:52px}
.float{position:absolute;top:-8px;left:8px;background:#fff;padding:0 4px;color:#5f6368;font-size:11px}
.value{white-space:pre-wrap;word-break:break-word}
.caret{position:absolute;right:10px;top:12px;color:#5f6368}
.hint{color:#5f6368;font-size:11px;margin:4px 12px 0}
.choice{display:flex;align-items:center;gap:10px;margin:6px 0}
.box,.radio{width:16px;height:16px;border:2px solid #5f6368;border-radius:2px;flex:none;box-sizing:border-box}
.radio{border-radius:50%}
.box.on{background:#1a73e8;border-color:#1a73e8;box-shadow:inset 0 0 0 2px #fff}
.radio.on{border-color:#1a73e8;box-shadow:inset 0 0 0 3px #fff;background:#1a73e8}
.switch{width:30px;height:14px;border-radius:7px;background:#bdc1c6;flex:none}
.switch.on{background:#8ab4f8}
.divider{border:none;border-top:1px solid #e8eaed}
.unknown{border:1px dashed #d93025;color:#d93025;padding:6px}
.footer{display:flex;justify-content:flex-end;gap:8px;padding:10px 16px;border-top:1px solid #dadce0;background:#fff;margin-top:auto}
.toast{margin:12px 16px 16px;background:#323232;color:#fff;border-radius:4px;padding:10px 14px;line-height:18px}
.empty{padding:16px;color:#5f6368}
a{color:#1a73e8}
`;
