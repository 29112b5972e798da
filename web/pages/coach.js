// Pledge coach: a draft pledge in free text; the report says which elements of a measurable
// pledge it states (with the draft's own words), its score on the rubric, suggestions with
// the guidance behind them, the GBF targets it fits and similar example pledges.

import { postJSON } from '../api.js';
import { h, fill, route, textAttrs } from '../dom.js';

const EXAMPLES = {
  ar: 'ستقوم جمعية حماية البيئة في الإسكندرية بزراعة 5000 شجرة محلية على الساحل بحلول عام 2027، وسنبلغ عن التقدم سنويا.',
  en: 'Our city will restore 200 hectares of wetland by 2030, starting from 40 hectares today, and report progress every year with the regional water agency.',
  fr: "Notre entreprise réduira de 50 % l'usage de pesticides sur ses 300 hectares d'ici 2028 et publiera un rapport annuel.",
  es: 'Nuestra cooperativa plantará 10 000 árboles nativos en Oaxaca antes de 2027 y reportará el avance cada año.',
};

export function render(main, params, ui) {
  const textarea = h('textarea', { id: 'coach-text', name: 'text', rows: 6, required: true, dir: 'auto', maxlength: 20000 });
  const report = h('section', { class: 'report-area', 'aria-live': 'polite', 'aria-labelledby': 'report-heading' });
  const form = h('form', { class: 'coach-form', onsubmit: (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) return textarea.focus();
    check(report, text, ui);
  } },
  h('label', { for: 'coach-text', class: 'field-label' }, ui.t('coach.label')),
  textarea,
  h('p', { class: 'hint', id: 'coach-hint' }, ui.t('coach.hint')),
  h('div', { class: 'field-row' }, h('button', { type: 'submit', class: 'primary' }, ui.t('coach.submit')),
    h('button', { type: 'button', class: 'secondary', onclick: () => { textarea.value = EXAMPLES[ui.language]; textarea.focus(); } }, ui.t('coach.example'))));
  textarea.setAttribute('aria-describedby', 'coach-hint');
  fill(main, h('h1', {}, ui.t('coach.title')), h('p', { class: 'lead' }, ui.t('coach.lead')), form, report);
  ui.state('ready');
}

function check(report, text, ui) {
  ui.state('loading');
  fill(report, ui.busy('coach.busy'));
  postJSON('/api/pledges/check', { text }).then((answer) => {
    if (!ui.current()) return;
    fill(report, h('h2', { id: 'report-heading' }, ui.t('coach.report')), ...reportBody(answer, ui));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(report, ui.errorBox(error));
    ui.state('error');
  });
}

function reportBody(answer, ui) {
  const draftLang = textAttrs(answer.lang, '');
  const score = h('div', { class: 'score' },
    h('meter', { id: 'coach-score', min: 0, max: 100, low: 50, high: 80, optimum: 100, value: answer.score }),
    h('label', { for: 'coach-score' }, ui.t('coach.score', { score: ui.number(answer.score) })));
  const elements = h('table', { class: 'elements' },
    h('caption', {}, ui.t('coach.elements')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ui.t('coach.element')), h('th', { scope: 'col' }, ui.t('coach.present')),
      h('th', { scope: 'col' }, ui.t('coach.points')), h('th', { scope: 'col' }, ui.t('coach.evidence')))),
    h('tbody', {}, answer.elements.map((e) => {
      const line = answer.rubric.find((r) => r.element === e.element) || { earned: 0, weight: 0 };
      return h('tr', { class: e.present ? 'present' : 'missing' },
        h('th', { scope: 'row' }, ui.t(`element.${e.element}`)),
        h('td', {}, h('span', { class: e.present ? 'yes' : 'no' }, ui.t(e.present ? 'coach.yes' : 'coach.no'))),
        h('td', {}, `${ui.number(line.earned)} / ${ui.number(line.weight)}`),
        h('td', {}, e.evidence.map((ev) => h('q', { ...draftLang, class: 'evidence' }, ev.text))));
    })));
  const suggestions = answer.suggestions.length ? h('section', { class: 'suggestions' },
    h('h3', {}, ui.t('coach.suggestions')),
    h('ul', {}, answer.suggestions.map((s) => h('li', {},
      h('strong', {}, ui.t(`element.${s.element}`)), ': ', h('span', { ...draftLang }, s.text),
      s.guidance.length ? h('ul', { class: 'guidance' }, s.guidance.map((g) => h('li', {},
        h('a', { href: route('unit', { iri: g.iri }) }, h('bdi', {}, [g.symbol, g.paragraph].filter(Boolean).join(' '))), ' ',
        h('q', { ...textAttrs('', g.quote) }, g.quote)))) : null)))) : null;
  const targets = answer.targets.length ? h('section', { class: 'fits' },
    h('h3', {}, ui.t('coach.targets')),
    h('ul', { class: 'inline-list' }, answer.targets.map((t) => h('li', {},
      ui.targetChip({ iri: t.iri, scheme: 'gbf', code: String(t.number), names: [{ lang: 'en', value: t.title }] },
        ui.number(t.similarity, { maximumFractionDigits: 2, minimumFractionDigits: 2 })))))) : null;
  const similar = answer.similar_pledges.length ? h('section', { class: 'similar' },
    h('h3', {}, ui.t('coach.similar')),
    h('ul', {}, answer.similar_pledges.map((p) => h('li', {},
      h('a', { href: route('unit', { iri: p.iri }) }, h('bdi', {}, p.identifier || p.iri)), ' ',
      p.title ? h('span', { ...textAttrs(p.lang, p.title) }, p.title) : null)))) : null;
  const problems = answer.problems.length ? h('div', { class: 'error', role: 'alert' }, h('ul', {}, answer.problems.map((p) => h('li', { dir: 'auto' }, p)))) : null;
  return [score, problems, elements, suggestions, targets, similar];
}
