/**
 * localizedText without a language takes a short path (decision 0064): it must give
 * what the fallback order gives over the texts localizedValue builds, for any mix of
 * stored languages, the plain property and a source's original language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../src/graph/entity-record.js';
import { localizedText, localizedValue } from '../../src/graphql/resolvers/localized-text.js';
import { bestText } from '../../src/model/languages.js';

const TAGS = ['en', 'ru', 'fr', 'pt', 'pt-BR', 'zh-Hans', 'de', 'uk', 'en-GB', 'ar'];

const entity = fc.record({
  label: fc.constantFrom('Actor', 'Source', 'Demand', 'Statement'),
  texts: fc.dictionary(fc.constantFrom(...TAGS), fc.oneof(fc.string({ maxLength: 5 }), fc.constant(42 as unknown as string))),
  plain: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
  language: fc.option(fc.constantFrom(...TAGS, 'pt-PT', 'es'), { nil: undefined }),
});

describe('localizedText without a language', () => {
  it('answers as bestText over localizedValue for every entity', () => {
    fc.assert(
      fc.property(entity, fc.constantFrom('name', 'title', 'summary'), (x, field) => {
        const e: EntityRecord = { id: 'x1', __label: x.label } as EntityRecord;
        for (const [tag, text] of Object.entries(x.texts)) e[`${field}.${tag}`] = text;
        if (x.plain !== undefined) e[field] = x.plain;
        if (x.language !== undefined) e.language = x.language;
        const value = localizedValue(e, field);
        const expected = value === null ? null : bestText(value.texts, null, value.original);
        expect(localizedText(e, field, null)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('prefers English, then a source in Russian its Russian text, then the first tag', () => {
    expect(localizedText({ id: 's', __label: 'Source', language: 'ru', 'title.ru': 'Заявление', 'title.fr': 'Déclaration' } as EntityRecord, 'title', null)).toEqual({ lang: 'ru', text: 'Заявление' });
    expect(localizedText({ id: 'a', __label: 'Actor', 'name.ru': 'Россия', 'name.en': 'Russia' } as EntityRecord, 'name', null)).toEqual({ lang: 'en', text: 'Russia' });
    expect(localizedText({ id: 'a', __label: 'Actor', 'name.ru': 'Россия', 'name.fr': 'Russie' } as EntityRecord, 'name', null)).toEqual({ lang: 'fr', text: 'Russie' });
    expect(localizedText({ id: 'a', __label: 'Actor', name: 'Russia' } as EntityRecord, 'name', null)).toEqual({ lang: 'en', text: 'Russia' });
    expect(localizedText({ id: 'a', __label: 'Actor' } as EntityRecord, 'name', null)).toBeNull();
  });
});
