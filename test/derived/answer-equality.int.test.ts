/**
 * The derived positions answer as the expanding queries did (issue 18): on synthetic
 * corpora ingested batch by batch and on the seeded graph, the old floor's queries
 * (cypher/bench/*-expanded.cypher) and the new ones give the same positions, for a
 * sample of actor pairs (hubs included), demands and issues, on dates before, during and
 * after membership changes; agreement on an issue is the whole agreement restricted to
 * the issue's topics; and what loads and API writes maintained equals a rebuild from
 * scratch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { rebuildAllTopicPositions } from '../../src/derived/topic-positions.js';
import { composeActorPositions } from '../../src/graph/actor-positions.js';
import { endOfPeriod } from '../../src/graph/dates.js';
import type { Row } from '../../src/graph/graph-reader.js';
import { deleteGraph } from '../../src/ingest/ingest-stream.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { toPlain } from '../../src/neo4j/values.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { writeEntity } from '../../src/write/write-entity.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';
import { loadSyntheticCorpus, restoreSeededGraph } from './corpus.js';

const driver = withTestDriver();
let database: string;

/** The test's own reads: samples of the graph and the stored derived positions. */
const QUERIES: Record<string, string> = {
  // Derived positions.
  'derived/export-all': 'MATCH (p:TopicPosition) RETURN labels(p) AS labels, properties(p) AS p ORDER BY p.key',
  'hub-actors': `MATCH (a:Actor) WHERE EXISTS { (a)-[:HAS_MEMBERSHIP|MEMBERSHIP_IN]-() }
    WITH a, COUNT { (a)-[:HAS_MEMBERSHIP|MEMBERSHIP_IN]-() } + COUNT { (a)-[:TOOK]->() } AS degree
    RETURN a.id AS id ORDER BY degree DESC, id LIMIT 4`,
  'actors-with-memberships': 'MATCH (a:Actor) WHERE EXISTS { (a)-[:HAS_MEMBERSHIP]->() } RETURN a.id AS id ORDER BY id',
  'membership-dates': `MATCH (ms:Membership) WITH ms ORDER BY ms.id LIMIT 4
    UNWIND [toString(ms.from), toString(ms.until)] AS date WITH date WHERE date IS NOT NULL RETURN DISTINCT date ORDER BY date`,
  targets: `CALL () { MATCH (d:Demand) WITH d, COUNT { (d)<-[:RESPONDS_TO]-() } AS n RETURN d.id AS id, n ORDER BY n DESC, id LIMIT 5
    UNION MATCH (d:Demand) RETURN d.id AS id, 0 AS n ORDER BY id DESC LIMIT 3
    UNION MATCH (i:Issue) WITH i, COUNT { (i)<-[:CONCERNS]-() } AS n RETURN i.id AS id, n ORDER BY n DESC, id LIMIT 4 }
    RETURN DISTINCT id`,
  // The synthetic corpora of this file have no sub-issues (too few issues), the seeded graph has.
  'sample-issues': `MATCH (i:Issue)
    RETURN i.id AS id ORDER BY COUNT { (i)<-[:SUBISSUE_OF]-() } DESC, COUNT { (i)<-[:CONCERNS]-(:Demand) } DESC, id LIMIT 2`,
  // An issue's topics by hand, apart from rollup-ids.cypher and the agreement read's own CONCERNS match.
  'issue-topics': `MATCH (s:Issue)-[:SUBISSUE_OF*0..10]->(:Issue {id: $id}) WHERE $subIssues OR s.id = $id
    WITH collect(DISTINCT s.id) AS issues
    OPTIONAL MATCH (d:Demand)-[:CONCERNS]->(x:Issue) WHERE x.id IN issues
    RETURN issues, collect(DISTINCT d.id) AS demands`,
};

async function read(name: string, params: Record<string, unknown>): Promise<Row[]> {
  const res = await driver().executeQuery(QUERIES[name] ?? cypher(name), params, { database, routing: 'READ' });
  return res.records.map((r) => toPlain(r.toObject()) as Row);
}

const sorted = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** The agreement positions of two actors as of a date, old query against new, as sorted tuples. */
async function agreementBoth(a: string, b: string, asOf: string | null): Promise<{ old: string[]; now: string[]; askedOrg: boolean }> {
  const params = { actorIds: [a, b], asOf: endOfPeriod(asOf) };
  const [old] = await read('bench/actor-positions-expanded', params);
  const [row] = await read('read/actor-positions', { ...params, issueIds: null });
  // An asked actor that is also an organisation of the other sends its entries once (its own), as the hub pairs of the bench do.
  const askedOrg = ((row?.orgs ?? []) as Row[]).some((o) => o.asked === true);
  return { old: sorted((old?.positions ?? []) as unknown[]), now: sorted(row ? composeActorPositions(row) : []), askedOrg };
}

/** Positions on a target as of a date, flattened: makers, direct (holder, kind, stance), inherited (org, kind, stance, member, membership). */
async function positionsOf(name: string, targetId: string, asOf: string | null): Promise<string[]> {
  const [row] = await read(name, { targetIds: [targetId], asOf: endOfPeriod(asOf), includeDerived: true });
  if (!row) return [];
  const direct = row.direct as Row[];
  const flat: unknown[] = [
    ...(row.makers as Row[]).map((m) => ['made', m.id]),
    ...direct.map((d) => ['direct', (d.actor as Row).id, d.kind, (d.stance as Row).id]),
    ...(row.derived as Row[]).flatMap((d) => {
      const from = direct[Number(d.from)]!;
      return (d.members as Row[]).map((m) => ['inherited', (from.actor as Row).id, from.kind, (from.stance as Row).id, (m.actor as Row).id, (m.membership as Row).id]);
    }),
  ];
  return sorted(flat);
}

/** Every stored derived position, sorted by key. */
async function snapshot(): Promise<string[]> {
  return sorted(await read('derived/export-all', {}));
}

/** Actors to pair: the most connected members and organisations (hubs), then others spread over the id order. */
async function sampleActors(): Promise<{ hubs: string[]; others: string[] }> {
  const hubs = (await read('hub-actors', {})).map((r) => r.id as string);
  const all = (await read('actors-with-memberships', {})).map((r) => r.id as string);
  const others = all.filter((id) => !hubs.includes(id)).filter((_, i, list) => i % Math.max(1, Math.floor(list.length / 6)) === 0).slice(0, 6);
  return { hubs, others };
}

/** Dates around membership changes: a day before and on each of a few membership starts and ends, and a fixed spread. */
async function sampleDates(): Promise<Array<string | null>> {
  const changes = (await read('membership-dates', {})).map((r) => r.date as string);
  const around = changes.flatMap((d) => {
    const day = new Date(`${d}T00:00:00Z`);
    const before = new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
    return [before, d];
  });
  return [null, '1990', '2001-06', '2012-03-15', ...around];
}

async function assertAgreementsEqual(): Promise<number> {
  const { hubs, others } = await sampleActors();
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < hubs.length; i++) for (let j = i + 1; j < hubs.length; j++) pairs.push([hubs[i]!, hubs[j]!]);
  for (const o of others) pairs.push([hubs[0]!, o]);
  for (let i = 0; i + 1 < others.length; i += 2) pairs.push([others[i]!, others[i + 1]!]);
  const dates = await sampleDates();
  let compared = 0;
  let askedOrgs = 0;
  for (const [a, b] of pairs) {
    for (const asOf of dates) {
      const { old, now, askedOrg } = await agreementBoth(a, b, asOf);
      expect(now, `agreement of ${a} and ${b} as of ${asOf ?? 'today'}`).toEqual(old);
      compared += old.length;
      if (askedOrg) askedOrgs++;
    }
  }
  expect(askedOrgs, 'pairs of an organisation and one of its members compared').toBeGreaterThan(0);
  return compared;
}

/**
 * Agreement on an issue (issue 16) equals the unfiltered agreement restricted by hand to
 * the issue's topics: the issue and its sub-issues (or the issue alone), and the demands
 * concerning them. Returns how many positions the filtered answers held, and how many the
 * restriction left out.
 */
async function assertIssueAgreementsRestrict(): Promise<{ kept: number; left: number }> {
  const { hubs, others } = await sampleActors();
  const pairs: Array<[string, string]> = [[hubs[0]!, hubs[1]!], [hubs[0]!, others[0]!], [others[0]!, others[1]!]];
  let kept = 0;
  let left = 0;
  for (const { id } of await read('sample-issues', {})) {
    for (const subIssues of [true, false]) {
      const [row] = await read('issue-topics', { id, subIssues });
      const issueIds = row!.issues as string[];
      const topics = new Set([...issueIds, ...(row!.demands as string[])]);
      for (const [a, b] of pairs) {
        for (const asOf of [null, '2001-06']) {
          const params = { actorIds: [a, b], asOf: endOfPeriod(asOf) };
          const [all] = await read('read/actor-positions', { ...params, issueIds: null });
          const [filtered] = await read('read/actor-positions', { ...params, issueIds });
          const whole = all ? composeActorPositions(all) : [];
          const byHand = sorted(whole.filter((t) => topics.has(t[1])));
          expect(sorted(filtered ? composeActorPositions(filtered) : []), `agreement of ${a} and ${b} on ${issueIds.join(', ')} as of ${asOf ?? 'today'}`).toEqual(byHand);
          kept += byHand.length;
          left += whole.length - byHand.length;
        }
      }
    }
  }
  return { kept, left };
}

async function assertPositionsEqual(): Promise<number> {
  const targets = (await read('targets', {})).map((r) => r.id as string);
  const dates = (await sampleDates()).slice(0, 8);
  let compared = 0;
  for (const t of targets) {
    for (const asOf of dates) {
      const old = await positionsOf('bench/positions-expanded', t, asOf);
      expect(await positionsOf('read/positions', t, asOf), `positions on ${t} as of ${asOf ?? 'today'}`).toEqual(old);
      compared += old.length;
    }
  }
  return compared;
}

async function assertDerivedEqualsRebuild(db: Driver): Promise<void> {
  const maintained = await snapshot();
  expect(maintained.length).toBeGreaterThan(0);
  await rebuildAllTopicPositions(db, database, { holdersPerPage: 50 });
  expect(await snapshot()).toEqual(maintained);
}

beforeAll(() => {
  database = testDatabase();
});

afterAll(async () => {
  await restoreSeededGraph(driver(), database, { keyName: 'test derived writer', lockPrefix: 'test-derived-' });
});

describe.each([1, 2])('on a synthetic corpus (seed %i), ingested in batches', (seed) => {
  beforeAll(async () => {
    await loadSyntheticCorpus(driver(), database, seed);
  }, 120_000);

  it('what the ingest maintained equals a rebuild from scratch', async () => {
    await assertDerivedEqualsRebuild(driver());
  }, 60_000);

  it('agreements of hub and other pairs give the old query\'s positions on every sampled date', async () => {
    expect(await assertAgreementsEqual()).toBeGreaterThan(1000);
  }, 120_000);

  it('agreement on an issue, with and without its sub-issues, is the whole agreement restricted to its topics', async () => {
    const { kept, left } = await assertIssueAgreementsRestrict();
    expect(kept).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(100);
  }, 120_000);

  it('positions on demands and issues give the old query\'s on every sampled date', async () => {
    expect(await assertPositionsEqual()).toBeGreaterThan(100);
  }, 120_000);
});

describe('on the seeded graph', () => {
  const principal = { keyId: 'test-derived', name: 'test derived writer', scope: 'write' as const };
  beforeAll(async () => {
    await deleteGraph(driver(), database);
    await runSeed(driver(), { database, reset: true });
  }, 120_000);

  it('the seed load maintained what a rebuild gives, and answers equal the old queries\'', async () => {
    await assertDerivedEqualsRebuild(driver());
    expect(await assertAgreementsEqual()).toBeGreaterThan(10);
    expect(await assertPositionsEqual()).toBeGreaterThan(10);
    const { kept, left } = await assertIssueAgreementsRestrict();
    expect(kept).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
  }, 120_000);

  it('after API writes (a stance added, then moved off its demand) the derived data equals a rebuild and answers stay equal', async () => {
    const source = 'liputan6-2022-01-14-nrc';
    const stance = {
      id: 'test-derived-stance', holder: 'nato', kind: 'SUPPORTS', date: '2022-01-13',
      respondsTo: 'demand-nato-stop-enlargement', issues: ['nato-enlargement'],
      summary: [{ lang: 'en', text: 'A test stance.' }], evidence: ['stmt-dwi-allies-reject'],
    };
    await writeEntity(driver(), database, { section: 'stances', input: stance, source, principal });
    const before = await agreementBoth('germany', 'france', '2022-01-13');
    expect(before.now.some((t) => t.includes('test-derived-stance'))).toBe(true);
    await assertDerivedEqualsRebuild(driver());
    // The stance moves off the demand: its old pair must lose it.
    await writeEntity(driver(), database, { section: 'stances', input: { ...stance, respondsTo: null, kind: 'CRITICIZES', towards: 'russia' }, source, principal });
    await assertDerivedEqualsRebuild(driver());
    // Memberships are not API-writable, and derived positions do not depend on them (a
    // membership is applied when read): around Germany's own membership dates the answers agree.
    for (const asOf of ['1955-05-05', '1955-05-06', '2022-01-11', '2022-01-12', '2022-01-13', null]) {
      const { old, now } = await agreementBoth('russia', 'germany', asOf);
      expect(now, `as of ${asOf}`).toEqual(old);
    }
    await assertDerivedEqualsRebuild(driver());
    expect(await assertAgreementsEqual()).toBeGreaterThan(10);
    expect(await assertPositionsEqual()).toBeGreaterThan(10);
  }, 120_000);
});
