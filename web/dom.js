// Building elements without innerHTML: text from the API never becomes markup.

/** `h('a', {href}, 'text', child…)`: an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };

function unescape(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name) => ENTITIES[name]);
}

/** A search snippet (HTML-escaped text with matched terms in `<b>…</b>`) as text and `<mark>`s. */
export function snippet(html) {
  const out = [];
  const parts = html.split(/(<b>|<\/b>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<b>') marked = true;
    else if (part === '</b>') marked = false;
    else if (part) out.push(marked ? h('mark', {}, unescape(part)) : unescape(part));
  }
  return out;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The language of a text when the API does not say: Arabic script, or nothing known. */
export function guessLang(text) {
  return ARABIC.test(text || '') ? 'ar' : '';
}

/** `lang` and `dir` attributes for a document text in `lang` (RTL scripts keep RTL). */
export function textAttrs(lang, text) {
  const code = lang || guessLang(text);
  const rtl = ['ar', 'fa', 'he', 'ur'].includes((code || '').split('-')[0]);
  return { lang: code || null, dir: code ? (rtl ? 'rtl' : 'ltr') : 'auto' };
}

/** The text of `texts` ([{lang, value}]) best for the interface language. */
export function pick(texts, language) {
  if (!texts || texts.length === 0) return null;
  return texts.find((t) => t.lang === language) || texts.find((t) => t.lang === 'en') || texts[0];
}

/** `#/route?name=value…` */
export function route(name, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value)) if (v !== undefined && v !== null && v !== '') query.append(key, v);
  }
  const q = query.toString();
  return `#/${name}${q ? `?${q}` : ''}`;
}
