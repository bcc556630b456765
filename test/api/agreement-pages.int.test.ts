/**
 * Agreement over HTTP reads only as far into each verdict as the request's pages reach
 * (decision 0048): small pages under aliases, in fragments and from variables, and a
 * request of counts alone, answer what one request of every topic does.
 */
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const api = withSeededServer();

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

async function query(text: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(api().url, { query: text, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data!.agreement;
}

const TOPIC = 'verdict topic { id } positions { actor { id } kind derived via { id } stance { id } }';
const EVERY = `query ($ids: [ID!]!, $asOf: Date) { agreement(actorIds: $ids, asOf: $asOf) { agreeCount disagreeCount topics(first: 500) { ${TOPIC} } } }`;
const PAGES = `query ($ids: [ID!]!, $asOf: Date, $o: Int, $n: Int) {
  agreement(actorIds: $ids, asOf: $asOf) {
    agreeCount disagreeCount
    first: topics(first: 2) { ${TOPIC} }
    second: topics(offset: 2, first: 3) { ${TOPIC} }
    agree: topics(verdicts: [AGREE], offset: 1, first: 2) { ${TOPIC} }
    ...Later
  }
}
fragment Later on Agreement { later: topics(offset: $o, first: $n, verdicts: [MIXED, AGREE]) { ${TOPIC} } }`;
const COUNTS = 'query ($ids: [ID!]!, $asOf: Date) { agreement(actorIds: $ids, asOf: $asOf) { agreeCount disagreeCount } }';

describe('agreement pages and counts', () => {
  it.each([
    [['nato', 'germany'], null],
    [['germany', 'france'], null],
    [['germany', 'nato', 'france'], '2022-01-12'],
    [['russia', 'germany'], '2022-01-31'],
  ])('%j as of %s: pages read under aliases, fragments and variables, and counts alone, equal one read of every topic', async (ids, asOf) => {
    const every = await query(EVERY, { ids, asOf });
    expect(every.topics.length).toBeGreaterThan(0);
    const pages = await query(PAGES, { ids, asOf, o: 1, n: 4 });
    const of = (verdicts: string[] | null) => every.topics.filter((t: Json) => !verdicts || verdicts.includes(t.verdict));
    expect(pages.first).toEqual(every.topics.slice(0, 2));
    expect(pages.second).toEqual(every.topics.slice(2, 5));
    expect(pages.agree).toEqual(of(['AGREE']).slice(1, 3));
    expect(pages.later).toEqual(of(['MIXED', 'AGREE']).slice(1, 5));
    const counts = { agreeCount: of(['AGREE']).length, disagreeCount: of(['DISAGREE']).length };
    expect([pages.agreeCount, pages.disagreeCount]).toEqual([counts.agreeCount, counts.disagreeCount]);
    expect(await query(COUNTS, { ids, asOf })).toEqual(counts);
  });
});
