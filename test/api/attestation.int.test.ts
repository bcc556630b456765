/**
 * Issue 16 through the HTTP API over the seeded Neo4j (decision 0041): whose words a
 * position rests on, one status for demands of one substance, and what a member that
 * joined NATO later inherits.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { writeEntity } from '../../src/write/write-entity.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { failFastDriverOptions, postGraphql, startTestServer, testConfig, type TestServer } from '../server/harness.js';
import { exampleOperation } from './example-operations.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

let driver: Driver;
let api: TestServer;

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: testDatabase() }), driver });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(api.url, { query, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data;
}

const POSITIONS = `query($demandId: ID, $issueId: ID, $asOf: Date, $attestation: [Attestation!], $includeDerived: Boolean) {
  positions(demandId: $demandId, issueId: $issueId, asOf: $asOf, attestation: $attestation, includeDerived: $includeDerived) {
    positions { actor { id } kind basis attestation attestedBy { id } reasoning stance { id } }
  }
}`;

describe('attestation: whose words a position rests on', () => {
  it("shows Russia's openness to arms-control dialogue as NATO's account, and NATO's own as its own words", async () => {
    const data = await run(POSITIONS, { issueId: 'arms-control', asOf: '2022-01-12', includeDerived: false });
    const russia = data.positions.positions.find((p: Json) => p.actor.id === 'russia');
    expect(russia).toMatchObject({ kind: 'OPEN_TO', basis: 'STATED', attestation: 'ACCOUNT', attestedBy: { id: 'nato' } });
    const nato = data.positions.positions.find((p: Json) => p.actor.id === 'nato');
    expect(nato).toMatchObject({ kind: 'OPEN_TO', attestation: 'OWN_WORDS', attestedBy: { id: 'nato' } });
    const stance = await run(`{ node(id: "stance-russia-open-to-arms-control-dialogue") { ... on Stance { attestation attestedBy { id } } } }`);
    expect(stance.node).toEqual({ attestation: 'ACCOUNT', attestedBy: { id: 'nato' } });
  });

  it('refuses a write that leaves a stance resting only on an analysis, and changes nothing', async () => {
    const principal = { keyId: 'test-attestation', name: 'test attestation writer', scope: 'write' as const };
    const stance = {
      id: 'test-analysis-only-stance', holder: 'nato', kind: 'OPEN_TO', date: '2022-01-12', issues: ['diplomatic-missions'],
      summary: { en: 'NATO is willing to re-establish the missions.' }, evidence: ['stmt-sherwin-positive-sign-for-russia'],
    };
    await expect(writeEntity(driver, testDatabase(), { section: 'stances', input: stance, source: 'liputan6-2022-01-14-nrc', principal })).rejects.toThrow(/ANALYSIS/);
    const after = await postGraphql(api.url, { query: `{ node(id: "test-analysis-only-stance") { id } }` });
    expect(after.body.data?.node).toBeNull();
  });

  it('keeps only own words when asked: the example operation leaves Russia out', async () => {
    const data = await run(exampleOperation('4-positions-own-words').query);
    const holders = data.positions.positions.map((p: Json) => [p.actor.id, p.attestation]);
    expect(holders).toEqual([['nato', 'OWN_WORDS']]);
    expect(data.positions.positions[0].evidence.map((e: Json) => e.speaker.label)).toEqual(['Jens Stoltenberg']);
  });

  it('marks inherited and demanded positions so, and filters by them', async () => {
    const data = await run(POSITIONS, { demandId: 'demand-nato-stop-enlargement', asOf: '2022-01-12' });
    const byActor = (id: string) => data.positions.positions.find((p: Json) => p.actor.id === id);
    expect(byActor('russia')).toMatchObject({ basis: 'DEMANDED', attestation: 'DEMAND', attestedBy: { id: 'russia' } });
    expect(byActor('germany')).toMatchObject({ basis: 'INHERITED', attestation: 'INHERITED', attestedBy: { id: 'nato' } });
    // The allies' rejection rests on DW Indonesia's report ("Sekutu NATO menolak tuntutan itu"): an account, not NATO's words.
    expect(byActor('nato')).toMatchObject({ basis: 'STATED', attestation: 'ACCOUNT', attestedBy: { id: 'dw-indonesia' } });
    const own = await run(POSITIONS, { demandId: 'demand-nato-stop-enlargement', asOf: '2022-01-12', attestation: ['OWN_WORDS'] });
    expect(own.positions.positions).toEqual([]);
    const inherited = await run(POSITIONS, { demandId: 'demand-nato-stop-enlargement', asOf: '2022-01-12', attestation: ['INHERITED'] });
    expect(inherited.positions.positions).toHaveLength(30);
  });

  it('compares only own words in an agreement when asked', async () => {
    const query = `query($attestation: [Attestation!]) { agreement(actorIds: ["russia", "nato"], asOf: "2022-01-12", attestation: $attestation) {
      topics { topic { id } verdict positions { actor { id } attestation } } } }`;
    const all = await run(query);
    const topicIds = (d: Json) => d.agreement.topics.map((t: Json) => t.topic.id);
    expect(topicIds(all)).toContain('arms-control');
    const own = await run(query, { attestation: ['OWN_WORDS'] });
    expect(topicIds(own)).not.toContain('arms-control');
    for (const p of own.agreement.topics.flatMap((t: Json) => t.positions)) expect(p.attestation).toBe('OWN_WORDS');
  });
});

describe('one demand, one status', () => {
  it('gives demands of one substance one status as of 2022-01-31: never REJECTED beside OPEN', async () => {
    const data = await run(`{ demands(first: 200) { edges { node { id summary specifies { id } status(asOf: "2022-01-31") { state from { id } } } } } }`);
    const demands = data.demands.edges.map((e: Json) => e.node) as Json[];
    expect(demands.map((d) => d.id)).not.toContain('demand-nato-no-eastward-expansion-guarantee');
    const byId = new Map(demands.map((d) => [d.id, d]));
    expect(byId.get('demand-nato-stop-enlargement').status).toEqual({ state: 'REJECTED', from: null });
    expect(byId.get('demand-nato-keep-ukraine-out')).toMatchObject({
      specifies: { id: 'demand-nato-stop-enlargement' },
      status: { state: 'REJECTED', from: { id: 'demand-nato-stop-enlargement' } },
    });
    for (const d of demands.filter((x) => x.specifies)) {
      const states = new Set([d.status.state, byId.get(d.specifies.id).status.state]);
      expect(states.has('REJECTED') && states.has('OPEN'), `${d.id} and ${d.specifies.id}`).toBe(false);
    }
  });

  it('keeps both wordings of the merged demand as its evidence', async () => {
    const data = await run(`{ demand(id: "demand-nato-stop-enlargement") { evidence { id text language } specifiedBy { id } } }`);
    expect(data.demand.evidence.map((e: Json) => e.id)).toContain('stmt-dwi-moscow-guarantees');
    expect(data.demand.evidence.find((e: Json) => e.id === 'stmt-dwi-moscow-guarantees').text).toMatch(/memperluas/);
    expect(data.demand.specifiedBy).toEqual([{ id: 'demand-nato-keep-ukraine-out' }]);
  });
});

describe("NATO's members now and what a later member inherits", () => {
  it('inherits for Finland as of 2024-06-01 the rejection NATO took before Finland joined, and nothing as of 2022-06-01', async () => {
    const finland = async (asOf: string) =>
      (await run(POSITIONS, { demandId: 'demand-nato-stop-enlargement', asOf })).positions.positions.filter((p: Json) => p.actor.id === 'finland');
    const [late] = await finland('2024-06-01');
    expect(late).toMatchObject({ kind: 'REJECTS', basis: 'INHERITED', attestation: 'INHERITED', stance: { id: 'stance-nato-rejects-stop-enlargement' } });
    expect(late.reasoning).toMatch(/taken before Finland joined on 2023-04-04/);
    expect(await finland('2022-06-01')).toEqual([]);
  });

  it('shows 32 members inheriting on the default date (today), each membership sourced', async () => {
    const data = await run(`{ positions(demandId: "demand-nato-stop-enlargement") { positions { actor { id } basis } } }`);
    expect(data.positions.positions.filter((p: Json) => p.basis === 'INHERITED')).toHaveLength(32);
    const members = await run(`{ actor(id: "nato") { members { member { id } from { iso } sources { id url } } } }`);
    expect(members.actor.members).toHaveLength(32);
    const sweden = members.actor.members.find((m: Json) => m.member.id === 'sweden');
    expect(sweden.from.iso).toBe('2024-03-07');
    // Besides the file's source (NATO's member list, not in the reference corpus), a page that dates the membership.
    for (const m of members.actor.members) expect(m.sources.some((s: Json) => s.id !== 'nato-member-countries' && s.url), m.member.id).toBe(true);
  });
});
