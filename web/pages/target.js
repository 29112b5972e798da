// The page of a GBF or Aichi target: names and definition, its counterparts, the GBF
// indicators that measure it, and the paragraphs, records and pledges that cite it; links a
// method inferred come last, with their score.

import { getJSON } from '../api.js';
import { h, fill, pick, route, textAttrs } from '../dom.js';

export function render(main, params, ui) {
  const iri = params.get('iri') || '';
  fill(main, h('h1', {}, ui.t('target.loading')), ui.busy('target.busy'));
  getJSON('/api/targets', { iri }).then((page) => {
    if (!ui.current()) return;
    const heading = main.querySelector('h1');
    fill(heading, ui.t(`target.${page.scheme}`, { code: page.code }));
    document.title = `${heading.textContent} · ${ui.t('brand')}`;
    fill(main, heading, ...body(page, ui));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(main, h('h1', {}, ui.t('target.title')), h('p', { class: 'iri' }, h('code', {}, iri)), ui.errorBox(error));
    ui.state('error');
  });
}

function body(page, ui) {
  const name = pick(page.names, ui.language);
  const definition = pick(page.definitions, ui.language);
  const out = [];
  if (name) out.push(h('p', { class: 'doc-title', ...textAttrs(name.lang, name.value) }, name.value));
  if (definition) {
    out.push(h('section', { 'aria-labelledby': 'definition-heading' }, h('h2', { id: 'definition-heading' }, ui.t('target.definition')),
      h('p', { class: 'unit-text', ...textAttrs(definition.lang, definition.value) }, definition.value),
      definition.lang !== ui.language ? h('p', { class: 'hint' }, ui.t('target.other-language', { lang: ui.t(`lang.${definition.lang}`) })) : null));
  }
  if (page.translation_notes.length) {
    out.push(h('div', { class: 'notice' }, page.translation_notes.map((n) => h('p', { ...textAttrs(n.lang, n.value) }, n.value))));
  }
  if (page.matches.length) {
    out.push(h('section', { 'aria-labelledby': 'matches-heading' }, h('h2', { id: 'matches-heading' }, ui.t('target.matches')),
      h('ul', { class: 'inline-list' }, page.matches.map((m) => h('li', {}, ui.targetChip(m))))));
  }
  if (page.indicators.length) {
    out.push(h('section', { 'aria-labelledby': 'indicators-heading' }, h('h2', { id: 'indicators-heading' }, ui.t('target.indicators')),
      h('ul', {}, page.indicators.map((i) => {
        const n = pick(i.names, ui.language);
        return h('li', {}, h('bdi', { dir: 'ltr' }, h('strong', {}, i.code || '')), ' ', n ? h('span', { ...textAttrs(n.lang, n.value) }, n.value) : null,
          ' ', h('span', { class: 'muted' }, ui.t(`indicator.${i.role}`)));
      }))));
  }
  out.push(items('units', page.units, ui), items('records', page.records, ui), items('pledges', page.pledges, ui));
  if (page.inferred.length) out.push(items('inferred', page.inferred, ui));
  if (!page.units.length && !page.records.length && !page.pledges.length) out.push(h('p', { class: 'empty' }, ui.t('target.none')));
  out.push(h('p', { class: 'iri' }, ui.t('unit.iri'), ' ', h('code', {}, page.iri)));
  return out.filter(Boolean);
}

function items(kind, list, ui) {
  if (!list.length) return null;
  return h('section', { class: `cited-by cited-${kind}`, 'aria-labelledby': `${kind}-heading` },
    h('h2', { id: `${kind}-heading` }, ui.t(`target.${kind}`, { n: ui.number(list.length) })),
    kind === 'inferred' ? h('p', { class: 'hint' }, ui.t('unit.inferred.hint')) : null,
    h('ul', { class: 'item-list' }, list.map((item) => {
      const text = pick(item.texts, ui.language);
      const name = [item.symbol, item.label ? ui.t('unit.paragraph', { label: item.label }) : null].filter(Boolean).join(' ');
      return h('li', {},
        h('a', { href: route('unit', { iri: item.iri }) }, h('bdi', {}, name || item.iri.split('/').pop())),
        typeof item.score === 'number' ? h('span', { class: 'muted' }, ` · ${ui.t('target.score', { score: ui.number(item.score, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) })}`) : null,
        text ? h('p', { class: 'item-text', ...textAttrs(text.lang, text.value) }, text.value) : null);
    })));
}
