/**
 * The agreement that counts plain topics in the query (issue 18, decision 0048) gives
 * the old path's whole answer: counts, and every topic with its verdict and positions
 * through pages (offsets, small pages, verdict filters, an issue filter), where the old
 * path is the expanding query (cypher/bench/actor-positions-expanded.cypher) compared,
 * counted and paged as the API did before. On two synthetic corpora and the seeded graph,
 * for hub pairs (an organisation and a member), two members, a member and a non-member,
 * three actors, on dates around membership changes and on both sides of a change of an
 * organisation's verdict class (a date where one of its pairs' verdict class changes,
 * found as decision 0053's spans found it); with the other
 * topics decided in the query (decision 0057) on every verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../src/graph/agreement-read.js';
import { compareActors, FAVOURING_KINDS, type AgreementTopic } from '../../src/graph/agreement.js';
import { endOfPeriod } from '../../src/graph/dates.js';
import type { EntityRecord } from '../../src/graph/entity-record.js';
import { GraphReader, type Row } from '../../src/graph/graph-reader.js';
import { decodeActorPositions, findActorPositions } from '../../src/graph/positions.js';
import { deleteGraph } from '../../src/ingest/ingest-stream.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { toPlain } from '../../src/neo4j/values.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { writeEntity } from '../../src/write/write-entity.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';
import { loadSyntheticCorpus, restoreSeededGraph } from './corpus.js';

const driver = withTestDriver();
let database: string;

/** The test's own reads: the organisation with the most members on some date, its members, the others. */
const QUERIES: Record<string, string> = {
  'big-org': `MATCH (o:Actor)<-[:MEMBERSHIP_IN]-(:Membership)
    RETURN o.id AS id ORDER BY COUNT { (o)<-[:MEMBERSHIP_IN]-() } DESC, COUNT { (o)-[:TOOK]->() } DESC, id LIMIT 1`,
  members: `MATCH (m:Actor)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(:Actor {id: $org})
    WITH m, ms ORDER BY COUNT { (m)-[:TOOK]->() } DESC, m.id, ms.id
    WITH m, collect(ms)[0] AS ms
    RETURN m.id AS id, toString(ms.from) AS from, toString(ms.until) AS until LIMIT 3`,
  'non-member': `MATCH (a:Actor) WHERE NOT EXISTS { (a)-[:HAS_MEMBERSHIP]->()-[:MEMBERSHIP_IN]->(:Actor {id: $org}) } AND a.id <> $org
    RETURN a.id AS id ORDER BY COUNT { (a)-[:TOOK]->() } DESC, id LIMIT 1`,
  actor: 'MATCH (a:Actor {id: $id}) RETURN properties(a) AS props',
  // The organisation's pairs, for the dates on which one changes verdict class (verdictBoundaries).
  'org-pairs': `MATCH (p:TopicPosition {holderId: $org})
    RETURN p.key AS key, p.targetLabel AS targetLabel, p.kinds AS kinds, [d IN p.froms | toString(d)] AS froms, [d IN p.untils | toString(d)] AS untils, p.towards AS towards`,
  'sample-issue': `MATCH (i:Issue) RETURN i.id AS id ORDER BY COUNT { (i)<-[:CONCERNS]-(:Demand) } DESC, id LIMIT 1`,
  'issue-topics': `MATCH (s:Issue)-[:SUBISSUE_OF*0..10]->(:Issue {id: $id})
    WITH collect(DISTINCT s.id) AS issues
    OPTIONAL MATCH (d:Demand)-[:CONCERNS]->(x:Issue) WHERE x.id IN issues
    RETURN issues, collect(DISTINCT d.id) AS demands`,
};

async function read(name: string, params: Record<string, unknown>): Promise<Row[]> {
  const res = await driver().executeQuery(QUERIES[name] ?? cypher(name), params, { database, routing: 'READ' });
  return res.records.map((r) => toPlain(r.toObject()) as Row);
}

/**
 * What a user sees of a topic: its id, verdict, and each position's actor, kind, basis,
 * stance, membership, organisation, aim, date; in the API's order, or with `byActor` only
 * the actors' order kept (the expanding query listed one actor's kinds in another order).
 */
const shown = (t: AgreementTopic, byActor = false) => {
  const positions = t.positions.map((p) => [p.actor.id, p.kind, p.derived, p.basis, p.stance?.id ?? null, p.via?.id ?? null, p.orgId ?? null, p.towardsId ?? null, p.date]);
  if (byActor) {
    const first = new Map<unknown, number>();
    positions.forEach((p, i) => first.has(p[0]) || first.set(p[0], i));
    positions.sort((a, b) => first.get(a[0])! - first.get(b[0])! || (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return { id: t.topic.id, verdict: t.verdict, positions };
};

interface Page {
  verdicts: string[] | null;
  offset: number;
  first: number;
}

/** A page as Agreement.topics cuts it (src/graphql/resolvers/analysis.ts). */
const cut = (topics: AgreementTopic[], page: Page, byActor = false) =>
  topics.filter((t) => !page.verdicts || page.verdicts.includes(t.verdict)).slice(page.offset, page.offset + page.first).map((t) => shown(t, byActor));

/** The old path: every position from the expanding query, compared, counted; restricted by hand to an issue's topics. */
async function oldAnswer(actors: EntityRecord[], asOf: string | null, topicIds: Set<string> | null) {
  const [row] = await read('bench/actor-positions-expanded', { actorIds: actors.map((a) => a.id), asOf: endOfPeriod(asOf) });
  const found = decodeActorPositions(actors, {
    positions: ((row?.positions ?? []) as unknown[][]).filter((t) => !topicIds || topicIds.has(t[1] as string)),
    memberships: (row?.memberships ?? []) as Row[],
    orgs: (row?.orgs ?? []) as Row[],
  });
  const topics = compareActors(actors.map((a) => a.id), found.targets, found.positions);
  return { topics, agreeCount: topics.filter((t) => t.verdict === 'AGREE').length, disagreeCount: topics.filter((t) => t.verdict === 'DISAGREE').length };
}

/** The pages to compare for an answer with these counts: all of it, small pages, verdict filters, pages across verdict boundaries. */
function pagesFor(topics: AgreementTopic[]): Page[] {
  const n = (v: string) => topics.filter((t) => t.verdict === v).length;
  const pages: Page[] = [{ verdicts: null, offset: 0, first: Math.max(1, topics.length) }, { verdicts: null, offset: 0, first: 100 }];
  for (const offset of [0, 3, 10]) pages.push({ verdicts: null, offset, first: 3 });
  for (const v of ['AGREE', 'DISAGREE', 'MIXED']) pages.push({ verdicts: [v], offset: 0, first: Math.max(1, n(v)) }, { verdicts: [v], offset: 2, first: 4 });
  pages.push({ verdicts: ['AGREE', 'MIXED'], offset: Math.max(0, n('MIXED') - 2), first: 5 });
  pages.push({ verdicts: null, offset: Math.max(0, n('DISAGREE') - 1), first: 3 }, { verdicts: null, offset: Math.max(0, n('DISAGREE') + n('MIXED') - 2), first: 4 });
  return pages;
}

interface Tally {
  compared: number;
  topics: number;
  summarised: number;
  plain: number;
  /** Exceptional topics decided in the query (decision 0057), per verdict. */
  decided: Record<string, number>;
}

async function assertSame(actorIds: string[], asOf: string | null, issue: { id: string; issues: string[]; topics: Set<string> } | null, tally: Tally): Promise<void> {
  const actors = await Promise.all(actorIds.map(async (id) => ({ ...((await read('actor', { id }))[0]!.props as Row), __label: 'Actor' }) as EntityRecord));
  const old = await oldAnswer(actors, asOf, issue?.topics ?? null);
  // Today's path before decision 0048: every entry read (read/actor-positions), composed and compared.
  const before = await findActorPositions(new GraphReader(driver(), database), { actors, asOf, issueIds: issue?.issues ?? null });
  const beforeTopics = compareActors(actorIds, before.targets, before.positions);
  const what = `agreement of ${actorIds.join(', ')} as of ${asOf ?? 'today'}${issue ? ` on ${issue.id}` : ''}`;
  for (const page of pagesFor(old.topics)) {
    const reader = new GraphReader(driver(), database);
    const now = await readAgreement(reader, { actors, asOf, issueIds: issue ? issue.issues : null, pageSize: page.offset + page.first });
    expect(reader.roundTrips, `${what}: one round trip`).toBe(1);
    expect({ agree: now.agreeCount, disagree: now.disagreeCount }, `${what}: counts`).toEqual({ agree: old.agreeCount, disagree: old.disagreeCount });
    expect(cut(now.topics, page, true), `${what}: page ${JSON.stringify(page)}`).toEqual(cut(old.topics, page, true));
    expect(cut(now.topics, page), `${what}: page ${JSON.stringify(page)} in the API's order`).toEqual(cut(beforeTopics, page));
    tally.compared++;
    if (now.summaryId) tally.summarised++;
    tally.plain += now.plainCount;
    for (const [v, n] of Object.entries(now.decidedCounts)) tally.decided[v] = (tally.decided[v] ?? 0) + n;
  }
  tally.topics += old.topics.length;
}

interface OrgPair {
  key: string;
  targetLabel: string;
  kinds: string[];
  froms: string[];
  untils: string[];
  towards: string[];
}

/**
 * Two dates on which one of the organisation's pairs changes verdict class, chosen as the
 * verdict spans of decision 0053 (removed by 0067) chose them: per pair, runs of the class
 * (on a demand MIXED when the entries in force both favour it and not, else AGREE; on an
 * issue AGREE when one favours or a non-favouring one has an aim, else MIXED) and of each
 * aim; a date where one class run ends and the other begins; the pairs with the most runs
 * first, then by pair key, class and start.
 */
function verdictBoundaries(pairs: OrgPair[]): string[] {
  const favouring: ReadonlySet<string> = new Set(FAVOURING_KINDS);
  const found: Array<{ runs: number; key: string; date: string }> = [];
  for (const p of pairs) {
    const n = p.kinds.length;
    const dates = [...new Set(p.froms.flatMap((f, i) => (f < p.untils[i]! ? [f, p.untils[i]!] : [])))].sort();
    const classes = new Map<string, Array<[string, string]>>();
    const aims = new Map<string, Array<[string, string]>>();
    const extend = (runs: Map<string, Array<[string, string]>>, name: string, from: string, until: string): void => {
      const list = runs.get(name);
      const last = list?.at(-1);
      if (last && last[1] === from) last[1] = until;
      else if (list) list.push([from, until]);
      else runs.set(name, [[from, until]]);
    };
    for (let d = 0; d + 1 < dates.length; d++) {
      const [from, until] = [dates[d]!, dates[d + 1]!];
      let favours = false;
      let against = false;
      const aimed = new Set<string>();
      for (let i = 0; i < n; i++) {
        if (!(p.froms[i]! <= from && p.untils[i]! > from)) continue;
        if (favouring.has(p.kinds[i]!)) favours = true;
        else {
          against = true;
          if (p.towards[i]) aimed.add(p.towards[i]!);
        }
      }
      if (!favours && !against) continue;
      extend(classes, p.targetLabel === 'Demand' ? (favours && against ? 'MIXED' : 'AGREE') : favours || aimed.size > 0 ? 'AGREE' : 'MIXED', from, until);
      if (p.targetLabel !== 'Demand') for (const a of aimed) extend(aims, a, from, until);
    }
    const runs = [...classes.values(), ...aims.values()].reduce((sum, r) => sum + r.length, 0);
    for (const [verdict, list] of classes) {
      const other = classes.get(verdict === 'AGREE' ? 'MIXED' : 'AGREE') ?? [];
      for (const [from, until] of list) if (other.some(([f]) => f === until)) found.push({ runs, key: `${p.key}|${verdict}|${from}`, date: until });
    }
  }
  found.sort((a, b) => b.runs - a.runs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return found.slice(0, 2).map((f) => f.date);
}

/** Samples of the graph: the biggest organisation, three of its members (with a membership's dates), a non-member, an issue. */
async function sample() {
  const org = (await read('big-org', {}))[0]!.id as string;
  const members = await read('members', { org });
  const nonMember = (await read('non-member', { org }))[0]!.id as string;
  const [m1, m2, m3] = members.map((m) => m.id as string);
  const dates = new Set<string | null>([null, '2001-06', '2012-03-15']);
  for (const m of members) {
    for (const d of [m.from, m.until] as Array<string | null>) {
      if (!d) continue;
      dates.add(d);
      dates.add(new Date(new Date(`${d}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10));
    }
  }
  // Both sides of a change of verdict class, where a count of plain topics must give up one topic and take it in another class.
  const boundaries = verdictBoundaries((await read('org-pairs', { org })) as unknown as OrgPair[]);
  for (const d of boundaries) dates.add(d).add(new Date(new Date(`${d}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10));
  const issueId = (await read('sample-issue', {}))[0]!.id as string;
  const [topics] = await read('issue-topics', { id: issueId });
  const issue = { id: issueId, issues: topics!.issues as string[], topics: new Set([...(topics!.issues as string[]), ...(topics!.demands as string[])]) };
  const sets: string[][] = [[org, m1!], [m1!, org], [m1!, m2!], [m1!, nonMember], [org, m1!, m2!], [m1!, m2!, m3 ?? nonMember], [org, nonMember]];
  return { sets, dates: [...dates], issue, boundaries };
}

async function assertAll(): Promise<Tally & { boundaries: number }> {
  const tally: Tally = { compared: 0, topics: 0, summarised: 0, plain: 0, decided: {} };
  const { sets, dates, issue, boundaries } = await sample();
  for (const ids of sets) for (const asOf of dates) await assertSame(ids, asOf, null, tally);
  for (const ids of sets.slice(0, 4)) for (const asOf of [null, '2001-06']) await assertSame(ids, asOf, issue, tally);
  return { ...tally, boundaries: boundaries.length };
}

beforeAll(() => {
  database = testDatabase();
});

afterAll(async () => {
  await restoreSeededGraph(driver(), database, { keyName: 'test agreement writer', lockPrefix: 'test-agreement-' });
});

describe.each([1, 2])('on a synthetic corpus (seed %i)', (seed) => {
  beforeAll(async () => {
    await loadSyntheticCorpus(driver(), database, seed);
  }, 120_000);

  it('gives the old path\'s counts and pages, with plain topics counted in the query', async () => {
    const tally = await assertAll();
    console.log(`seed ${seed}: ${JSON.stringify(tally)}`);
    expect(tally.topics).toBeGreaterThan(500);
    // Pairs with a non-member and dates before a membership have no common organisation.
    expect(tally.summarised).toBeGreaterThan(tally.compared / 4);
    expect(tally.plain).toBeGreaterThan(1000);
    // Every verdict came out of the query's own decision of exceptional topics (decision 0057), on pages crossing verdicts.
    expect(Object.values(tally.decided).filter((n) => n > 0)).toHaveLength(3);
    expect(tally.boundaries).toBe(2);
  }, 300_000);
});

describe('on the seeded graph', () => {
  beforeAll(async () => {
    await deleteGraph(driver(), database);
    await runSeed(driver(), { database, reset: true });
  }, 120_000);

  it('gives the old path\'s counts and pages', async () => {
    const tally = await assertAll();
    console.log(`seeded graph: ${JSON.stringify(tally)}`);
    expect(tally.topics).toBeGreaterThan(10);
    expect(tally.summarised).toBeGreaterThan(0);
    expect(tally.plain).toBeGreaterThan(0);
  }, 300_000);

  it('on issues where the organisation aims a stance at itself or at an asked member (the conflict rule), answers stay the old path\'s', async () => {
    const principal = { keyId: 'test-agreement', name: 'test agreement writer', scope: 'write' as const };
    const source = 'liputan6-2022-01-14-nrc';
    const base = { holder: 'nato', date: '2022-01-13', summary: [{ lang: 'en', text: 'A test stance.' }], evidence: ['stmt-dwi-allies-reject'] };
    await writeEntity(driver(), database, { section: 'stances', input: { ...base, id: 'test-agreement-self', kind: 'CRITICIZES', towards: 'nato', issues: ['arms-control'] }, source, principal });
    await writeEntity(driver(), database, { section: 'stances', input: { ...base, id: 'test-agreement-member', kind: 'WARNS', towards: 'germany', issues: ['diplomatic-missions'] }, source, principal });
    const tally: Tally = { compared: 0, topics: 0, summarised: 0, plain: 0, decided: {} };
    for (const ids of [['germany', 'france'], ['nato', 'germany'], ['france', 'united-kingdom'], ['nato', 'france', 'germany']]) {
      for (const asOf of ['2022-01-13', null]) await assertSame(ids, asOf, null, tally);
    }
    expect(tally.summarised).toBeGreaterThan(0);
  }, 300_000);
});
