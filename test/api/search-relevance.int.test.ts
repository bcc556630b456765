/**
 * Search relevance: what an analyst types, in English, Indonesian and Russian, each with
 * the hit it must give first, sent over HTTP to the real server over the seeded Neo4j
 * plus a small Russian-language fixture source (the seeds hold almost no Russian).
 * Prints the score ("relevance: 31/32 first hits, MRR 0.98") and holds it to a floor.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'search-ru.yaml');
const FIXTURE_SOURCE = 'fixture-ru-search';

/** A query and the id of the hit it must give first. */
interface RelevanceCase {
  lang: 'en' | 'id' | 'ru';
  text: string;
  first: string;
}

const CASES: RelevanceCase[] = [
  // English: names, aliases, and words in other forms than the text's.
  { lang: 'en', text: 'Russia', first: 'russia' },
  { lang: 'en', text: 'missiles', first: 'missile-deployment' },
  { lang: 'en', text: 'Belgium', first: 'belgium' },
  { lang: 'en', text: 'Moscow', first: 'moscow' },
  { lang: 'en', text: 'Stoltenberg', first: 'jens-stoltenberg' },
  { lang: 'en', text: 'NATO', first: 'nato' },
  { lang: 'en', text: 'enlargement', first: 'nato-enlargement' },
  { lang: 'en', text: 'annexation of Crimea', first: 'crimea-annexation-2014' },
  { lang: 'en', text: 'Geneva talks', first: 'russia-us-talks-geneva-2022-01-10' },
  { lang: 'en', text: 'withdrawing forces', first: 'demand-nato-withdraw-forces-from-eastern-members' },
  { lang: 'en', text: 'State Department', first: 'us-department-of-state' },
  { lang: 'en', text: 'expelled diplomats', first: 'nato-expels-russian-diplomats-2021-10' },
  { lang: 'en', text: 'Grushko press conference', first: 'grushko-press-conference-2022-01-12' },
  // Indonesian.
  { lang: 'id', text: 'Rusia', first: 'russia' },
  { lang: 'id', text: 'perluasan NATO', first: 'nato-enlargement' },
  { lang: 'id', text: 'penyebaran rudal', first: 'missile-deployment' },
  { lang: 'id', text: 'Jenewa', first: 'geneva' },
  { lang: 'id', text: 'Moskow', first: 'moscow' },
  { lang: 'id', text: 'pencaplokan Krimea', first: 'crimea-annexation-2014' },
  { lang: 'id', text: 'menolak tuntutan', first: 'stmt-dwi-allies-reject' },
  { lang: 'id', text: 'Kementerian Luar Negeri Rusia', first: 'russian-foreign-ministry' },
  { lang: 'id', text: 'Amerika Serikat', first: 'united-states' },
  { lang: 'id', text: 'keamanan Eropa', first: 'european-security' },
  { lang: 'id', text: 'penumpukan pasukan', first: 'russian-troop-buildup-near-ukraine' },
  // Russian: inflected forms of the fixture's words, and the seeds' one Russian alias.
  { lang: 'ru', text: 'Интерфакс', first: 'interfax' },
  { lang: 'ru', text: 'МИД', first: 'fixture-ru-ministry' },
  { lang: 'ru', text: 'министерства иностранных дел', first: 'fixture-ru-ministry' },
  { lang: 'ru', text: 'угроза безопасности', first: 'fixture-ru-stmt-enlargement' },
  { lang: 'ru', text: 'ракеты средней дальности', first: 'fixture-ru-stmt-missiles' },
  { lang: 'ru', text: 'ракета', first: 'fixture-ru-stmt-missiles' },
  { lang: 'ru', text: 'государство региона', first: 'fixture-ru-stmt-enlargement' },
  { lang: 'ru', text: 'заявления о расширении', first: FIXTURE_SOURCE },
];

/**
 * The floor the suite holds search to: first hits out of CASES.length, and the mean
 * reciprocal rank. Reached December 2026: 31/32, MRR 0.98 (before
 * decision 0030: 21/32, MRR 0.77). The miss: "withdrawing
 * forces" gives the demand fourth, after "Armed Forces of Ukraine": Lucene weighs a
 * word by its rarity per field, and `summary` (the demands' name) is a field of few
 * nodes, so its words weigh little (docs/decisions/0030).
 */
const FLOOR = { firstHits: 31, mrr: 0.95 };

type Edge = { kind: string; detail: string | null; matchedText: string | null; node: { id: string; label: string } };

const server = withSeededServer({ fixture: { path: FIXTURE, origin: FIXTURE_SOURCE } });

/** The first `first` hits of a search, best first. */
async function search(text: string, first = 10): Promise<Edge[]> {
  const res = await postGraphql(server().url, {
    query: 'query S($text: String!, $first: Int) { search(text: $text, first: $first) { edges { kind detail matchedText node { id label } } } }',
    variables: { text, first },
  });
  expect(res.body.errors, res.text).toBeUndefined();
  return (res.body.data as { search: { edges: Edge[] } }).search.edges;
}

describe('search relevance', () => {
  it('gives the expected first hit in English, Indonesian and Russian, above the floor', async () => {
    const results: (RelevanceCase & { rank: number; got: string[] })[] = [];
    for (const c of CASES) {
      const ids = (await search(c.text)).map((e) => e.node.id);
      results.push({ ...c, rank: ids.indexOf(c.first) + 1, got: ids.slice(0, 3) });
    }
    const firstHits = results.filter((r) => r.rank === 1).length;
    const mrr = results.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / results.length;
    const byLang = (['en', 'id', 'ru'] as const).map((l) => {
      const of = results.filter((r) => r.lang === l);
      return `${l} ${of.filter((r) => r.rank === 1).length}/${of.length}`;
    });
    console.log(`relevance: ${firstHits}/${results.length} first hits, MRR ${mrr.toFixed(2)} (${byLang.join(', ')})`);
    for (const r of results.filter((x) => x.rank !== 1)) {
      console.log(`  "${r.text}" (${r.lang}): ${r.first} ${r.rank === 0 ? 'not in the first 10' : `at ${r.rank}`}; first: ${r.got.join(', ')}`);
    }
    expect(firstHits).toBeGreaterThanOrEqual(FLOOR.firstHits);
    expect(mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
  });

  it('puts the state Russia first and tells it from the place of the same name', async () => {
    const hits = await search('Russia');
    expect(hits[0]).toMatchObject({ kind: 'ACTOR', detail: 'State', node: { id: 'russia', label: 'Russia' } });
    const place = hits.find((h) => h.node.id === 'russia-country');
    expect(place).toMatchObject({ kind: 'PLACE', detail: 'Country', node: { label: 'Russia' } });
    expect(hits.indexOf(place!)).toBe(1);
  });

  it('says what each hit is: an actor’s office and body, a place’s country, an event’s date, a statement’s speaker', async () => {
    const detailOf = async (text: string, id: string) => (await search(text)).find((h) => h.node.id === id)?.detail;
    await expect(detailOf('Moscow', 'moscow')).resolves.toBe('City in Russia');
    await expect(detailOf('Kementerian Luar Negeri Rusia', 'russian-foreign-ministry')).resolves.toBe('Ministry, part of Russia');
    await expect(detailOf('Stoltenberg', 'jens-stoltenberg')).resolves.toBe('Person, NATO Secretary General');
    await expect(detailOf('Russia-US talks', 'russia-us-talks-geneva-2022-01-10')).resolves.toBe('Talks, 2022-01-10');
    await expect(detailOf('menolak tuntutan', 'stmt-dwi-allies-reject')).resolves.toBe('DW Indonesia, 2022-01');
  });

  it('finds words in another form than the text’s, and shows where', async () => {
    const [top] = await search('missiles');
    expect(top).toMatchObject({ kind: 'ISSUE', node: { id: 'missile-deployment' }, matchedText: 'Missile deployment' });
    const [ru] = await search('ракеты');
    expect(ru).toMatchObject({ kind: 'STATEMENT', node: { id: 'fixture-ru-stmt-missiles' } });
    expect(ru!.matchedText).toContain('ракет');
  });

  it('still escapes Lucene syntax and finds nothing in words made only of it', async () => {
    const hits = await search('NATO AND (Russia OR "x" ~ name:* \\');
    expect(hits.length).toBeGreaterThan(0);
    await expect(search('*:* ~ ^ ( ) " \\')).resolves.toEqual([]);
  });
});
