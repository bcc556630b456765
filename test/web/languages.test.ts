/**
 * The display language (decision 0037): the address's `lang` wins, then the browser's
 * preferred languages, then English; a language tag reads in words for the marks.
 */
import { describe, expect, it } from 'vitest';
import { DISPLAY_LANGUAGES, fallbackExplanation, languageMark, languageName, pickLanguage, sameLanguage, searchWithLanguage } from '../../web/src/text/languages.js';

describe('the display language', () => {
  it('offers English, Bahasa Indonesia and Russian, each named in itself', () => {
    expect(DISPLAY_LANGUAGES.map((l) => [l.tag, l.autonym])).toEqual([
      ['en', 'English'],
      ['id', 'Bahasa Indonesia'],
      ['ru', 'Русский'],
    ]);
  });

  it('takes the address’s lang first, whatever the browser prefers', () => {
    expect(pickLanguage('?lang=ru', ['id-ID', 'en'])).toBe('ru');
    expect(pickLanguage('?x=1&lang=ID', ['en'])).toBe('id');
  });

  it('takes the first preferred language of the browser it offers when the address says nothing', () => {
    expect(pickLanguage('', ['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage('', ['id'])).toBe('id');
    expect(pickLanguage('', ['en-GB', 'ru'])).toBe('en');
  });

  it('falls back to English when neither names an offered language, and ignores an unoffered lang', () => {
    expect(pickLanguage('', [])).toBe('en');
    expect(pickLanguage('', ['de', 'fr'])).toBe('en');
    expect(pickLanguage('?lang=klingon', ['ru'])).toBe('ru');
  });

  it('writes the language into the query string and keeps the other parameters', () => {
    expect(searchWithLanguage('', 'ru')).toBe('?lang=ru');
    expect(searchWithLanguage('?a=1&lang=en', 'id')).toBe('?a=1&lang=id');
  });

  it('compares languages by their primary subtag', () => {
    expect(sameLanguage('en-GB', 'en')).toBe(true);
    expect(sameLanguage('ru', 'en')).toBe(false);
  });

  it('names a language and explains a fallback in words', () => {
    expect(languageName('ru')).toBe('Russian');
    expect(languageName('id')).toBe('Indonesian');
    expect(languageMark('ru')).toBe('RU');
    expect(fallbackExplanation('ru', 'en', 'name')).toBe('Russian: no English name recorded');
    expect(fallbackExplanation('en', 'ru', 'title')).toBe('English: no Russian title recorded');
  });
});
