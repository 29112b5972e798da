// SPARQL: a query box with example queries (those of docs/sparql-examples.md), run through the
// read-only protocol endpoint /sparql; solutions as a table whose IRIs open their pages.

import { sparql } from '../api.js';
import { h, fill, route, textAttrs } from '../dom.js';

const PREFIXES = `PREFIX cbdkg:   <https://cbdkg.example/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kmgbf:   <http://metadata.cbd.int/kmgbf/>
PREFIX kmo:     <http://metadata.cbd.int/kmgbf/ontology#>
PREFIX schema:  <http://schema.org/>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
`;

/** Examples: a message key for the title and the query (after the prefixes). */
const EXAMPLES = [
  ['sparql.ex.cites', `SELECT ?decision (COUNT(DISTINCT ?unit) AS ?paragraphs) WHERE {
  ?unit cbdkg:inDocument <https://cbdkg.example/id/decision/COP-13-23> ;
        cbdkg:citesDecision ?decision .
}
GROUP BY ?decision
ORDER BY DESC(?paragraphs)`],
  ['sparql.ex.citing', `SELECT ?document (COUNT(DISTINCT ?unit) AS ?citing) WHERE {
  ?unit cbdkg:citesDecision <https://cbdkg.example/id/decision/COP-12-2> ;
        cbdkg:inDocument ?document .
}
GROUP BY ?document
ORDER BY ?document`],
  ['sparql.ex.pledges', `SELECT ?pledge ?title WHERE {
  ?pledge a cbdkg:Pledge ;
          cbdkg:citesTarget kmgbf:target_7 ;
          dcterms:title ?title .
}
ORDER BY ?pledge`],
  ['sparql.ex.target17', `SELECT ?kind ?item ?country WHERE {
  ?item cbdkg:citesTarget kmgbf:target_17 ;
        cbdkg:documentType/skos:notation ?kind ;
        cbdkg:country ?country .
}
ORDER BY ?kind ?item`],
  ['sparql.ex.aichi', `SELECT ?n ?label WHERE {
  ?target skos:inScheme <https://cbdkg.example/vocab/aichi-target> ;
          skos:notation ?n ;
          skos:prefLabel ?label .
  FILTER (lang(?label) = "ar")
}
ORDER BY xsd:integer(?n)`],
  ['sparql.ex.crosswalk', `SELECT ?gbf ?aichi WHERE {
  ?target a kmo:Target ; kmo:targetCode ?gbf .
  OPTIONAL { ?target skos:closeMatch ?a .
             ?a skos:inScheme <https://cbdkg.example/vocab/aichi-target> ; skos:notation ?aichi }
}
ORDER BY ?gbf xsd:integer(?aichi)`],
  ['sparql.ex.unpledged', `SELECT ?target WHERE {
  ?t a kmo:Target ; kmo:targetCode ?target .
  FILTER NOT EXISTS { ?pledge a cbdkg:Pledge ; cbdkg:citesTarget ?t }
}
ORDER BY ?target`],
];

export function render(main, params, ui) {
  const given = params.get('query');
  const textarea = h('textarea', { id: 'sparql-query', name: 'query', rows: 14, spellcheck: 'false', dir: 'ltr', class: 'code', required: true },
    given || PREFIXES + EXAMPLES[0][1]);
  const select = h('select', { id: 'sparql-example' },
    h('option', { value: '' }, ui.t('sparql.choose')),
    EXAMPLES.map(([key], i) => h('option', { value: String(i) }, ui.t(key))));
  select.addEventListener('change', () => {
    if (select.value === '') return;
    textarea.value = PREFIXES + EXAMPLES[Number(select.value)][1];
  });
  const output = h('section', { class: 'sparql-results', 'aria-live': 'polite', 'aria-labelledby': 'sparql-results-heading' });
  const form = h('form', { class: 'sparql-form', onsubmit: (event) => {
    event.preventDefault();
    run(output, textarea.value, ui);
  } },
  h('div', { class: 'field-row small' }, h('label', { for: 'sparql-example' }, ui.t('sparql.examples')), select),
  h('label', { for: 'sparql-query', class: 'field-label' }, ui.t('sparql.label')),
  textarea,
  h('p', { class: 'hint' }, ui.t('sparql.hint')),
  h('div', { class: 'field-row' }, h('button', { type: 'submit', class: 'primary' }, ui.t('sparql.run'))));
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  fill(main, h('h1', {}, ui.t('sparql.title')), h('p', { class: 'lead' }, ui.t('sparql.lead')), form, output);
  if (given) run(output, given, ui);
  else ui.state('ready');
}

function run(output, query, ui) {
  ui.state('loading');
  fill(output, ui.busy('sparql.busy'));
  sparql(query).then((answer) => {
    if (!ui.current()) return;
    fill(output, h('h2', { id: 'sparql-results-heading' }, ui.t('sparql.results')), ...results(answer, ui));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(output, ui.errorBox(error));
    ui.state('error');
  });
}

function results(answer, ui) {
  if (answer.text !== undefined) return [h('pre', { class: 'code', dir: 'ltr' }, answer.text)];
  const json = answer.json;
  if (typeof json.boolean === 'boolean') return [h('p', {}, ui.t(json.boolean ? 'sparql.true' : 'sparql.false'))];
  const vars = json.head.vars;
  const rows = json.results.bindings;
  return [
    h('p', { role: 'status' }, ui.t('sparql.count', { n: ui.number(rows.length) }), answer.truncated ? ` ${ui.t('sparql.truncated')}` : ''),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': ui.t('sparql.results') },
      h('table', { class: 'solutions' },
        h('thead', {}, h('tr', {}, vars.map((v) => h('th', { scope: 'col', dir: 'ltr' }, `?${v}`)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, vars.map((v) => h('td', {}, cell(row[v]))))))))];
}

const PAGES_OF = [
  [/^http:\/\/metadata\.cbd\.int\/kmgbf\/(target|goal)_/, 'target'],
  [/^https:\/\/cbdkg\.example\/vocab\/aichi-(target|goal)\//, 'target'],
];

function cell(term) {
  if (!term) return '';
  if (term.type === 'uri') {
    const page = PAGES_OF.find(([pattern]) => pattern.test(term.value));
    const href = page ? route(page[1], { iri: term.value }) : route('unit', { iri: term.value });
    return h('a', { href, dir: 'ltr' }, term.value);
  }
  return h('span', { ...textAttrs(term['xml:lang'] || '', term.value) }, term.value);
}
