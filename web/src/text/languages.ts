/**
 * The reader's display language: which languages the chooser offers, how the address
 * and the browser's preferences pick one, and how a language tag reads in words. Pure
 * functions (no DOM), so they are unit-tested in Node (test/web/languages.test.ts).
 * Decision 0037 says why the list is fixed and the chrome stays English.
 */

/** A language the chooser offers: its BCP 47 tag and its name in itself. */
export interface DisplayLanguage {
  tag: string;
  /** The language's own name ("Русский"), as choosers conventionally show it. */
  autonym: string;
}

/** The languages the chooser offers, in its order; the first is the default. */
export const DISPLAY_LANGUAGES: readonly DisplayLanguage[] = [
  { tag: 'en', autonym: 'English' },
  { tag: 'id', autonym: 'Bahasa Indonesia' },
  { tag: 'ru', autonym: 'Русский' },
];

/** The query parameter of the page's address that holds the display language (`/?lang=ru#/actor/russia`). */
export const LANG_PARAM = 'lang';

/** The language used when neither the address nor the browser names one the chooser offers. */
export const DEFAULT_LANGUAGE = DISPLAY_LANGUAGES[0]!.tag;

/** `pt-BR` -> `pt`: the primary language subtag, lower case. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** Whether a text in `textLang` reads as the display language (same primary language: `en-GB` is English). */
export function sameLanguage(textLang: string, displayLang: string): boolean {
  return baseLanguage(textLang) === baseLanguage(displayLang);
}

/** The offered language a tag asks for (exactly, or by its primary language), or undefined. */
export function offeredLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const wanted = tag.trim().toLowerCase();
  return (DISPLAY_LANGUAGES.find((l) => l.tag.toLowerCase() === wanted) ?? DISPLAY_LANGUAGES.find((l) => l.tag === baseLanguage(wanted)))?.tag;
}

/**
 * The display language for a page: the address's `lang` when it names an offered
 * language, else the first of the browser's preferred languages (`navigator.languages`)
 * that is offered, else English.
 */
export function pickLanguage(search: string, preferred: readonly string[]): string {
  const fromAddress = offeredLanguage(new URLSearchParams(search).get(LANG_PARAM));
  if (fromAddress) return fromAddress;
  for (const tag of preferred) {
    const offered = offeredLanguage(tag);
    if (offered) return offered;
  }
  return DEFAULT_LANGUAGE;
}

/** The page's query string with the display language set (other parameters kept), as `?...`. */
export function searchWithLanguage(search: string, lang: string): string {
  const params = new URLSearchParams(search);
  params.set(LANG_PARAM, lang);
  return `?${params.toString()}`;
}

let englishNames: Intl.DisplayNames | undefined;

/** A language tag in English words: `ru` -> "Russian", `pt-BR` -> "Brazilian Portuguese"; the tag itself if unknown. */
export function languageName(tag: string): string {
  try {
    englishNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    return englishNames.of(tag) ?? tag;
  } catch {
    // An invalid tag (the API validates them, but a graph may hold older data) reads as itself.
    return tag;
  }
}

/** The short mark of a language, as badges show it: `ru` -> "RU", `pt-BR` -> "PT-BR". */
export function languageMark(tag: string): string {
  return tag.toUpperCase();
}

/**
 * Why a text is shown in another language than the display language, for the mark's
 * tooltip and screen readers: "Russian: no English name recorded".
 */
export function fallbackExplanation(textLang: string, displayLang: string, noun: string): string {
  return `${languageName(textLang)}: no ${languageName(displayLang)} ${noun} recorded`;
}
