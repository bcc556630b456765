import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlain } from '../../src/neo4j/values.js';
import { countBy } from '../../src/seed/plan-graph.js';
import { LoadIntegrityError } from '../../src/seed/load-graph.js';
import { defaultSeedsDir, prepareSeeds, runSeed } from '../../src/seed/run-seed.js';
import { neo4jEnv, openTestDriver, testDatabase } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);
const NRC = 'nrc-2022-01-12.yaml';
let driver: Driver;
let database: string;

/** Every node and relationship with its properties, canonically ordered: the whole graph as text. */
async function snapshot(): Promise<string> {
  const nodes = await driver.executeQuery(
    'MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id + "|" + type(r) + "|" + b.id AS k, properties(r) AS props ORDER BY k',
    {},
    { database },
  );
  const canon = (v: unknown) => JSON.stringify(toPlain(v), (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
  return [...nodes.records.map((r) => canon(r.toObject())), ...rels.records.map((r) => canon(r.toObject()))].join('\n');
}

async function countsByLabel(): Promise<Record<string, number>> {
  const res = await driver.executeQuery(
    "MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS n",
    {},
    { database },
  );
  return Object.fromEntries(res.records.map((r) => [r.get('label'), toPlain(r.get('n'))]));
}

/** A copy of seeds/ in a temp folder, with `edit` applied to the report file. */
async function seedsCopy(edit?: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-seeds-'));
  await cp(defaultSeedsDir, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, NRC);
    const text = await readFile(file, 'utf8');
    const changed = edit(text);
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
  }
  return dir;
}

async function seedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/seed.ts', ...args], { env: childEnv(neo4jEnv()) });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  driver = openTestDriver();
  database = testDatabase();
  await runSeed(driver, { database, reset: true });
});

afterAll(async () => {
  await runSeed(driver, { database, reset: true });
  await driver.close();
});

describe('seeding the graph', () => {
  it('loads every node of the files, label by label', async () => {
    const { plan } = await prepareSeeds(undefined);
    expect(await countsByLabel()).toEqual(countBy(plan.nodes, (n) => n.label));
    const rels = await driver.executeQuery('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n', {}, { database });
    expect(toPlain(rels.records[0]!.get('n'))).toBe(plan.rels.length);
  });

  it('changes nothing on a second run: same counts, same properties', async () => {
    const before = await snapshot();
    const { summary } = await runSeed(driver, { database });
    expect(summary.totals.nodes.created + summary.totals.nodes.updated + summary.totals.nodes.deleted).toBe(0);
    expect(summary.totals.relationships.created + summary.totals.relationships.updated + summary.totals.relationships.deleted).toBe(0);
    expect(summary.totals.nodes.unchanged).toBeGreaterThan(100);
    expect(await snapshot()).toBe(before);
  });

  it('updates a changed fact and removes a fact deleted from its file', async () => {
    const dir = await seedsCopy((t) =>
      t
        .replace(/(- id: stance-russia-offers-de-escalation\n)/, '$1    # edited by the test\n')
        .replace(/  - id: stance-russia-accuses-nato-of-ignoring-de-escalation\n[\s\S]*?(?=\n  - id: |\nevents:)/, '')
        .replace(/(- id: jens-stoltenberg\n(?:    .*\n)*?    name: )(.*)/, '$1{ en: Jens Stoltenberg (edited) }'),
    );
    try {
      const { summary } = await runSeed(driver, { database, paths: [dir] });
      expect(summary.nodes.Stance?.deleted).toBe(1);
      expect(summary.nodes.Actor?.updated).toBe(1);
      const gone = await driver.executeQuery("MATCH (s:Stance {id: 'stance-russia-accuses-nato-of-ignoring-de-escalation'}) RETURN count(s) AS n", {}, { database });
      expect(toPlain(gone.records[0]!.get('n'))).toBe(0);
      const orphans = await driver.executeQuery("MATCH ()-[r {key: 'TOOK|russia|stance-russia-accuses-nato-of-ignoring-de-escalation'}]->() RETURN count(r) AS n", {}, { database });
      expect(toPlain(orphans.records[0]!.get('n'))).toBe(0);
      const renamed = await driver.executeQuery("MATCH (a:Actor {id: 'jens-stoltenberg'}) RETURN a.name AS name", {}, { database });
      expect(renamed.records[0]!.get('name')).toBe('Jens Stoltenberg (edited)');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await runSeed(driver, { database });
    }
  });

  it('rolls back a load whose relationships would miss an endpoint', async () => {
    const before = await snapshot();
    // The report's file refers to NATO's members, defined in reference/: loaded alone into an empty graph it cannot link them.
    await expect(runSeed(driver, { database, reset: true, paths: [path.join(defaultSeedsDir, NRC)] })).rejects.toThrow(LoadIntegrityError);
    expect(await snapshot()).toBe(before);
  });
});

describe('facts an analyst checks', () => {
  it("Russia demands that NATO stop enlarging, and the NATO allies reject it in a dated, sourced stance", async () => {
    const res = await driver.executeQuery(
      `MATCH (russia:Actor {id: 'russia'})-[:MADE_DEMAND]->(d:Demand)-[:ADDRESSED_TO]->(nato:Actor {id: 'nato'})
       MATCH (d)-[:CONCERNS]->(:Issue {id: 'nato-enlargement'})
       MATCH (nato)-[:TOOK]->(s:Stance {kind: 'REJECTS'})-[:RESPONDS_TO]->(d)
       MATCH (s)-[:SOURCED_FROM]->(src:Source)
       MATCH (s)-[:EVIDENCED_BY]->(q:Statement)
       RETURN d.id AS demand, d.summary AS summary, s.date AS date, s.datePrecision AS precision, s.cameoCode AS cameo,
              collect(DISTINCT src.id) AS sources, collect(DISTINCT q.text) AS quotes`,
      {},
      { database },
    );
    const rows = res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    const stop = rows.find((r) => r.demand === 'demand-nato-stop-enlargement');
    expect(stop).toBeDefined();
    expect(stop!.date).toBe('2022-01-12');
    expect(stop!.precision).toBe('DAY');
    expect(String(stop!.cameo)).toMatch(/^12/);
    expect(stop!.sources).toContain('liputan6-2022-01-14-nrc');
    expect((stop!.quotes as string[]).join(' ')).toMatch(/menolak/);
  });

  it("Fomin's statement reached the report through Interfax", async () => {
    const res = await driver.executeQuery(
      `MATCH (:Actor {id: 'alexander-fomin'})-[:SAID]->(s:Statement)-[v:RELAYED_BY]->(src:Source)-[:PUBLISHED_BY]->(agency:Actor)
       MATCH (s)-[:REPORTED_IN]->(report:Source)
       RETURN s.text AS text, v.hop AS hop, agency.id AS agency, report.id AS report`,
      {},
      { database },
    );
    const rows = res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    expect(rows).toContainEqual(expect.objectContaining({ agency: 'interfax', hop: 1, report: 'liputan6-2022-01-14-nrc' }));
  });

  it('knows Germany has been a NATO member since 1955', async () => {
    const res = await driver.executeQuery(
      `MATCH (:Actor {id: 'germany'})-[:HAS_MEMBERSHIP]->(m:Membership)-[:MEMBERSHIP_IN]->(:Actor {id: 'nato'}) RETURN m.from AS from`,
      {},
      { database },
    );
    expect(String(toPlain(res.records[0]?.get('from')))).toMatch(/^1955-05/);
  });

  it('has 30 NATO members in January 2022', async () => {
    const res = await driver.executeQuery(
      `MATCH (:Actor {id: 'nato'})<-[:MEMBERSHIP_IN]-(m:Membership) WHERE m.from <= date('2022-01-12') AND (m.until IS NULL OR m.until > date('2022-01-12')) RETURN count(m) AS n`,
      {},
      { database },
    );
    expect(toPlain(res.records[0]!.get('n'))).toBe(30);
  });
});

describe('rejecting bad seed files', () => {
  const cases: Array<[string, (t: string) => string, RegExp]> = [
    ['malformed YAML', (t) => t.replace('  - id: jens-stoltenberg\n', '  - id: [jens-stoltenberg\n'), /nrc-2022-01-12\.yaml:\d+:\d+: YAML syntax: /],
    ['a duplicate id', (t) => t.replace('  - id: emily-sherwin\n', '  - id: jens-stoltenberg\n'), /nrc-2022-01-12\.yaml:\d+:\d+ actors\[\d+\]\.id: duplicate id "jens-stoltenberg": already defined as actor at /],
    ['a dangling reference', (t) => t.replace(/speaker: alexander-fomin/, 'speaker: alexander-fomn'), /nrc-2022-01-12\.yaml:\d+:\d+ statements\[\d+\]\.speaker: unknown actor "alexander-fomn"/],
    ['an unknown enum value', (t) => t.replace(/(- id: stance-nato-rejects-stop-enlargement\n(?:    .*\n)*?    kind: )REJECTS/, '$1REFUSES'), /nrc-2022-01-12\.yaml:\d+:\d+ stances\[\d+\]\.kind: "REFUSES" is not one of REJECTS, /],
    ['a bad date', (t) => t.replace(/(- id: nrc-meeting-2022-01-12\n(?:    .*\n)*?    date: )2022-01-12/, '$12022-02-30'), /nrc-2022-01-12\.yaml:\d+:\d+ events\[\d+\]\.date: not a valid date/],
    ['a statement without source', (t) => t.replace(/(- id: stmt-grushko-expansion\n(?:    .*\n)*?)    source: [a-z0-9-]+\n/, '$1'), /nrc-2022-01-12\.yaml:\d+:\d+ statements\[\d+\]\.source: required field is missing/],
    ['a stance without evidence', (t) => t.replace(/(- id: stance-russia-offers-de-escalation\n(?:    .*\n)*?    evidence:)(?: \[.*\]|(?:\n      - .*)+)/, '$1 []'), /nrc-2022-01-12\.yaml:\d+:\d+ stances\[\d+\]\.evidence: a stance needs at least one evidence statement/],
    ['a value of the wrong type', (t) => t.replace(/durationMinutes: 240/, 'durationMinutes: four hours'), /nrc-2022-01-12\.yaml:\d+:\d+ events\[\d+\]\.durationMinutes: /],
  ];
  for (const [name, edit, message] of cases) {
    it(`rejects ${name} with file:line:col path, exit code 3, and writes nothing`, async () => {
      const dir = await seedsCopy(edit);
      try {
        const before = await snapshot();
        const result = await seedCli([dir]);
        expect(result.code).toBe(3);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toContain('Nothing was written.');
        expect(await snapshot()).toBe(before);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('tells usage errors apart: --reset without --yes exits 2', async () => {
    const result = await seedCli(['--reset']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--yes/);
  });
});
