/**
 * A fact's reports and corroboration (issue 16): every page that renders it, each
 * quote in the page's own language with its tag, and a line that counts them
 * ("4 sources, 2 languages: en, id; 3 independent origins").
 */
import type { CorroborationFieldsFragment, ReportFieldsFragment } from '../api/__generated__/graphql.js';
import { h } from './dom.js';
import { actorLink } from './badges.js';
import { sourceCitation } from './quote.js';
import { enumLabel } from '../text/vocabulary.js';

/** "4 sources, 2 languages: en, id; 3 independent origins". */
export function corroborationLine(c: CorroborationFieldsFragment): string {
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(c.count, 'source')}, ${n(c.languages.length, 'language')}: ${c.languages.join(', ')}; ${n(c.origins, 'independent origin')}`;
}

/** One report: the page's words with their language tag, our gloss where given, whose words, the page and its chain. */
function reportItem(r: ReportFieldsFragment): HTMLElement {
  return h(
    'li',
    { class: 'report' },
    h('abbr', { class: 'lang-tag', title: `language: ${r.language}` }, r.language),
    ' ',
    h('q', { lang: r.language, class: 'report-text' }, r.text),
    r.gloss ? h('span', { class: 'quote-gloss', lang: 'en' }, ' — ', r.gloss) : null,
    h(
      'span',
      { class: 'report-caption muted' },
      ' · ',
      enumLabel('ReportMode', r.mode),
      r.speaker ? [' · ', actorLink(r.speaker)] : null,
      ' · ',
      sourceCitation(r.source),
      r.via.length > 0 ? [' via ', r.via.map((v) => v.label).join(' → ')] : null,
    ),
  );
}

/** The panel of a fact's reports and corroboration. */
export function reportsPanel(reports: readonly ReportFieldsFragment[], corroboration: CorroborationFieldsFragment): HTMLElement {
  return h(
    'section',
    { class: 'panel reports', 'aria-labelledby': 'fact-reports' },
    h('h2', { id: 'fact-reports' }, 'Reported by'),
    h('p', { class: 'corroboration' }, corroborationLine(corroboration)),
    reports.length > 0 ? h('ul', { class: 'plain-list report-list' }, reports.map(reportItem)) : h('p', { class: 'muted' }, 'No other page renders it.'),
  );
}
