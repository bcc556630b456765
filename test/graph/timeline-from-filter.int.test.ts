/**
 * The timeline, statements and stances read from their filters (issue 18, decision 0062)
 * give what the old scans gave (cypher/bench/*-scan.cypher): on a synthetic corpus, for a
 * sample of filters (none, hub and ordinary actors, issues with their sub-issues, kinds,
 * date ranges open on either side, mixed), both directions, the same total and the same
 * items with the same keys on every page, each page read after the last key of the one before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStances, findStatements } from '../../src/graph/fact-lists.js';
import type { GraphReader, Row } from '../../src/graph/graph-reader.js';
import { GraphReader as Reader } from '../../src/graph/graph-reader.js';
import { findTimeline, type KeyedPage, type SortKey } from '../../src/graph/lists.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { toPlain } from '../../src/neo4j/values.js';
import { deleteGraph, ingestFiles } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { restoreSeededGraph } from '../derived/corpus.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';

const driver = withTestDriver();
let database: string;
let reader: GraphReader;
/** A reader that runs the old scans (cypher/bench/<list>-scan.cypher) where the new reads run. */
let scans: GraphReader;

/** Page sizes: the unfiltered lists in pages of 400 (the old scans read everything on each), the others in pages of 60. */
const pageSize = (f: object, none: object): number => (JSON.stringify(f) === JSON.stringify(none) ? 400 : 60);

async function rows(text: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const res = await driver().executeQuery(text, params, { database, routing: 'READ' });
  return res.records.map((r) => toPlain(r.toObject()) as Row);
}

/** Every page of a list, each read after the last key of the one before, as [total, ids and keys of each page]. */
async function walk<T>(read: (after: SortKey | null) => Promise<KeyedPage<T>>, id: (item: T) => string, size: number): Promise<[number, string[][]]> {
  const pages: string[][] = [];
  let after: SortKey | null = null;
  let total = -1;
  for (;;) {
    const page = await read(after);
    total = page.total;
    pages.push(page.items.map(({ item, key }) => `${id(item)} ${JSON.stringify(key)}`));
    if (page.items.length < size) break;
    after = page.items[page.items.length - 1]!.key;
  }
  return [total, pages];
}

/**
 * For each filter, ASC and DESC: the totals and every page (walked after the last key) of
 * the read from the filter (`reader`) and of the old scan (`scans`), side by side (the test
 * runs in CI, whose budget is tight). Expects them equal; returns how many walks found items.
 */
async function compareWalks<F extends object, T>(
  filters: F[],
  none: F,
  find: (r: GraphReader, args: F & { after: SortKey | null; desc: boolean; limit: number }) => Promise<KeyedPage<T>>,
  id: (item: T) => string,
): Promise<{ found: number; empty: string[] }> {
  let found = 0;
  const empty: string[] = [];
  for (const f of filters) {
    for (const desc of [false, true]) {
      const size = pageSize(f, none);
      const args = (after: SortKey | null) => ({ ...f, after, desc, limit: size });
      const [now, old] = await Promise.all([walk((after) => find(reader, args(after)), id, size), walk((after) => find(scans, args(after)), id, size)]);
      expect(now, `${JSON.stringify(f)} desc ${desc}`).toEqual(old);
      if (old[0] > 0) found++;
      else empty.push(JSON.stringify(f));
    }
  }
  return { found, empty };
}

beforeAll(async () => {
  database = testDatabase();
  // Smaller than the derived tests' corpus (test/derived/corpus.ts): the old scans read it on every page. 260 actors
  // make 13 issues, three of them sub-issues (src/synth/corpus-layout.ts).
  await deleteGraph(driver(), database);
  await applySchema(driver(), database);
  const files = [...generateCorpus({ actors: 260, statements: 1_200, seed: 7, statementsPerFile: 300 })].map((f) => ({ name: f.name, seed: f.seed, statements: f.statements }));
  await ingestFiles(driver(), files, { database, batchSize: 2_000 });
  reader = new Reader(driver(), database);
  const old = new Reader(driver(), database);
  scans = Object.assign(Object.create(old) as GraphReader, {
    read: (name: string, params: Record<string, unknown>) => rows(cypher(`bench/${name.replace(/-all$/, '')}-scan`), fill(name, params)),
  });
}, 180_000);

afterAll(async () => {
  await restoreSeededGraph(driver(), database);
}, 180_000);

/** The old scans' parameters from the new reads' (the unfiltered reads leave the filters out). */
function fill(name: string, params: Record<string, unknown>): Record<string, unknown> {
  if (name === 'timeline-all') return { actorIds: null, issueIds: null, from: null, to: null, ...params };
  if (name === 'statements-all') return { speakerIds: null, speakerRole: 'ANY', modes: null, issueIds: null, sourceIds: null, languages: null, mentions: null, from: null, to: null, ...params };
  if (name === 'stances-all') return { holderIds: null, kinds: null, issueIds: null, sourceIds: null, languages: null, towards: null, from: null, to: null, ...params };
  return params;
}

/** The sample: a hub actor (most items), two ordinary ones, an issue with its sub-issues, another issue. */
async function sample() {
  const [hub] = await rows(`MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)-[:SAID|TOOK|PARTICIPATED_IN]->() } + COUNT { (a)<-[:ON_BEHALF_OF|CLAIMED_BY]-() } DESC, id LIMIT 1`);
  const ordinary = await rows(`MATCH (a:Actor) WHERE COUNT { (a)-[:TOOK]->() } >= 2 AND COUNT { (a)-[:SAID]->() } >= 2
    RETURN a.id AS id ORDER BY COUNT { (a)-[:SAID|TOOK]->() }, id LIMIT 2`);
  const [behalf] = await rows('MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)<-[:ON_BEHALF_OF]-() } DESC, id LIMIT 1');
  const [top] = await rows(`MATCH (i:Issue) RETURN i.id AS id ORDER BY COUNT { (i)<-[:SUBISSUE_OF]-() } DESC, COUNT { (i)<-[:CONCERNS]-() } DESC, id LIMIT 1`);
  const [withSubs] = await rows('MATCH (s:Issue)-[:SUBISSUE_OF*0..10]->(:Issue {id: $id}) RETURN collect(DISTINCT s.id) AS ids', { id: top!.id });
  const [other] = await rows('MATCH (i:Issue) WHERE i.id <> $id RETURN i.id AS id ORDER BY COUNT { (i)<-[:CONCERNS]-(:Stance) } DESC, id LIMIT 1', { id: top!.id });
  const [span] = await rows(`MATCH (s:Statement) WITH s.said AS d ORDER BY d WITH collect(toString(d)) AS ds
    RETURN ds[size(ds) / 10] AS early, ds[size(ds) * 2 / 5] AS lo, ds[size(ds) * 3 / 5] AS hi, ds[size(ds) * 9 / 10] AS late`);
  return {
    hub: hub!.id as string,
    ordinary: ordinary.map((r) => r.id as string),
    behalf: behalf!.id as string,
    issues: withSubs!.ids as string[],
    otherIssue: other!.id as string,
    // A middle range (a month to a day), one open towards the future, one towards the past (a year).
    mid: { from: String(span!.lo).slice(0, 7), to: String(span!.hi) },
    fromOnly: String(span!.late),
    toOnly: String(span!.early).slice(0, 4),
  };
}

type TimelineFilter = Parameters<typeof findTimeline>[1];

// Every page of 32 filters, both ways: about 20 s on an idle machine, over 60 s (vitest's limit for
// integration tests) on a cold database under a load of 11; the time is no part of what is tested.
describe('lists read from their filters give the old scans\' totals and pages', { timeout: 180_000 }, () => {
  it('timeline', async () => {
    const s = await sample();
    expect(s.issues.length, 'an issue with sub-issues').toBeGreaterThan(1);
    const all = ['EVENT', 'STATEMENT', 'STANCE'];
    const none = { kinds: all, actorIds: null, issueIds: null, from: null, to: null };
    const filters: Array<Omit<TimelineFilter, 'after' | 'desc' | 'limit'>> = [
      none,
      { ...none, kinds: ['EVENT', 'STANCE'] },
      { ...none, actorIds: [s.hub] },
      { ...none, actorIds: [s.behalf, ...s.ordinary] },
      { ...none, actorIds: [s.hub, ...s.ordinary], kinds: ['EVENT', 'STANCE'] },
      { ...none, issueIds: s.issues },
      { ...none, issueIds: [s.otherIssue], kinds: ['STANCE'] },
      { ...none, ...s.mid },
      { ...none, from: s.fromOnly },
      { ...none, to: s.toOnly },
      { ...none, actorIds: [s.hub], issueIds: s.issues, ...s.mid },
      { ...none, issueIds: [s.otherIssue, ...s.issues], from: s.fromOnly },
      { ...none, actorIds: [], kinds: all },
    ];
    const { found } = await compareWalks(filters, none, findTimeline, (e) => e.entity.id);
    // Only the empty actor list finds nothing: the sample compares items, not empty pages.
    expect(found).toBe(2 * (filters.length - 1));
  });

  it('statements', async () => {
    const s = await sample();
    const none = { speakerIds: null, modes: null, issueIds: null, sourceIds: null, languages: null, mentions: null, from: null, to: null };
    const filters: Array<Omit<Parameters<typeof findStatements>[1], 'after' | 'desc' | 'limit'>> = [
      none,
      { ...none, speakerIds: [s.hub] },
      { ...none, speakerIds: [s.hub, ...s.ordinary], speakerRole: 'SPEAKER' },
      { ...none, speakerIds: [s.behalf, ...s.ordinary], speakerRole: 'ON_BEHALF_OF' },
      { ...none, speakerIds: [s.behalf, s.hub] },
      { ...none, issueIds: s.issues },
      { ...none, ...s.mid },
      { ...none, from: s.fromOnly },
      { ...none, modes: ['PARAPHRASE'] },
      { ...none, speakerIds: [s.hub], issueIds: s.issues, to: s.toOnly },
    ];
    const { empty } = await compareWalks(filters, none, findStatements, (e) => e.id);
    expect(empty, 'filters whose sample finds nothing').toEqual([]);
  });

  it('stances', async () => {
    const s = await sample();
    const none = { holderIds: null, kinds: null, issueIds: null, sourceIds: null, languages: null, towards: null, from: null, to: null };
    const filters: Array<Omit<Parameters<typeof findStances>[1], 'after' | 'desc' | 'limit'>> = [
      none,
      { ...none, holderIds: [s.hub] },
      { ...none, holderIds: s.ordinary },
      { ...none, issueIds: s.issues },
      { ...none, issueIds: [s.otherIssue] },
      { ...none, ...s.mid },
      { ...none, to: s.toOnly },
      { ...none, kinds: ['SUPPORTS'] },
      { ...none, holderIds: [s.hub, ...s.ordinary], issueIds: [s.otherIssue, ...s.issues], from: s.fromOnly },
    ];
    const { empty } = await compareWalks(filters, none, findStances, (e) => e.id);
    expect(empty, 'filters whose sample finds nothing').toEqual([]);
  });
});
