/**
 * Texts in their language: every text from the graph is put in an element with its
 * `lang` (so screen readers pronounce it right), and one shown in another language
 * than the display language is followed by a mark ("RU") whose tooltip and hidden
 * text say why ("Russian: no English name recorded").
 */
import { displayLanguage } from '../app/display-language.js';
import { fallbackExplanation, languageMark, languageName, sameLanguage } from '../text/languages.js';
import type { LabelledRef, LocalizedString } from '../api/types.js';
import { h, type Attrs, type Child } from './dom.js';

export type { LabelledRef, LocalizedString };

/** A reference's label as a text in its language, and what it is; the language is undefined when the query did not say. */
export function labelText(ref: LabelledRef): { text: LocalizedString | null; noun: TextNoun } {
  if (ref.names) return { text: { lang: ref.names.best.lang, text: ref.label }, noun: 'name' };
  if (ref.titles) return { text: { lang: ref.titles.best.lang, text: ref.label }, noun: 'title' };
  if (ref.summaries) return { text: { lang: ref.summaries.best.lang, text: ref.label }, noun: 'summary' };
  return { text: null, noun: 'label' };
}

/** A link to a referenced entity, its label in its language and marked when it is not the display language. */
export function labelLink(href: string, ref: LabelledRef, attrs?: Attrs | null): Child {
  const { text, noun } = labelText(ref);
  return text ? localizedLink(href, text, noun, attrs) : h('a', { ...attrs, href }, ref.label);
}

/** What a text is, for the mark's explanation: "no English name recorded". */
export type TextNoun = 'name' | 'title' | 'summary' | 'description' | 'text' | 'label' | 'gloss';

/** The mark of a language: "RU" on screen, the reason in the tooltip and for screen readers. */
export function languageBadge(lang: string, explanation: string): HTMLSpanElement {
  return h(
    'span',
    // The mark is the dashboard's own (English) words, whatever the language of the text around it.
    { class: 'lang-mark', title: explanation, 'data-lang': lang, lang: 'en' },
    h('span', { 'aria-hidden': 'true' }, languageMark(lang)),
    h('span', { class: 'visually-hidden' }, ` (${explanation})`),
  );
}

/** The mark for a text in `lang`, or null when that is the display language. */
export function fallbackMark(lang: string | null | undefined, noun: TextNoun): HTMLSpanElement | null {
  if (!lang) return null;
  const display = displayLanguage();
  if (sameLanguage(lang, display)) return null;
  // A statement's gloss is ours, in English by design: nothing is missing.
  return languageBadge(lang, noun === 'gloss' ? `${languageName(lang)}: our gloss of the words as reported` : fallbackExplanation(lang, display, noun));
}

/**
 * A text in its language: `<tag lang="ru">Россия</tag>` and, when that is not the
 * display language, its mark after it (outside the element, since the mark is English).
 */
export function inLanguage<K extends keyof HTMLElementTagNameMap = 'span'>(
  s: LocalizedString,
  noun: TextNoun,
  tag?: K,
  attrs?: Attrs | null,
): Child[] {
  const el = h(tag ?? ('span' as K), { ...attrs, lang: s.lang }, s.text);
  const mark = fallbackMark(s.lang, noun);
  return mark ? [el, ' ', mark] : [el];
}

/** A link whose text is in a given language, marked when that is not the display language. */
export function localizedLink(href: string, s: LocalizedString, noun: TextNoun = 'name', attrs?: Attrs | null): Child[] {
  return inLanguage(s, noun, 'a', { ...attrs, href });
}

/**
 * Every language of a text, each with its mark ("Russia EN · Rusia ID · Россия RU"),
 * for the facts of an entity; null when there is only one (the heading shows it).
 */
export function allLanguages(all: readonly LocalizedString[] | null | undefined): Child {
  if (!all || all.length < 2) return null;
  return h(
    'ul',
    { class: 'plain-list lang-list' },
    all.map((s) => h('li', null, h('span', { lang: s.lang }, s.text), ' ', languageBadge(s.lang, languageName(s.lang)))),
  );
}
