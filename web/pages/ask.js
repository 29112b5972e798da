// Ask: a question in any of the four languages; a grounded answer whose [n] markers and
// numbered citations open the cited paragraph's page, each with its verbatim quote.

import { postJSON } from '../api.js';
import { h, fill, route, textAttrs } from '../dom.js';

const EXAMPLES = {
  ar: 'من الذي يكلَّف بإجراء تقييم مستقل لخطة العمل قصيرة الأجل لبناء القدرات؟',
  en: 'Who should commission an independent evaluation of the short-term action plan?',
  fr: 'Comment les acteurs non étatiques doivent-ils rendre compte de leurs engagements ?',
  es: '¿Quién debe encargar una evaluación independiente del plan de acción a corto plazo?',
};

export function render(main, params, ui) {
  const question = params.get('q') || '';
  const textarea = h('textarea', { id: 'ask-q', name: 'question', rows: 3, required: true, dir: 'auto', maxlength: 2000 }, question);
  const form = h('form', { class: 'ask-form', onsubmit: (event) => {
    event.preventDefault();
    const q = textarea.value.trim();
    if (!q) return textarea.focus();
    if (q === question) {
      answer(result, q, ui);
    } else {
      location.hash = route('ask', { q });
    }
  } },
  h('label', { for: 'ask-q', class: 'field-label' }, ui.t('ask.label')),
  textarea,
  h('p', { class: 'hint', id: 'ask-hint' }, ui.t('ask.hint')),
  h('div', { class: 'field-row' }, h('button', { type: 'submit', class: 'primary' }, ui.t('ask.submit')),
    h('button', { type: 'button', class: 'secondary', onclick: () => { textarea.value = EXAMPLES[ui.language]; textarea.focus(); } }, ui.t('ask.example'))));
  textarea.setAttribute('aria-describedby', 'ask-hint');
  // Ctrl/Cmd+Enter sends, like a chat box; Enter alone adds a line.
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  const result = h('section', { class: 'answer-area', 'aria-live': 'polite', 'aria-labelledby': 'answer-heading' });
  fill(main, h('h1', {}, ui.t('ask.title')), h('p', { class: 'lead' }, ui.t('ask.lead')), form, result);
  if (question) answer(result, question, ui);
  else ui.state('ready');
}

function answer(result, question, ui) {
  ui.state('loading');
  fill(result, ui.busy('ask.busy'));
  postJSON('/api/ask', { question }).then((reply) => {
    if (!ui.current()) return;
    fill(result, h('h2', { id: 'answer-heading' }, ui.t(reply.abstained ? 'ask.abstained' : 'ask.answer')),
      h('div', { class: reply.abstained ? 'answer abstained' : 'answer', ...textAttrs(reply.language, reply.answer) }, withCitations(reply, ui)),
      reply.citations.length ? citations(reply, ui) : null);
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(result, ui.errorBox(error));
    ui.state('error');
  });
}

/** The answer's text with each `[n]` as a link to the cited paragraph's page. */
function withCitations(reply, ui) {
  const out = [];
  for (const line of reply.answer.split('\n')) {
    const parts = [];
    let last = 0;
    for (const match of line.matchAll(/\[(\d+)\]/g)) {
      const citation = reply.citations[Number(match[1]) - 1];
      if (!citation) continue;
      parts.push(line.slice(last, match.index));
      parts.push(h('a', { href: route('unit', { iri: citation.iri }), class: 'cite-ref', 'aria-label': ui.t('ask.citation', { n: match[1], name: citationName(citation, ui) }) }, `[${match[1]}]`));
      last = match.index + match[0].length;
    }
    parts.push(line.slice(last));
    out.push(h('p', {}, parts));
  }
  return out;
}

function citationName(citation, ui) {
  const paragraph = citation.paragraph ? ui.t('unit.paragraph', { label: citation.paragraph }) : null;
  return [citation.symbol, paragraph].filter(Boolean).join(' · ');
}

function citations(reply, ui) {
  return h('section', { class: 'citations', 'aria-labelledby': 'citations-heading' },
    h('h3', { id: 'citations-heading' }, ui.t('ask.citations')),
    h('ol', {}, reply.citations.map((citation) => h('li', { class: 'citation' },
      h('a', { href: route('unit', { iri: citation.iri }), class: 'citation-link' }, h('bdi', {}, citationName(citation, ui) || citation.iri)),
      h('blockquote', { ...textAttrs('', citation.quote) }, citation.quote)))));
}
