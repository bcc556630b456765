/**
 * The display language as page state: read from the address (`/?lang=ru#/actor/russia`)
 * or the browser's preferences, changed by the header's chooser. It lives in the page's
 * query string, not in the hash route, so every `#/...` link of every view keeps it
 * without knowing about it, and a copied link carries it (decision 0037).
 */
import { LANG_PARAM, pickLanguage, searchWithLanguage } from '../text/languages.js';

/** The event the window receives when the reader chooses another language (the shell re-renders the view). */
export const LANGUAGE_CHANGE_EVENT = 'diplograph:language';

/** The display language of the page now. */
export function displayLanguage(): string {
  return pickLanguage(window.location.search, navigator.languages ?? [navigator.language]);
}

/** Chooses a display language: a new history entry (Back returns to the previous language) and a re-render. */
export function chooseLanguage(lang: string): void {
  if (lang === displayLanguage() && new URLSearchParams(window.location.search).get(LANG_PARAM) === lang) return;
  const { pathname, search, hash } = window.location;
  window.history.pushState(window.history.state, '', `${pathname}${searchWithLanguage(search, lang)}${hash}`);
  window.dispatchEvent(new Event(LANGUAGE_CHANGE_EVENT));
}

/**
 * The address of the page as a link to share: the current one with the display
 * language written in, so that it opens in this language whatever the recipient's
 * browser prefers.
 */
export function shareableHref(): string {
  const { origin, pathname, search, hash } = window.location;
  return `${origin}${pathname}${searchWithLanguage(search, displayLanguage())}${hash}`;
}
