/**
 * Localized text in the dashboard: a name, title or summary given in several
 * languages is shown with each language's tag, so the reader knows what language a
 * text is in. (Choosing the display language is a later change; the server's fallback
 * order picks the main text: English, then the original language.)
 */
import { h, type Child } from './dom.js';

/** A text in one language, as the API gives it. */
export interface LanguageText {
  lang: string;
  text: string;
}

/** The texts of a localized field (its `all`), or nothing. */
export type LanguageTexts = { all: readonly LanguageText[] } | null | undefined;

/** One text marked with its language tag, e.g. "ru Россия", the text in its own `lang`. */
export function taggedText(t: LanguageText): HTMLElement {
  return h('span', { class: 'localized' }, h('abbr', { class: 'lang-tag', title: `language: ${t.lang}` }, t.lang), ' ', h('span', { lang: t.lang }, t.text));
}

/** Every language of a localized text, each with its tag; null when there is none. */
export function everyLanguage(value: LanguageTexts): Child {
  if (!value || value.all.length === 0) return null;
  return value.all.flatMap((t, i) => [i > 0 ? ' · ' : null, taggedText(t)]);
}

/** The texts other than the one shown (`shown`), muted, each with its tag: " (id Rusia)"; null when there is none. */
export function otherLanguages(value: LanguageTexts, shown: string): Child {
  const others = (value?.all ?? []).filter((t) => t.text !== shown);
  if (others.length === 0) return null;
  return h('span', { class: 'muted' }, ' (', ...others.flatMap((t, i) => [i > 0 ? ' · ' : null, taggedText(t)]), ')');
}
