// The targets' index: the 23 GBF targets and the 20 Aichi targets, each a chip to its page
// with the number of paragraphs, records and pledges that cite it.

import { getJSON } from '../api.js';
import { h, fill } from '../dom.js';

export function render(main, params, ui) {
  const area = h('div', {}, ui.busy('targets.busy'));
  fill(main, h('h1', {}, ui.t('targets.title')), h('p', { class: 'lead' }, ui.t('targets.lead')), area);
  getJSON('/api/targets').then((answer) => {
    if (!ui.current()) return;
    const group = (scheme) => answer.targets.filter((t) => t.scheme === scheme);
    fill(area, ['gbf', 'aichi'].map((scheme) => h('section', { class: 'target-group', 'aria-labelledby': `group-${scheme}` },
      h('h2', { id: `group-${scheme}` }, ui.t(`targets.${scheme}`)),
      h('ul', { class: 'target-grid' }, group(scheme).map((t) => h('li', {},
        ui.targetChip(t, ui.t('targets.cited', { n: ui.number(t.cited_by) })),
        nameOf(t, ui)))))));
    ui.state('ready');
  }).catch((error) => {
    if (!ui.current()) return;
    fill(area, ui.errorBox(error));
    ui.state('error');
  });
}

function nameOf(target, ui) {
  const name = target.names.find((n) => n.lang === ui.language) || target.names.find((n) => n.lang === 'en') || target.names[0];
  if (!name) return null;
  return h('span', { class: 'target-name', lang: name.lang || null, dir: 'auto' }, name.value);
}
