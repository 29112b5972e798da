// Search: a query, filters as facets (document type, body, meeting, year, language, record
// type), hits with their snippet and why they matched. The query and filters live in the URL.

import { getJSON } from '../api.js';
import { h, fill, route, snippet, textAttrs } from '../dom.js';

/** Facets in display order: the API's facet name and the query parameter that filters by it. */
const FACETS = [
  ['doc_type', 'type'],
  ['record_type', 'record_type'],
  ['body', 'body'],
  ['meeting', 'meeting'],
  ['year', 'year'],
  ['lang', 'lang'],
];
const FILTERS = ['type', 'record_type', 'body', 'meeting', 'lang', 'year_from', 'year_to'];

export function render(main, params, ui) {
  const q = params.get('q') || '';
  const mode = params.get('mode') || 'hybrid';
  const filters = {};
  for (const name of FILTERS) if (params.getAll(name).length) filters[name] = params.getAll(name);

  const input = h('input', { type: 'search', id: 'search-q', name: 'q', value: q, required: true, autocomplete: 'off', dir: 'auto', placeholder: ui.t('search.placeholder') });
  const modeSelect = h('select', { id: 'search-mode', name: 'mode' },
    ['hybrid', 'bm25', 'vector'].map((m) => h('option', { value: m, selected: m === mode }, ui.t(`search.mode.${m}`))));
  const form = h('form', { class: 'search-form', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return input.focus();
    location.hash = route('search', { q: query, mode: modeSelect.value === 'hybrid' ? null : modeSelect.value, ...filters });
  } },
  h('label', { for: 'search-q', class: 'field-label' }, ui.t('search.label')),
  h('div', { class: 'field-row' }, input, h('button', { type: 'submit', class: 'primary' }, ui.t('search.submit'))),
  h('div', { class: 'field-row small' }, h('label', { for: 'search-mode' }, ui.t('search.mode')), modeSelect));

  const status = h('p', { class: 'results-status', role: 'status', 'aria-live': 'polite' });
  const facets = h('aside', { class: 'facets', 'aria-labelledby': 'facets-heading' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  fill(main,
    h('h1', {}, ui.t('search.title')),
    h('p', { class: 'lead' }, ui.t('search.lead')),
    form,
    activeFilters(q, mode, filters, ui),
    status,
    h('div', { class: 'search-layout' }, results, facets));

  if (!q) {
    fill(results, h('h2', { id: 'results-heading', class: 'visually-hidden' }, ui.t('search.results')),
      examples(ui));
    ui.state('ready');
    return;
  }
  status.append(ui.busy('search.busy'));
  getJSON('/api/search', { q, k: 20, mode: mode === 'hybrid' ? null : mode, ...filters }).then((answer) => {
    if (!ui.current()) return;
    fill(status, ui.t('search.count', { n: ui.number(answer.hits.length), ms: ui.number(Math.round(answer.took_ms)) }));
    fill(results, h('h2', { id: 'results-heading' }, ui.t('search.results')),
      answer.hits.length ? h('ol', { class: 'hits' }, answer.hits.map((hit) => hitItem(hit, ui)))
        : h('p', { class: 'empty' }, ui.t('search.none')));
    fill(facets, h('h2', { id: 'facets-heading' }, ui.t('search.facets')), facetGroups(answer.facets, q, mode, filters, ui));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(status);
    fill(results, ui.errorBox(error));
    ui.state('error');
  });
}

function examples(ui) {
  const queries = ['المقرر 23/13', 'XIII/23 paragraph 15(g)', 'capacity-building action plan evaluation', 'maize field trial'];
  return h('div', { class: 'examples' }, h('p', {}, ui.t('search.try')),
    h('ul', { class: 'inline-list' }, queries.map((q) => h('li', {}, h('a', { href: route('search', { q }), ...textAttrs('', q) }, q)))));
}

function hitItem(hit, ui) {
  const name = [hit.symbol, hit.paragraph].filter(Boolean).join(' ');
  const attrs = textAttrs(hit.lang, hit.text);
  return h('li', { class: 'hit' },
    h('article', {},
      h('h3', {}, h('a', { href: route('unit', { iri: hit.iri }), class: 'hit-link' }, h('bdi', {}, name || hit.iri))),
      hit.title ? h('p', { class: 'hit-title', ...attrs }, hit.title) : null,
      hit.section && hit.section.length ? h('p', { class: 'hit-section', ...attrs }, hit.section.join(' › ')) : null,
      h('p', { class: 'snippet', ...attrs }, hit.snippet ? snippet(hit.snippet) : clip(hit.text)),
      why(hit, ui)));
}

function clip(text) {
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function why(hit, ui) {
  const parts = [];
  const w = hit.why || {};
  if (w.exact_lookup) parts.push(h('span', { class: 'badge' }, ui.t('why.exact')));
  if (w.matched_terms && w.matched_terms.length) {
    parts.push(h('span', {}, ui.t('why.terms'), ' ', w.matched_terms.map((term) => h('mark', { class: 'term', dir: 'auto' }, term))));
  }
  if (typeof w.similarity === 'number') {
    parts.push(h('span', {}, ui.t('why.similarity', { value: ui.number(w.similarity, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) })));
  }
  if (w.bm25_rank) parts.push(h('span', {}, ui.t('why.bm25', { rank: ui.number(w.bm25_rank) })));
  if (w.vector_rank) parts.push(h('span', {}, ui.t('why.vector', { rank: ui.number(w.vector_rank) })));
  return h('p', { class: 'why' }, h('span', { class: 'why-label' }, ui.t('why.label')), ' ', parts);
}

function activeFilters(q, mode, filters, ui) {
  const chips = [];
  for (const [name, values] of Object.entries(filters)) {
    for (const value of values) {
      const rest = { ...filters, [name]: filters[name].filter((v) => v !== value) };
      chips.push(h('li', {}, h('a', { class: 'chip chip-filter', href: route('search', { q, mode: mode === 'hybrid' ? null : mode, ...rest }),
        'aria-label': ui.t('filter.remove', { value: facetValue(name, value, ui) }) },
      facetValue(name, value, ui), h('span', { 'aria-hidden': 'true', class: 'chip-x' }, '×'))));
    }
  }
  if (!chips.length) return null;
  return h('div', { class: 'active-filters' }, h('span', {}, ui.t('filter.active')), h('ul', { class: 'inline-list' }, chips));
}

function facetValue(param, value, ui) {
  if (param === 'type') return ui.t(`doctype.${value}`);
  if (param === 'lang') return ui.t(`lang.${value}`);
  if (param === 'year_from' || param === 'year_to') return `${ui.t(`filter.${param}`)} ${ui.number(Number(value), { useGrouping: false })}`;
  return value;
}

function facetGroups(facets, q, mode, filters, ui) {
  const groups = [];
  for (const [facet, param] of FACETS) {
    const counts = Object.entries(facets[facet] || {});
    if (!counts.length) continue;
    if (facet === 'year') counts.sort((a, b) => b[0] - a[0]);
    else counts.sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    const items = counts.map(([value, count]) => {
      const next = param === 'year'
        ? { ...filters, year_from: [value], year_to: [value] }
        : { ...filters, [param]: [...new Set([...(filters[param] || []), value])] };
      const label = param === 'year' ? ui.number(Number(value), { useGrouping: false }) : facetValue(param, value, ui);
      return h('li', {}, h('a', { href: route('search', { q, mode: mode === 'hybrid' ? null : mode, ...next }), class: 'facet-link' },
        h('span', {}, label), h('span', { class: 'count' }, ui.number(count))));
    });
    groups.push(h('section', { class: 'facet', 'data-facet': facet }, h('h3', {}, ui.t(`facet.${facet}`)), h('ul', {}, items)));
  }
  return groups;
}
