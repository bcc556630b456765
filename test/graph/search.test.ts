/**
 * The Lucene queries and name patterns search builds from an analyst's text: special
 * characters never reach Lucene or the regular expressions as syntax, and folding
 * matches what the indexes do. (Ranking itself is tested against Neo4j in
 * test/api/search-relevance.int.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fold, foldAll, indexQueries, namePatterns, toLuceneQuery, toStemmedQuery } from '../../src/graph/search.js';

describe('search text', () => {
  it('folds Latin diacritics as standard-folding does, and leaves Cyrillic letters whole', () => {
    expect(fold('RÚSIA Türkiye')).toBe('rusia turkiye');
    // "й" is "и" plus a combining breve: stripping it would lose every Russian word holding it.
    expect(fold('Средней')).toBe('средней');
    expect(foldAll('Средней Türkiye')).toBe('среднеи turkiye');
  });

  it('turns Lucene syntax into spaces, so that only words reach the index', () => {
    const q = toLuceneQuery('NATO AND (Russia OR "x" ~ name:* \\')!;
    const words = '(nato OR nato*) (russia OR russia*) (x OR x*) (name OR name*)';
    // The one place a field name is followed by a colon is the boost of the naming fields.
    expect(q.endsWith(` (${words})`)).toBe(true);
    expect(q).toContain(` nameAll:(${words})^3 `);
    expect(q.replaceAll(words, '')).not.toMatch(/["~\\]|\*[^)]|\b(and|AND)\b/);
    expect(toLuceneQuery('*:* ~ ^ ( ) " \\')).toBeNull();
    expect(toStemmedQuery('and or not to')).toBeNull();
  });

  it('asks for every word in the naming fields (boosted), everywhere, and all of them together', () => {
    const q = indexQueries('penyebaran rudal')!.find((i) => i.index === 'entity_text_v2_indonesian')!.query;
    expect(q).toContain('(+penyebaran +rudal)^2');
    // Each language index boosts the names in its own languages.
    expect(q).toContain('name.id:(penyebaran rudal)^3');
    expect(q).not.toContain('name.en:');
    expect(q.endsWith('(penyebaran rudal)')).toBe(true);
    expect(toStemmedQuery('missiles')).not.toContain('+missiles');
  });

  it('quotes the text in the name patterns: its dots and stars are letters', () => {
    const { phrase, startsWith, holds } = namePatterns('  Moskow  a.b*\\E(x ');
    expect(phrase).toBe('moskow a.b*\\e(x');
    const java = (pattern: string) => new RegExp(pattern.replace('(?sU)', '').replace(/\\Q(.*?)\\E/gs, (_, lit: string) => lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'su');
    expect(java(startsWith).test('moskow a.b*\\e(x city')).toBe(true);
    expect(java(startsWith).test('moskow aXb')).toBe(false);
    expect(java(holds).test('the moskow a.b*\\e(x')).toBe(true);
  });
});
