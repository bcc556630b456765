/**
 * Positions counted and paged (issue 18, decision 0049) answer what the full list did: on
 * a synthetic corpus and on the seeded graph, for hub and other demands and issues (with
 * and without sub-issues), dates around membership changes, with and without inherited
 * positions and with attestation filters, the pages of cypher/read/positions-page.cypher
 * concatenated are the full read's positions (cypher/read/positions.cypher, filtered as
 * the resolver filtered them) in the documented order, with the same reasoning and
 * memberships, and `count`/`counts` are the full list's.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphReader, type Row } from '../../src/graph/graph-reader.js';
import { findPositionPage, findPositions, positionAttestation, positionReasoning, type Position, type PositionBasis } from '../../src/graph/positions.js';
import { deleteGraph } from '../../src/ingest/ingest-stream.js';
import { demandStatusFrom, demandStatusOf } from '../../src/graph/demand-status.js';
import { findDemandStatusParts } from '../../src/graph/demand-status-read.js';
import { defaultSeedsDir, runSeed } from '../../src/seed/run-seed.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';
import { loadSyntheticCorpus, restoreSeededGraph } from './corpus.js';

const driver = withTestDriver();
let database: string;

/** The test's own reads: sample targets and dates. */
const QUERIES: Record<string, string> = {
  // Demands with the most responses (hubs), a few others, and issues with the most demands and sub-issues.
  targets: `CALL () { MATCH (d:Demand) WITH d, COUNT { (d)<-[:RESPONDS_TO]-() } AS n RETURN d.id AS id, 'demand' AS kind, n ORDER BY n DESC, id LIMIT 4
    UNION MATCH (d:Demand) RETURN d.id AS id, 'demand' AS kind, 0 AS n ORDER BY id DESC LIMIT 2
    UNION MATCH (i:Issue) WITH i, COUNT { (i)<-[:SUBISSUE_OF]-() } * 100 + COUNT { (i)<-[:CONCERNS]-() } AS n RETURN i.id AS id, 'issue' AS kind, n ORDER BY n DESC, id LIMIT 3 }
    RETURN DISTINCT id, kind`,
  'sub-issues': `MATCH (s:Issue)-[:SUBISSUE_OF*0..10]->(:Issue {id: $id}) WITH s ORDER BY s.id
    WITH collect(DISTINCT s.id) AS ids RETURN [$id] + [x IN ids WHERE x <> $id] AS ids`,
  addressees: `MATCH (:Demand {id: $id})-[:ADDRESSED_TO]->(a:Actor) RETURN a.id AS id`,
  demands: `MATCH (d:Demand) RETURN d.id AS id ORDER BY id`,
  'membership-dates': `MATCH (ms:Membership) WITH ms ORDER BY ms.id LIMIT 3
    UNWIND [toString(ms.from), toString(ms.until)] AS date WITH date WHERE date IS NOT NULL RETURN DISTINCT date ORDER BY date`,
};

async function read(name: string, params: Record<string, unknown>): Promise<Row[]> {
  const res = await driver().executeQuery(QUERIES[name]!, params, { database, routing: 'READ' });
  return res.records.map((r) => r.toObject() as Row);
}

const reader = (): GraphReader => new GraphReader(driver(), database);

/** A record with its keys sorted, so two reads of one node compare equal. */
const canonical = (r: unknown): string => (r ? JSON.stringify(Object.fromEntries(Object.entries(r as object).sort(([a], [b]) => a.localeCompare(b)))) : 'null');

/** Everything a position shows: its target, basis, actor, kind, stance, membership, organisation and reasoning. */
const shown = (p: Position): string =>
  [p.target.id, p.basis, canonical(p.actor), p.kind, canonical(p.stance), canonical(p.via), p.org?.id ?? '', p.date, positionReasoning(p)].join(' | ');

/** The documented order (schema.graphql, PositionTable.positions) over the full list. */
function documentedOrder(list: Array<{ p: Position; target: number }>): Position[] {
  const inherited = (p: Position): number => Number(p.basis === 'INHERITED');
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...list]
    .sort((x, y) => {
      const [a, b] = [x.p, y.p];
      if (x.target !== y.target) return x.target - y.target;
      if (inherited(a) !== inherited(b)) return inherited(a) - inherited(b);
      if (!inherited(a)) return cmp(a.actor.id, b.actor.id) || cmp(a.basis, b.basis) || cmp(a.kind, b.kind) || cmp(a.stance?.id ?? '', b.stance?.id ?? '');
      return cmp(a.org!.id, b.org!.id) || cmp(a.kind, b.kind) || cmp(a.actor.id, b.actor.id) || cmp(a.via!.id, b.via!.id);
    })
    .map((x) => x.p);
}

/** The full list as the resolver built it before (one full read, then the attestation filter), in the documented order. */
async function fullList(targetIds: string[], asOf: string | null, includeDerived: boolean, attestation: string[] | null): Promise<Position[]> {
  const found = await findPositions(reader(), { targetIds, asOf, includeDerived });
  const all = targetIds.flatMap((id, target) => (found.get(id) ?? []).map((p) => ({ p, target })));
  const kept = attestation ? all.filter((x) => attestation.includes(positionAttestation(x.p) ?? '')) : all;
  return documentedOrder(kept);
}

/** Every page of `first` concatenated; checks each page's counts are the first's. */
async function paged(targetIds: string[], asOf: string | null, includeDerived: boolean, attestation: string[] | null, first: number, bases: PositionBasis[] | null = null) {
  const args = { targetIds, asOf, includeDerived, attestation, bases, first };
  const head = await findPositionPage(reader(), { ...args, offset: 0 });
  const positions = [...head.positions];
  for (let offset = first; ; offset += first) {
    const page = await findPositionPage(reader(), { ...args, offset });
    expect(page.count).toBe(head.count);
    if (page.positions.length === 0) break;
    expect(page.positions.length).toBeLessThanOrEqual(first);
    positions.push(...page.positions);
  }
  return { count: head.count, counts: head.counts, positions };
}

/** The counts of a list by basis then kind, as the table gives them. */
function countsOf(list: Position[]): Array<{ kind: string; basis: string; count: number }> {
  const by = new Map<string, number>();
  for (const p of list) by.set(`${p.basis}|${p.kind}`, (by.get(`${p.basis}|${p.kind}`) ?? 0) + 1);
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, count]) => ({ basis: k.split('|')[0]!, kind: k.split('|')[1]!, count }));
}

/** Dates around membership changes (a day before and on each), and a fixed spread. */
async function sampleDates(): Promise<Array<string | null>> {
  const changes = (await read('membership-dates', {})).map((r) => r.date as string);
  const around = changes.flatMap((d) => [new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), d]);
  return [null, '2001-06', '2012-03-15', ...around];
}

const ATTESTATIONS: Array<string[] | null> = [null, ['OWN_WORDS'], ['INHERITED', 'DEMAND']];

/** Demand.status from the counts read (decision 0054) equals the status from the full list the loader gave (demandStatusOf). */
async function assertStatusEqual(id: string, asOf: string | null): Promise<void> {
  const addressees = (await read('addressees', { id })).map((r) => r.id as string);
  const full = (await findPositions(reader(), { targetIds: [id], asOf, includeDerived: true })).get(id) ?? [];
  const parts = (await findDemandStatusParts(reader(), { demandIds: [id], asOf })).get(id)!;
  expect(demandStatusFrom(parts, addressees), `status of ${id} as of ${asOf ?? 'today'}`).toEqual(demandStatusOf(full, addressees));
}

/** Compares pages with the full list over the sample; returns how many positions were compared and how many were inherited. */
async function assertPagesEqualFullList(): Promise<{ compared: number; inherited: number; multiTarget: number }> {
  const dates = await sampleDates();
  let compared = 0;
  let inherited = 0;
  let multiTarget = 0;
  for (const { id, kind } of await read('targets', {})) {
    const sets: string[][] = [[id as string]];
    if (kind === 'issue') sets.push((await read('sub-issues', { id }))[0]!.ids as string[]);
    for (const targetIds of sets) {
      if (targetIds.length > 1) multiTarget++;
      for (const asOf of dates) {
        for (const includeDerived of [true, false]) {
          for (const attestation of includeDerived ? ATTESTATIONS : [null]) {
            const what = `positions on ${targetIds.join('+')} as of ${asOf ?? 'today'}, derived ${includeDerived}, attestation ${attestation?.join(',') ?? 'any'}`;
            const full = await fullList(targetIds, asOf, includeDerived, attestation);
            // Small pages cross every block boundary; on a hub's hundreds of positions, pages of 97 do (fewer reads).
            const got = await paged(targetIds, asOf, includeDerived, attestation, full.length > 150 ? 97 : 7);
            expect(got.positions.map(shown), what).toEqual(full.map(shown));
            expect(got.count, what).toBe(full.length);
            expect(got.counts, what).toEqual(countsOf(full));
            if (kind === 'demand' && includeDerived && attestation === null) await assertStatusEqual(id as string, asOf);
            compared += full.length;
            inherited += full.filter((p) => p.basis === 'INHERITED').length;
          }
        }
      }
    }
  }
  return { compared, inherited, multiTarget };
}

/** A page of one basis is that basis's part of the full list, in order, with the same counts as without it. */
async function assertBasisPages(): Promise<number> {
  let compared = 0;
  for (const { id } of (await read('targets', {})).slice(0, 3)) {
    const full = await fullList([id as string], null, true, null);
    for (const bases of [['INHERITED'], ['DEMANDED', 'STATED']] as PositionBasis[][]) {
      const got = await paged([id as string], null, true, null, 5, bases);
      expect(got.positions.map(shown)).toEqual(full.filter((p) => bases.includes(p.basis)).map(shown));
      expect(got.count).toBe(full.length);
      compared += got.positions.length;
    }
  }
  return compared;
}

beforeAll(() => {
  database = testDatabase();
});

afterAll(async () => {
  await runSeed(driver(), { database, reset: true });
});

describe('on a synthetic corpus (seed 1), ingested in batches', () => {
  beforeAll(async () => {
    await loadSyntheticCorpus(driver(), database, 1);
  }, 120_000);

  it('pages of 7 (97 on hubs) concatenated are the full list, in order, and the counts are its counts', async () => {
    const { compared, inherited } = await assertPagesEqualFullList();
    expect(compared).toBeGreaterThan(1000);
    expect(inherited).toBeGreaterThan(500);
  }, 300_000);

  it('pages of one basis are that basis of the full list', async () => {
    expect(await assertBasisPages()).toBeGreaterThan(50);
  }, 120_000);
});

describe('on the seeded graph', () => {
  beforeAll(async () => {
    await deleteGraph(driver(), database);
    await runSeed(driver(), { database, reset: true });
  }, 120_000);

  it('pages concatenated are the full list, issues with their sub-issues too, and the counts are its counts', async () => {
    const { compared, inherited, multiTarget } = await assertPagesEqualFullList();
    expect(compared).toBeGreaterThan(100);
    expect(inherited).toBeGreaterThan(50);
    expect(multiTarget).toBeGreaterThan(0);
    expect(await assertBasisPages()).toBeGreaterThan(10);
    for (const { id } of await read('demands', {})) for (const asOf of [null, '2022-01-12', '2021-12-17']) await assertStatusEqual(id as string, asOf);
  }, 300_000);
});

describe('after a seed load changes memberships (decision 0054: counts from the derived membership dates)', () => {
  const MEMBERS = path.join('reference', 'nato-members.yaml');
  const stopEnlargement = 'demand-nato-stop-enlargement';
  let dir: string;

  /** The seeds with NATO's memberships edited, loaded over the seeded graph (an incremental load, not a reset). */
  async function loadEdited(edit: (text: string) => string): Promise<void> {
    const file = path.join(dir, MEMBERS);
    const text = await readFile(path.join(defaultSeedsDir, MEMBERS), 'utf8');
    const changed = edit(text);
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
    await runSeed(driver(), { database, paths: [dir] });
  }

  const inherited = async (asOf: string): Promise<number> =>
    (await findPositionPage(reader(), { targetIds: [stopEnlargement], asOf, includeDerived: true, attestation: null, bases: null, offset: 0, first: 0 })).counts
      .filter((c) => c.basis === 'INHERITED')
      .reduce((n, c) => n + c.count, 0);

  beforeAll(async () => {
    await deleteGraph(driver(), database);
    await runSeed(driver(), { database, reset: true });
    dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-memberships-'));
    await cp(defaultSeedsDir, dir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('follows a membership that ends, one that starts later, and the day each changes, equal to the full list', async () => {
    expect(await inherited('2022-01-12')).toBe(30);
    // Canada's membership ends on the day asked (still valid), France's starts the day after.
    await loadEdited((t) =>
      t
        .replace('{ id: canada-in-nato, member: canada, organization: nato, from: 1949-08-24,', '{ id: canada-in-nato, member: canada, organization: nato, from: 1949-08-24, until: 2022-01-12,')
        .replace('{ id: france-in-nato, member: france, organization: nato, from: 1949-08-24,', '{ id: france-in-nato, member: france, organization: nato, from: 2022-01-13,'),
    );
    expect(await inherited('2022-01-12')).toBe(29);
    expect(await inherited('2022-01-13')).toBe(29); // Canada gone, France in
    expect(await inherited('2022-01')).toBe(29); // the last day of the month: the same
    let full = await fullList([stopEnlargement], '2022-01-12', true, null);
    expect(full.filter((p) => p.basis === 'INHERITED')).toHaveLength(29);
    // Canada's membership now ends the day before: one fewer on the day asked.
    await loadEdited((t) =>
      t
        .replace('{ id: canada-in-nato, member: canada, organization: nato, from: 1949-08-24,', '{ id: canada-in-nato, member: canada, organization: nato, from: 1949-08-24, until: 2022-01-11,')
        .replace('{ id: france-in-nato, member: france, organization: nato, from: 1949-08-24,', '{ id: france-in-nato, member: france, organization: nato, from: 2022-01-13,'),
    );
    expect(await inherited('2022-01-11')).toBe(0); // NATO's stance is of 2022-01-12: nothing to inherit before
    expect(await inherited('2022-01-12')).toBe(28);
    full = await fullList([stopEnlargement], '2022-01-12', true, null);
    expect(full.filter((p) => p.basis === 'INHERITED')).toHaveLength(28);
    for (const asOf of ['2022-01-11', '2022-01-12', '2022-01-13', null]) {
      const want = await fullList([stopEnlargement], asOf, true, null);
      const got = await paged([stopEnlargement], asOf, true, null, 7);
      expect(got.positions.map(shown), `as of ${asOf ?? 'today'}`).toEqual(want.map(shown));
      expect(got.counts, `as of ${asOf ?? 'today'}`).toEqual(countsOf(want));
    }
    // Back to the curated file: the counts follow again.
    await runSeed(driver(), { database, paths: [defaultSeedsDir] });
    expect(await inherited('2022-01-12')).toBe(30);
  }, 300_000);
});
