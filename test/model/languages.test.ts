/**
 * The language table and the fallback order of localized text (src/model/languages.ts):
 * which tags are accepted, and which text a reader gets for an asked language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestText, fallbackOrder, isLanguageTag, languageTagProblem, LANGUAGES } from '../../src/model/languages.js';

describe('language tags', () => {
  it('accepts BCP 47 tags in their usual case and refuses words and other casings', () => {
    for (const tag of ['en', 'id', 'ru', 'pt-BR', 'sr-Latn', 'zh-Hant-TW', 'es-419', 'fil']) expect(isLanguageTag(tag), tag).toBe(true);
    for (const tag of ['english', 'EN', 'pt-br', 'pt_BR', 'e', '', 'en-', 'ru ']) expect(isLanguageTag(tag), tag).toBe(false);
  });

  it('says what would do', () => {
    expect(languageTagProblem('EN')).toBe('"EN" is not a language tag: write "en"');
    expect(languageTagProblem('pt_br')).toBe('"pt_br" is not a language tag: write "pt-BR"');
    expect(languageTagProblem('english')).toMatch(/use a BCP 47 language tag such as "en"/);
  });

  it('has one analyzer per language and well-formed tags', () => {
    expect(LANGUAGES.every((l) => isLanguageTag(l.tag))).toBe(true);
    expect(new Set(LANGUAGES.map((l) => l.tag)).size).toBe(LANGUAGES.length);
    expect(LANGUAGES.map((l) => l.tag)).toEqual(expect.arrayContaining(['en', 'id', 'ru']));
  });
});

describe('the fallback order', () => {
  const texts = { ru: 'Россия', id: 'Rusia', en: 'Russia', pt: 'Rússia' };

  it('gives the asked language, then its base language, then English, then the original, then the rest alphabetically', () => {
    expect(fallbackOrder(Object.keys(texts), 'pt-BR', 'ru')).toEqual(['pt', 'en', 'ru', 'id']);
    expect(fallbackOrder(Object.keys(texts), 'de', 'ru')).toEqual(['en', 'ru', 'id', 'pt']);
    expect(fallbackOrder(['ru', 'id'], 'de', 'ru')).toEqual(['ru', 'id']);
    expect(fallbackOrder(['ru', 'id'], null, null)).toEqual(['id', 'ru']);
  });

  it('says which language the text came from', () => {
    expect(bestText(texts, 'pt-BR')).toEqual({ lang: 'pt', text: 'Rússia' });
    expect(bestText({ ru: 'Россия' }, 'en')).toEqual({ lang: 'ru', text: 'Россия' });
    expect(bestText({}, 'en')).toBeNull();
  });

  it('gives the first text of the fallback order for any texts, asked language and original', () => {
    const tag = fc.constantFrom('en', 'ru', 'fr', 'pt', 'pt-BR', 'pt-PT', 'zh-Hans', 'zh', 'de', 'en-GB', 'id', 'constructor');
    fc.assert(
      fc.property(fc.dictionary(tag, fc.string({ maxLength: 3 })), fc.option(tag, { nil: null }), fc.option(tag, { nil: null }), (texts, asked, original) => {
        const lang = fallbackOrder(Object.keys(texts), asked, original)[0];
        expect(bestText(texts, asked, original)).toEqual(lang === undefined ? null : { lang, text: texts[lang] });
      }),
      { numRuns: 3000 },
    );
  });
});
