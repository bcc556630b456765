/** The header's display-language chooser: a native select (keyboard and screen readers as usual). */
import { DISPLAY_LANGUAGES } from '../text/languages.js';
import { h } from '../ui/dom.js';
import { chooseLanguage, displayLanguage, LANGUAGE_CHANGE_EVENT } from './display-language.js';

/** Fills the select with the offered languages, shows the current one and follows the reader's choice. */
export function mountLanguageChooser(select: HTMLSelectElement): void {
  // Each language named in itself, marked with its language for screen readers.
  select.replaceChildren(...DISPLAY_LANGUAGES.map((l) => h('option', { value: l.tag, lang: l.tag }, l.autonym)));
  const show = (): void => {
    select.value = displayLanguage();
  };
  show();
  select.addEventListener('change', () => chooseLanguage(select.value));
  window.addEventListener(LANGUAGE_CHANGE_EVENT, show);
  window.addEventListener('popstate', show);
}
