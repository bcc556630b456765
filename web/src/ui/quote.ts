/**
 * A statement as analysts read it: the words as reported (Indonesian), our English
 * gloss, who said them and for whom, when, and the chain of sources they came through.
 */
import type { SourceRef, StatementFull } from '../api/types.js';
import { routeHref } from '../app/router.js';
import { h } from './dom.js';
import { actorLink } from './badges.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';

/** A source's title (in English when it has one: the API's fallback order), linking to the source's view. */
export function sourceCitation(source: SourceRef): HTMLElement {
  return h(
    'cite',
    { class: 'source' },
    h('a', { href: routeHref('entity', source.id) }, source.title),
    source.published ? ` (${formatDate(source.published)})` : null,
  );
}

/** A quote block: text with its language, gloss, speaker, date and sources. */
export function quoteBlock(s: StatementFull): HTMLElement {
  return h(
    'figure',
    { class: 'quote', 'data-statement': s.id },
    h(
      'blockquote',
      { lang: s.language },
      h('p', { class: 'quote-text' }, s.mode === 'DIRECT_QUOTE' ? `“${s.text}”` : s.text),
    ),
    h('p', { class: 'quote-gloss', lang: 'en' }, h('span', { class: 'visually-hidden' }, 'English gloss: '), s.gloss),
    h(
      'figcaption',
      null,
      h('span', { class: 'quote-mode' }, enumLabel('StatementMode', s.mode)),
      ' · ',
      actorLink(s.speaker),
      s.onBehalfOf && s.onBehalfOf.id !== s.speaker.id ? [' for ', actorLink(s.onBehalfOf)] : null,
      ' · ',
      h('time', { datetime: s.said.iso }, formatDate(s.said)),
      s.event ? [' · at ', h('a', { href: routeHref('entity', s.event.id) }, s.event.label)] : null,
      h('br'),
      'Source: ',
      sourceCitation(s.source),
      // `via` runs from the speaker outwards; read from the report inwards: report, citing DW, citing Interfax.
      [...s.via].reverse().map((v) => [', citing ', sourceCitation(v)]),
      ' · ',
      h('a', { href: routeHref('entity', s.id), class: 'muted' }, 'statement'),
    ),
    s.note ? h('p', { class: 'note' }, h('span', { class: 'note-label' }, 'Note: '), s.note) : null,
  );
}
