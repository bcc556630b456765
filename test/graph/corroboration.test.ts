/** A fact's corroboration from its renderings: sources once each, languages sorted, relayed copies one origin. */
import { describe, expect, it } from 'vitest';
import { corroborationOf, type Rendering } from '../../src/graph/corroboration.js';
import type { EntityRecord } from '../../src/graph/entity-record.js';

const source = (id: string): EntityRecord => ({ id, __label: 'Source' }) as EntityRecord;
const rendering = (page: string, language: string, origin = page): Rendering => ({ source: source(page), language, origin });

describe('corroborationOf', () => {
  it('counts two pages carrying one outlet’s text as two sources but one origin', () => {
    const c = corroborationOf([
      rendering('liputan6', 'id', 'dw-indonesia'),
      rendering('tribungorontalo', 'id', 'dw-indonesia'),
      rendering('serambinews', 'id', 'nyt'),
      rendering('nato-transcript', 'en'),
    ]);
    expect(c).toMatchObject({ count: 4, languages: ['en', 'id'], origins: 3 });
    expect(c.sources.map((s) => s.id)).toEqual(['liputan6', 'tribungorontalo', 'serambinews', 'nato-transcript']);
  });

  it('counts a page with two renderings once, and nothing when there is none', () => {
    expect(corroborationOf([rendering('rt', 'ru'), rendering('rt', 'ru')])).toMatchObject({ count: 1, languages: ['ru'], origins: 1 });
    expect(corroborationOf([])).toEqual({ sources: [], count: 0, languages: [], origins: 0 });
  });
});
