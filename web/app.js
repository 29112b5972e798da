// The page's shell: the interface language, the router (the URL fragment names the page:
// #/search?q=…, #/unit?iri=…), and what every page shares (errors, target chips, links).

import { h, fill, pick, route } from './dom.js';
import { LANGUAGES, MESSAGES } from './i18n.js';
import * as search from './pages/search.js';
import * as ask from './pages/ask.js';
import * as coach from './pages/coach.js';
import * as unit from './pages/unit.js';
import * as target from './pages/target.js';
import * as targets from './pages/targets.js';
import * as sparqlPage from './pages/sparql.js';

const PAGES = { search, ask, coach, unit, target, targets, sparql: sparqlPage };
const STORAGE_KEY = 'cbdkg.language';

/** What pages receive: the language, `t` for messages, helpers, and whether they are still shown. */
export const ui = {
  language: 'en',
  /** The message `key` in the interface language, with `{name}` replaced from `vars`. */
  t(key, vars = {}) {
    const text = MESSAGES[ui.language][key] ?? MESSAGES.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
  },
  /** A number in the interface language's digits. */
  number(n, options = {}) {
    return new Intl.NumberFormat(ui.language === 'ar' ? 'ar-EG' : ui.language, options).format(n);
  },
  /** A readable message for an `ApiFailure` (or any error). */
  errorBox(error) {
    const code = error && error.code;
    const known = code && MESSAGES.en[`error.${code}`] !== undefined;
    const text = known ? ui.t(`error.${code}`) : ui.t('error.generic', { status: error?.status ?? '?' });
    return h('div', { class: 'error', role: 'alert' },
      h('p', {}, text),
      error && error.message ? h('details', {}, h('summary', {}, ui.t('error.details')), h('p', { dir: 'auto' }, error.message)) : null);
  },
  /** A chip that opens a target's page. */
  targetChip(target, extra = null) {
    const name = pick(target.names, ui.language);
    const label = ui.t(`target.${target.scheme}`, { code: target.code });
    return h('a', { class: `chip chip-${target.scheme}`, href: route('target', { iri: target.iri }), title: name ? name.value : null },
      h('span', { class: 'chip-code' }, label), extra ? h('span', { class: 'chip-extra' }, extra) : null);
  },
  /** A busy line, announced. */
  busy(key) {
    return h('p', { class: 'busy', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ui.t(key));
  },
  /** Whether the page that asked is still the one shown (answers to a page left are dropped). */
  current: () => true,
  /** Marks the page `loading`, `ready` or `error` (`<main data-state>`: what tests wait on). */
  state(state) {
    if (ui.current()) document.getElementById('main').dataset.state = state;
  },
};

function chooseLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && LANGUAGES[saved]) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const code = (tag || '').toLowerCase().split('-')[0];
    if (LANGUAGES[code]) return code;
  }
  return 'en';
}

function applyLanguage(language) {
  ui.language = language;
  const root = document.documentElement;
  root.lang = language;
  root.dir = LANGUAGES[language].dir;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = ui.t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', ui.t(el.dataset.i18nLabel));
  document.getElementById('ui-language').value = language;
}

function parseHash() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : 'search';
  const [name, query = ''] = hash.split('?');
  return { name: PAGES[name] ? name : 'search', params: new URLSearchParams(query) };
}

let generation = 0;

function render({ focus }) {
  const { name, params } = parseHash();
  const mine = ++generation;
  ui.current = () => mine === generation;
  for (const link of document.querySelectorAll('#site-nav a')) {
    if (link.dataset.route === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  fill(main);
  main.dataset.state = 'loading';
  main.dataset.page = name;
  document.title = `${ui.t(`title.${name}`)} · ${ui.t('brand')}`;
  PAGES[name].render(main, params, ui);
  if (focus) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
}

function start() {
  applyLanguage(chooseLanguage());
  document.getElementById('ui-language').addEventListener('change', (event) => {
    const language = event.target.value;
    localStorage.setItem(STORAGE_KEY, language);
    applyLanguage(language);
    render({ focus: false });
  });
  // The skip link moves focus without changing the fragment (the fragment names the page).
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/') || location.hash === '') render({ focus: true });
  });
  render({ focus: false });
  document.documentElement.dataset.ready = 'true';
}

start();
