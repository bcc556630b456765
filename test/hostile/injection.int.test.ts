/**
 * Cypher injection against a real Neo4j. Every string-shaped argument of every Query
 * field (found by introspecting the running server, so new fields are covered without
 * editing this file) is sent each hostile string, as a variable and as a literal: the
 * server must answer with data or a client error, never an internal one, and the
 * graph's node and relationship counts must be the same afterwards. Then a seed file
 * full of the same strings is loaded and read back: stored verbatim, as plain text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../src/seed/run-seed.js';
import { type SeededServer, startSeededServer } from '../server/seeded-server.js';
import { postGraphql, type TestServer } from '../server/harness.js';
import { testDatabase } from '../setup/neo4j.js';
import { introspect, literal, stringSlots } from './schema-fields.js';

/** Strings that would change the query if anything built Cypher (or Lucene) by concatenation. */
const hostileStrings = [
  '"}) MATCH (n) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n //",
  "' OR 1=1 --",
  'russia" OR 1=1 //',
  '$param',
  '$id',
  '{id: $id}',
  '`Actor`',
  '`) DETACH DELETE n //',
  'x` MATCH (n) DETACH DELETE n //',
  '\u0000',
  'russia\u0000',
  '\\',
  '\\"; DROP CONSTRAINT x; //',
  ') RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //',
  'CALL db.labels() YIELD label RETURN label',
  '*:*',
  'text:* OR id:*',
  '+-&&||!(){}[]^"~*?:\\/',
  '/* */ MATCH (n) SET n.pwned = true',
  '\u202e\ud83d\ude00\ufeff',
  'a'.repeat(5_000),
];

let driver: Driver;
let api: TestServer;

async function graphCounts(): Promise<{ nodes: number; relationships: number; pwned: number }> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes, count(n.pwned) AS pwned CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships, pwned',
    {},
    { database: testDatabase() },
  );
  const r = records[0]!;
  return { nodes: Number(r.get('nodes')), relationships: Number(r.get('relationships')), pwned: Number(r.get('pwned')) };
}

let seeded: SeededServer;

beforeAll(async () => {
  // 1,364 requests from one address in about a minute, a third of them expensive: this
  // suite tests injection, not the per-client rate (test/hostile/overload.int.test.ts does).
  seeded = await startSeededServer({ env: { EXPENSIVE_RATE_PER_CLIENT: '1000000' } });
  ({ driver, api } = seeded);
});

afterAll(async () => {
  await seeded?.close();
});

/** Codes a client may legitimately get back for a hostile string. */
const cleanCodes = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COSTLY']);

describe('Cypher injection through the API', () => {
  it('answers every hostile string in every string argument with data or a clean error, and changes nothing', { timeout: 600_000 }, async () => {
    const slots = stringSlots(await introspect(api.url));
    // The schema has string arguments on most Query fields: if this drops, introspection broke.
    expect(slots.length).toBeGreaterThan(15);
    const before = await graphCounts();
    const unclean: string[] = [];
    let requests = 0;
    for (const slot of slots) {
      for (const value of hostileStrings) {
        for (const mode of ['variable', 'literal'] as const) {
          const a = slot.args(value, mode);
          const query = `query Probe${a.declarations} { ${slot.field}${a.text}${slot.composite ? ' { __typename }' : ''} }`;
          const res = await postGraphql(api.url, { query, variables: a.variables });
          requests++;
          const codes = (res.body.errors ?? []).map((e) => String(e.extensions?.code));
          const ok = res.status < 500 && (res.body.data !== undefined || codes.length > 0) && codes.every((c) => cleanCodes.has(c));
          if (!ok) unclean.push(`${slot.field}(${slot.where}) ${mode} ${JSON.stringify(value).slice(0, 40)}: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    console.log(`injection: ${requests} requests over ${slots.length} string arguments: ${slots.map((s) => `${s.field}.${s.where}`).join(', ')}`);
    expect(unclean).toEqual([]);
    expect(await graphCounts()).toEqual(before);
    expect(before.pwned).toBe(0);
  });
});

describe('Cypher injection through seed files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-hostile-seed-'));
  const origin = `hostile-${process.pid}`;

  afterAll(async () => {
    await driver.executeQuery('MATCH (n {origin: $origin}) DETACH DELETE n', { origin }, { database: testDatabase() });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every hostile string verbatim as plain text, and writes nothing else', { timeout: 120_000 }, async () => {
    // Leading and trailing whitespace is trimmed by the seed schema, by design.
    const texts = hostileStrings.map((s, i) => `${s}${i}`);
    const yaml = [
      'source:',
      `  id: ${origin}`,
      '  kind: NEWS_REPORT',
      `  title: { en: ${literal(texts[0]!)} }`,
      '  language: en',
      'actors:',
      ...texts.map((t, i) => `  - id: ${origin}-actor-${i}\n    kind: PERSON\n    name: { ru: ${literal(t)} }\n    aliases: [${literal(t)}]\n    note: ${literal(t)}`),
      'statements:',
      ...texts.map(
        (t, i) =>
          `  - id: ${origin}-said-${i}\n    speaker: ${origin}-actor-${i}\n    mode: DIRECT_QUOTE\n    text: ${literal(t)}\n    language: id\n    gloss: ${literal(t)}\n    said: 2022-01-12\n    source: ${origin}`,
      ),
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'hostile.yaml'), `${yaml}\n`);

    const before = await graphCounts();
    await runSeed(driver, { database: testDatabase(), paths: [dir] });
    const after = await graphCounts();
    // Exactly the planned nodes: one source, an actor and a statement per string.
    expect(after.nodes - before.nodes).toBe(1 + 2 * texts.length);
    expect(after.pwned).toBe(0);

    const { records } = await driver.executeQuery(
      `MATCH (a:Actor {origin: $origin}), (s:Statement {origin: $origin})
       WHERE s.id = replace(a.id, '-actor-', '-said-')
       RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.note AS note, s.text AS text, s.gloss AS gloss ORDER BY id`,
      { origin },
      { database: testDatabase() },
    );
    expect(records).toHaveLength(texts.length);
    for (const r of records) {
      const i = Number(String(r.get('id')).split('-').pop());
      const t = texts[i]!;
      expect({ name: r.get('name'), aliases: r.get('aliases'), note: r.get('note'), text: r.get('text'), gloss: r.get('gloss') }).toEqual({
        name: t,
        aliases: [t],
        note: t,
        text: t,
        gloss: t,
      });
    }

    // Through the API too, unchanged.
    const res = await postGraphql(api.url, { query: 'query($id: ID!) { actor(id: $id) { name } }', variables: { id: `${origin}-actor-0` } });
    expect(res.body.data).toEqual({ actor: { name: texts[0] } });

    // Loading the same file again changes nothing (idempotent, no duplicates).
    await runSeed(driver, { database: testDatabase(), paths: [dir] });
    expect(await graphCounts()).toEqual(after);
  });
});
