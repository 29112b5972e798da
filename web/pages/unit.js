// The page of a document, paragraph, footnote, record or pledge: its text in each language,
// where it sits, its footnotes, what it cites and what cites it, its targets (asserted, then
// inferred with their score), its parts and its other facts.

import { getJSON } from '../api.js';
import { h, fill, pick, route, textAttrs } from '../dom.js';

/** Classes from the most specific: the first the resource has names it. */
const CLASSES = ['Pledge', 'ClearingHouseRecord', 'Decision', 'Footnote', 'Annex', 'Section', 'TableRow', 'SubParagraph',
  'GuidingQuestion', 'PreambularParagraph', 'OperativeParagraph', 'NumberedParagraph', 'Paragraph', 'Document'];

export function render(main, params, ui) {
  const iri = params.get('iri') || '';
  fill(main, h('h1', {}, ui.t('unit.loading')), ui.busy('unit.busy'));
  getJSON('/api/units', { iri }).then((page) => {
    if (!ui.current()) return;
    const heading = main.querySelector('h1');
    fill(heading, title(page, ui));
    document.title = `${heading.textContent} · ${ui.t('brand')}`;
    fill(main, heading, ...body(page, ui));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(main, h('h1', {}, ui.t('unit.title')), h('p', { class: 'iri' }, h('code', {}, iri)), ui.errorBox(error));
    ui.state('error');
  });
}

function title(page, ui) {
  const symbol = page.document ? page.document.symbol : page.symbol;
  const specific = CLASSES.find((c) => page.types.includes(c));
  const kind = specific && page.kind !== 'cited' ? ui.t(`class.${specific}`) : ui.t(`kind.${page.kind}`);
  if (page.kind === 'document' || page.kind === 'record' || page.kind === 'cited') {
    return [kind, ' ', h('bdi', {}, symbol || page.iri.split('/').pop())];
  }
  const label = page.kind === 'footnote' ? ui.t('unit.footnote', { marker: page.iri.split('/fn').pop() }) : ui.t('unit.paragraph', { label: page.label || '' });
  return [h('bdi', {}, symbol || ''), ' · ', label];
}

function body(page, ui) {
  const out = [];
  out.push(breadcrumbs(page, ui));
  const titleText = pick(page.titles, ui.language) || (page.document && pick(page.document.titles, ui.language));
  if (titleText) out.push(h('p', { class: 'doc-title', ...textAttrs(titleText.lang, titleText.value) }, titleText.value));
  out.push(facts(page, ui));
  if (page.kind === 'cited') out.push(h('p', { class: 'notice' }, ui.t('unit.cited')));
  if (page.texts.length) {
    out.push(h('section', { class: 'texts', 'aria-labelledby': 'texts-heading' },
      h('h2', { id: 'texts-heading' }, ui.t('unit.text')),
      page.texts.map((t) => h('div', { class: 'text-version' },
        page.texts.length > 1 ? h('h3', {}, ui.t(`lang.${t.lang}`)) : null,
        h('p', { class: 'unit-text', ...textAttrs(t.lang, t.value) }, t.value)))));
  }
  if (page.children.length) out.push(children(page, ui));
  if (page.footnotes.length) {
    out.push(h('section', { class: 'footnotes', 'aria-labelledby': 'footnotes-heading' },
      h('h2', { id: 'footnotes-heading' }, ui.t('unit.footnotes')),
      h('ol', {}, page.footnotes.map((f) => {
        const t = pick(f.texts, ui.language);
        return h('li', { value: Number.isFinite(Number(f.marker)) ? Number(f.marker) : null },
          h('a', { href: route('unit', { iri: f.iri }), class: 'marker' }, f.marker || '*'), ' ',
          t ? h('span', { ...textAttrs(t.lang, t.value) }, t.value) : null);
      }))));
  }
  out.push(targets(page, ui));
  out.push(links('cites', page.cites, ui));
  out.push(links('cited-by', page.cited_by, ui));
  if (page.details.length) out.push(details(page, ui));
  out.push(h('p', { class: 'iri' }, ui.t('unit.iri'), ' ', h('code', {}, page.iri), ' · ',
    h('a', { href: route('sparql', { query: `DESCRIBE <${page.iri}>` }) }, ui.t('unit.describe'))));
  return out.filter(Boolean);
}

function breadcrumbs(page, ui) {
  const crumbs = [];
  if (page.document) {
    crumbs.push(h('li', {}, h('a', { href: route('unit', { iri: page.document.iri }) }, h('bdi', {}, page.document.symbol || page.document.iri))));
  }
  if (page.parent) {
    crumbs.push(h('li', {}, h('a', { href: route('unit', { iri: page.parent.iri }) }, h('bdi', {}, page.parent.label || page.parent.iri.split('/').pop()))));
  }
  if (!crumbs.length) return null;
  return h('nav', { class: 'breadcrumbs', 'aria-label': ui.t('unit.breadcrumbs') }, h('ol', {}, crumbs));
}

function facts(page, ui) {
  const rows = [];
  const doc = page.document || (page.kind === 'document' ? page : null);
  if (doc && doc.doc_type) rows.push([ui.t('unit.type'), ui.t(`doctype.${doc.doc_type}`)]);
  const kind = CLASSES.find((c) => page.types.includes(c));
  if (kind) rows.push([ui.t('unit.class'), ui.t(`class.${kind}`)]);
  if (page.languages.length) rows.push([ui.t('unit.languages'), page.languages.map((l) => ui.t(`lang.${l}`)).join(ui.t('list.separator'))]);
  if (page.source) rows.push([ui.t('unit.source'), `${page.source.file}${page.source.start_line ? ` : ${page.source.start_line}–${page.source.end_line}` : ''}`]);
  if (!rows.length) return null;
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, h('bdi', {}, v))]));
}

function children(page, ui) {
  const depth = new Map();
  depth.set(page.iri, -1);
  const items = page.children.map((c) => {
    const d = (depth.get(c.parent) ?? -1) + 1;
    depth.set(c.iri, d);
    const t = pick(c.texts, ui.language);
    const heading = c.class === 'Section' || c.class === 'Annex';
    return h('li', { class: `part part-${(c.class || 'unit').toLowerCase()} depth-${Math.min(d, 4)}` },
      h('a', { href: route('unit', { iri: c.iri }), class: 'part-label' }, h('bdi', {}, c.label || c.iri.split('/').pop())),
      t ? h(heading ? 'strong' : 'span', { class: 'part-text', ...textAttrs(t.lang, t.value) }, t.value) : null);
  });
  const key = page.kind === 'document' ? 'unit.contents' : 'unit.parts';
  return h('section', { class: 'parts', 'aria-labelledby': 'parts-heading' },
    h('h2', { id: 'parts-heading' }, ui.t(key, { n: ui.number(page.children.length) })), h('ol', { class: 'part-list' }, items));
}

function targets(page, ui) {
  if (!page.targets.length && !page.inferred_targets.length) return null;
  return h('section', { class: 'targets', 'aria-labelledby': 'targets-heading' },
    h('h2', { id: 'targets-heading' }, ui.t('unit.targets')),
    page.targets.length ? h('ul', { class: 'inline-list' }, page.targets.map((t) => h('li', {}, ui.targetChip(t)))) : null,
    page.inferred_targets.length ? [h('h3', {}, ui.t('unit.inferred')), h('p', { class: 'hint' }, ui.t('unit.inferred.hint')),
      h('ul', { class: 'inline-list' }, page.inferred_targets.map((t) => h('li', {},
        ui.targetChip(t, ui.number(t.score, { maximumFractionDigits: 2, minimumFractionDigits: 2 })))))] : null);
}

function links(kind, list, ui) {
  if (!list.length) return null;
  return h('section', { class: `links links-${kind}`, 'aria-labelledby': `${kind}-heading` },
    h('h2', { id: `${kind}-heading` }, ui.t(`unit.${kind}`, { n: ui.number(list.length) })),
    h('ul', {}, list.map((l) => {
      const name = l.label ? `${l.symbol || ''} ${ui.t('unit.paragraph', { label: l.label })}` : (l.symbol || l.iri.split('/').pop());
      return h('li', {},
        h('a', { href: route('unit', { iri: l.iri }), class: l.has_text ? 'has-text' : 'no-text' }, h('bdi', {}, name.trim())),
        ' ', h('span', { class: 'muted' }, ui.t(`property.${l.property}`)),
        l.count > 1 ? h('span', { class: 'muted' }, ` · ${ui.t('unit.times', { n: ui.number(l.count) })}`) : null,
        l.has_text ? null : h('span', { class: 'muted' }, ` · ${ui.t('unit.absent')}`));
    })));
}

function details(page, ui) {
  return h('section', { class: 'details', 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, ui.t('unit.details')),
    h('dl', { class: 'facts' }, page.details.map((d) => [
      h('dt', {}, d.name),
      h('dd', {}, d.values.map((v) => {
        if (v.text) return h('span', { class: 'value', ...textAttrs(v.text.lang, v.text.value) }, v.text.value);
        const label = pick(v.labels, ui.language);
        const text = label ? label.value : v.iri.split(/[/#]/).pop();
        return h('a', { class: 'value', href: route('unit', { iri: v.iri }), ...(label ? textAttrs(label.lang, label.value) : {}) }, text);
      })),
    ])));
}
