/**
 * A statement as analysts read it: the words as reported (in their language, marked
 * when it is not the display language), our English gloss, who said them and for whom,
 * when, and the chain of sources they came through.
 */
import type { SourceRef, StatementFull, ViaSourceRef } from '../api/types.js';
import { routeHref } from '../app/router.js';
import { h } from './dom.js';
import { languageBadge, localizedLink } from './localized.js';
import { displayLanguage } from '../app/display-language.js';
import { languageName, sameLanguage } from '../text/languages.js';
import { actorLink } from './badges.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';

/** A source's title in the display language when it has one (else marked with its language), linking to the source's view. */
export function sourceCitation(source: SourceRef): HTMLElement {
  return h(
    'cite',
    { class: 'source' },
    localizedLink(routeHref('entity', source.id), source.titles.best, 'title'),
    source.published ? ` (${formatDate(source.published)})` : null,
  );
}

/** A source a statement came through, by its label (in the display language where it has one). */
function viaCitation(source: ViaSourceRef): HTMLElement {
  return h('cite', { class: 'source' }, h('a', { href: routeHref('entity', source.id) }, source.label));
}

/** The mark of a statement's words or gloss when they are not in the display language: "ID" ("Indonesian: the words as reported"). */
function originalMark(lang: string, what: string): HTMLElement | null {
  return sameLanguage(lang, displayLanguage()) ? null : languageBadge(lang, `${languageName(lang)}: ${what}`);
}

/** A quote block: text with its language, gloss, speaker, date and sources. */
export function quoteBlock(s: StatementFull): HTMLElement {
  return h(
    'figure',
    { class: 'quote', 'data-statement': s.id },
    h(
      'blockquote',
      { lang: s.language },
      h('p', { class: 'quote-text' }, s.mode === 'DIRECT_QUOTE' ? `“${s.text}”` : s.text, ' ', originalMark(s.language, 'the words as reported')),
    ),
    h('p', { class: 'quote-gloss', lang: 'en' }, h('span', { class: 'visually-hidden' }, 'English gloss: '), s.gloss, ' ', originalMark('en', 'our gloss')),
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
      [...s.via].reverse().map((v) => [', citing ', viaCitation(v)]),
      ' · ',
      h('a', { href: routeHref('entity', s.id), class: 'muted' }, 'statement'),
    ),
    s.note ? h('p', { class: 'note' }, h('span', { class: 'note-label' }, 'Note: '), s.note) : null,
  );
}
