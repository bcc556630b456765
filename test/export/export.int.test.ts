/**
 * Export round trips: the graph exported as seed files and loaded into an emptied
 * database by the normal seed loader is the same graph, node for node and property for
 * property; API-written facts come back as part of their source's file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Principal } from '../../src/auth/principal.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { toPlain } from '../../src/neo4j/values.js';
import { prepareSeeds, runSeed } from '../../src/seed/run-seed.js';
import { writeEntity } from '../../src/write/write-entity.js';
import { neo4jEnv, testConnection, testDatabase } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);
const SOURCE = 'liputan6-2022-01-14-nrc';
const principal: Principal = { keyId: '0123456789ab', name: 'test exporter', scope: 'write' };
let driver: Driver;
let database: string;
const dirs: string[] = [];

/** Every node and relationship with its properties, canonically ordered; `api:` origins read as their file. */
async function snapshot(normalizeApiOrigins = false): Promise<string[]> {
  const nodes = await driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id', {}, { database });
  const rels = await driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id + "|" + type(r) + "|" + b.id AS k, properties(r) AS props ORDER BY k',
    {},
    { database },
  );
  const canon = (v: unknown) =>
    JSON.stringify(toPlain(v), (k, x: unknown) => {
      if (normalizeApiOrigins && k === 'origin' && typeof x === 'string') return x.replace(/^api:/, '');
      return x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort()) : x;
    });
  return [...nodes.records.map((r) => canon(r.toObject())), ...rels.records.map((r) => canon(r.toObject()))];
}

async function exportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/export.ts', ...args], { env: childEnv(neo4jEnv()), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-export-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  driver = openDriver(testConnection());
  database = testDatabase();
  await runSeed(driver, { database, reset: true });
});

afterAll(async () => {
  await runSeed(driver, { database, reset: true });
  await driver.executeQuery("MATCH (c:Change {keyName: 'test exporter'}) DETACH DELETE c", {}, { database });
  await driver.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The files an export of the seeded graph writes: one per seed file, named by its source's id. */
async function seededFileNames(): Promise<string[]> {
  return (await prepareSeeds(undefined)).plan.origins.map((o) => `${o}.yaml`).sort();
}

describe('export', () => {
  it('round-trips the seeded graph exactly: export all, load into an emptied database, same graph', async () => {
    const before = await snapshot();
    const dir = await tempDir();
    const res = await exportCli(['--out', dir]);
    expect(res.code, res.stderr).toBe(0);
    // One file per seed file's source: the first report, the reference data, each page's file (seeds/nrc-2022-01-12/).
    expect((await readdir(dir)).sort()).toEqual(await seededFileNames());
    // A page's reports come back in the page's file, naming facts another file owns.
    const page = parse(await readFile(path.join(dir, 'serambinews-2022-01-13-nrc.yaml'), 'utf8')) as { reports?: Array<Record<string, unknown>> };
    expect(page.reports?.find((r) => r.id === 'rep-serambi-stoltenberg-differences')).toMatchObject({
      of: 'stmt-stoltenberg-differences', source: 'serambinews-2022-01-13-nrc', via: ['nyt-2022-01-12-nrc'], mode: 'DIRECT_QUOTE',
      text: 'Perbedaan kami tidak akan mudah untuk dijembatani,', language: 'id', speaker: 'jens-stoltenberg',
    });
    // Claims come back in the claiming page's file, and the groups the report marks outside in its own (docs/decisions/0043).
    const tass = parse(await readFile(path.join(dir, 'tass-2022-01-12-heart-to-heart.yaml'), 'utf8')) as { claims?: Array<Record<string, unknown>> };
    expect(tass.claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ of: 'nrc-meeting-2022-01-12', group: 'duration', value: 240, qualifier: 'EXACT', source: 'tass-2022-01-12-heart-to-heart' }),
        expect.objectContaining({ of: 'nrc-meeting-2022-01-12', group: 'participants', value: 'wendy-sherman', role: 'PARTICIPANT' }),
      ]),
    );
    const report = parse(await readFile(path.join(dir, `${SOURCE}.yaml`), 'utf8')) as { outside?: Array<Record<string, unknown>> };
    expect(report.outside).toEqual(
      expect.arrayContaining([
        { of: 'russia-us-talks-geneva-2022-01-10', group: 'place' },
        { of: 'nrc-meeting-2022-01-12', group: 'participants', items: ['alexander-fomin', 'alexander-grushko', 'jens-stoltenberg', 'wendy-sherman'] },
      ]),
    );
    const { summary } = await runSeed(driver, { database, reset: true, paths: [dir] });
    expect(summary.totals.nodes.created).toBe(before.filter((l) => l.includes('"labels"')).length);
    const after = await snapshot();
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
  });

  it('round-trips API-written facts, which come back as part of their source file', async () => {
    await runSeed(driver, { database, reset: true });
    const w = (section: Parameters<typeof writeEntity>[2]['section'], input: Record<string, unknown>, source?: string) =>
      writeEntity(driver, database, { section, input, source: source ?? null, principal });
    await w('sources', { id: 'test-export-wire', kind: 'NEWS_AGENCY_REPORT', title: [{ lang: 'en', text: 'A wire report' }, { lang: 'pt-BR', text: 'Um relatório' }], language: 'en', publisher: 'interfax', published: '2022-01-13' });
    await w('actors', { id: 'test-export-envoy', kind: 'PERSON', name: [{ lang: 'ru', text: 'Посланник' }], aliases: ['The envoy', "x'}) DETACH DELETE n //"] }, 'test-export-wire');
    await w('statements', {
      id: 'stmt-test-export-envoy',
      speaker: 'test-export-envoy',
      onBehalfOf: 'russia',
      mode: 'DIRECT_QUOTE',
      text: 'We will talk again.',
      language: 'en',
      gloss: 'We will talk again.',
      said: '2022-01',
      source: 'test-export-wire',
      via: ['interfax-2022-01-fomin', 'dw-indonesia-2022-01-nrc'],
      mentions: ['nato', 'germany'],
    });
    await w('stances', { id: 'stance-test-export', holder: 'russia', kind: 'OPEN_TO', date: '2022-01', towards: 'nato', summary: [{ lang: 'en', text: 'Open to talks.' }], evidence: ['stmt-test-export-envoy'], cameoCode: '032' }, 'dw-indonesia-2022-01-nrc');
    await w('demands', { id: 'demand-test-export', by: ['russia'], of: ['nato', 'germany'], summary: [{ lang: 'en', text: 'Talk again.' }, { lang: 'id', text: 'Bicara lagi.' }], since: 2022, evidence: ['stmt-test-export-envoy'] }, SOURCE);
    await w('events', {
      id: 'test-export-talks',
      kind: 'TALKS',
      name: [{ lang: 'en', text: 'Further talks' }],
      date: '2022-02',
      approximate: true,
      durationMinutes: 90,
      participants: [{ actor: 'russia' }, { actor: 'nato', role: 'HOST' }],
      previous: 'nrc-meeting-2022-01-12',
      status: 'CLAIMED',
      claimedBy: ['russia'],
      evidence: ['stmt-test-export-envoy'],
    }, 'test-export-wire');
    // A statement of the report's file that names the envoy, then a correction that no longer does:
    // the report's derived MENTIONS of the envoy comes and goes with it.
    const mentionsEnvoy = () => driver.executeQuery(`MATCH (:Source {id: '${SOURCE}'})-[m:MENTIONS]->(:Actor {id: 'test-export-envoy'}) RETURN count(m) AS n`, {}, { database });
    const aside = { id: 'stmt-test-export-aside', speaker: 'dw-indonesia', mode: 'REPORTED', text: 'Seorang utusan hadir.', language: 'id', gloss: 'An envoy attended.', said: '2022-01-14', source: SOURCE, mentions: ['test-export-envoy'] };
    expect((await w('statements', aside)).outcome).toBe('CREATED');
    expect(toPlain((await mentionsEnvoy()).records[0]!.get('n'))).toBe(1);
    const { mentions: _m, ...asideWithoutMentions } = aside;
    expect((await w('statements', asideWithoutMentions)).outcome).toBe('UPDATED');
    expect(toPlain((await mentionsEnvoy()).records[0]!.get('n'))).toBe(0);
    const before = await snapshot(true);

    const dir = await tempDir();
    const res = await exportCli(['--out', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([...(await seededFileNames()), 'test-export-wire.yaml'].sort());
    const wire = parse(await readFile(path.join(dir, 'test-export-wire.yaml'), 'utf8')) as Record<string, Array<{ id: string }>>;
    expect(wire['statements']?.map((s) => s.id)).toEqual(['stmt-test-export-envoy']);
    const report = parse(await readFile(path.join(dir, `${SOURCE}.yaml`), 'utf8')) as Record<string, Array<Record<string, unknown>>>;
    // A stance taken from a document listed in the report's file belongs to the report's file, sourced from that document.
    expect(report['stances']?.find((s) => s.id === 'stance-test-export')).toMatchObject({ sources: ['dw-indonesia-2022-01-nrc'], date: '2022-01', cameoCode: '032' });

    await runSeed(driver, { database, reset: true, paths: [dir] });
    expect(await snapshot(true)).toEqual(before);
    // Loaded from files, the facts now belong to the files: their origin is the plain source id.
    const origin = await driver.executeQuery("MATCH (s:Stance {id: 'stance-test-export'}) RETURN s.origin AS o", {}, { database });
    expect(origin.records[0]?.get('o')).toBe(SOURCE);
  });

  it('exports one source as YAML or JSON, and names a source that is not a file of its own', async () => {
    const yaml = await exportCli(['--source', 'nato-member-countries']);
    expect(yaml.code, yaml.stderr).toBe(0);
    const seed = parse(yaml.stdout) as { source: { id: string }; memberships: unknown[] };
    expect(seed.source.id).toBe('nato-member-countries');
    expect(seed.memberships.length).toBeGreaterThanOrEqual(30);

    const json = await exportCli(['--source', SOURCE, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { format: string; files: Array<{ source: string; seed: { stances: Array<{ id: string; evidence: string[] }> } }> };
    expect(doc.format).toBe('diplograph-seed-export');
    expect(doc.files.map((f) => f.source)).toEqual([SOURCE]);
    expect(doc.files[0]!.seed.stances.every((s) => s.evidence.length > 0)).toBe(true);

    const cited = await exportCli(['--source', 'interfax-2022-01-fomin']);
    expect(cited.code).toBe(3);
    expect(cited.stderr).toContain(`is listed in the file of source "${SOURCE}"`);
    const unknown = await exportCli(['--source', 'no-such-source']);
    expect(unknown.code).toBe(3);
    const usage = await exportCli(['--format', 'xml']);
    expect(usage.code).toBe(2);
  });

  it('creates missing folders of --out, or says in one line why it cannot', async () => {
    const dir = await tempDir();
    const folder = path.join(dir, 'missing', 'folder');
    const all = await exportCli(['--out', folder]);
    expect(all.code, all.stderr).toBe(0);
    expect((await readdir(folder)).sort()).toContain(`${SOURCE}.yaml`);
    const file = path.join(dir, 'other', 'deeper', 'graph.json');
    const json = await exportCli(['--format', 'json', '--out', file]);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(await readFile(file, 'utf8')) as { format: string }).format).toBe('diplograph-seed-export');

    // A file where a folder should be: nothing is exported, one line says why.
    const blocked = await exportCli(['--out', path.join(file, 'sub')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr.trim()).toBe(`export: --out ${path.join(file, 'sub')}: cannot create the folder ${path.join(file, 'sub')}: a part of the path is a file, not a folder (ENOTDIR)`);
  });
});
