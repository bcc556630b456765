/**
 * The seed loader against files that redefine what others own (issue 14, section 2):
 * a file may create, change and delete only what it owns. Redefining another file's id
 * or an API-written id, and deleting a fact others depend on, are refused naming both
 * owners, and nothing is written (the graph's digest is the same before and after).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { InvariantViolationError } from '../../src/check/check-graph.js';
import { SeedValidationError } from '../../src/seed/seed-issue.js';
import { runCli } from '../faults/cli.js';
import { postGraphql, startTestServer, testConfig, type TestServer } from '../server/harness.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';
import { graphDigest } from './graph-digest.js';

const driver: () => Driver = withTestDriver();
let database: string;
let api: TestServer;
let key: { id: string; token: string };
const dirs: string[] = [];

async function seedDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-owner-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

async function refusal(paths: string[]): Promise<string> {
  const err: unknown = await runSeed(driver(), { database, paths }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SeedValidationError);
  return (err as Error).message;
}

const write = (query: string, variables: Record<string, unknown>) => postGraphql(api.url, { query, variables }, { authorization: `Bearer ${key.token}` });

beforeAll(async () => {
  database = testDatabase();
  await runSeed(driver(), { database, reset: true });
  await applySchema(driver(), database);
  key = await createApiKey(driver(), database, { name: 'test hostile owner', scope: 'write' });
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: database }), driver: driver() });
});

afterAll(async () => {
  await api?.stop();
  await runSeed(driver(), { database, reset: true });
  await driver().executeQuery("MATCH (n) WHERE (n:Change OR n:ApiKey) AND (n.keyName = 'test hostile owner' OR n.name = 'test hostile owner') DETACH DELETE n", {}, { database });
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('a seed file touches only what it owns', () => {
  it('refuses a file that redefines another file\'s actor as an issue (the reproduction): exit 3, both owners named, nothing written', async () => {
    const before = await graphDigest(driver(), database);
    const dir = await seedDir({ 'a.yaml': 'source: {id: takeover-src, kind: REFERENCE, title: {en: T}, language: en}\nissues: [{id: russia, name: {en: X}}]\n' });
    const res = await runCli('src/cli/seed.ts', [dir], neo4jEnv());
    expect(res.code, res.stdout + res.stderr).toBe(3);
    expect(res.stderr).toContain(`${path.relative(process.cwd(), path.join(dir, 'a.yaml'))}:2:15 issues[0].id`);
    expect(res.stderr).toMatch(/"russia" is an actor defined at seeds\/nrc-2022-01-12\.yaml:\d+:\d+ \(the seed file of source "liputan6-2022-01-14-nrc"\)/);
    expect(res.stderr).toContain('Nothing was written.');
    expect(await graphDigest(driver(), database)).toEqual(before);
    const read = await postGraphql(api.url, {
      query: '{ actor(id: "russia") { id } entity(id: "stance-russia-offers-de-escalation") { ... on Stance { holder { id } } } }',
    });
    expect(read.body).toMatchObject({ data: { actor: { id: 'russia' }, entity: { holder: { id: 'russia' } } } });
  });

  it('refuses a takeover under the same label too: the origin is not rewritten', async () => {
    const before = await graphDigest(driver(), database);
    const dir = await seedDir({ 'b.yaml': 'source: {id: takeover-src, kind: REFERENCE, title: {en: T}, language: en}\nactors:\n  - {id: nato, kind: ALLIANCE, name: {en: Not NATO}}\n' });
    const message = await refusal([dir]);
    expect(message).toMatch(/b\.yaml:3:\d+ actors\[0\]\.id: "nato" is an actor defined at seeds\/reference\/nato-members\.yaml:\d+:\d+/);
    expect(await graphDigest(driver(), database)).toEqual(before);
  });

  it('refuses a file that redefines an API-written id, naming the key that wrote it', async () => {
    const created = await write(
      'mutation ($input: StatementInput!) { upsertStatement(input: $input) { outcome } }',
      { input: { id: 'stmt-hostile-api-owned', speaker: 'russia', mode: 'REPORTED', text: 'Teks.', language: 'id', gloss: 'Text.', said: '2022-01-13', source: 'liputan6-2022-01-14-nrc' } },
    );
    expect(created.body).toMatchObject({ data: { upsertStatement: { outcome: 'CREATED' } } });
    const before = await graphDigest(driver(), database);
    const dir = await seedDir({
      'c.yaml': [
        'source: {id: takeover-src, kind: REFERENCE, title: {en: T}, language: en}',
        'actors: [{id: hostile-speaker, kind: PERSON, name: {en: H}}]',
        'statements:',
        '  - {id: stmt-hostile-api-owned, speaker: hostile-speaker, mode: DIRECT_QUOTE, text: T, language: en, gloss: G, said: 2022, source: takeover-src}',
        '',
      ].join('\n'),
    });
    const message = await refusal([dir]);
    expect(message).toMatch(/c\.yaml:4:\d+ statements\[0\]\.id: "stmt-hostile-api-owned" is a statement written through the API by key/);
    expect(message).toContain(`key ${key.id} ("test hostile owner")`);
    expect(await graphDigest(driver(), database)).toEqual(before);
  });
});

describe('a seed file deletes nothing others depend on', () => {
  it('refuses to remove a statement that an API-written stance cites as evidence, naming the stance; nothing written', async () => {
    const file = (withStatement: boolean) =>
      [
        'source: {id: hostile-dep-src, kind: REFERENCE, title: {en: T}, language: en}',
        'actors: [{id: hostile-dep-speaker, kind: PERSON, name: {en: H}}]',
        ...(withStatement
          ? ['statements:', '  - {id: stmt-hostile-dep, speaker: hostile-dep-speaker, mode: DIRECT_QUOTE, text: T, language: en, gloss: G, said: 2022, source: hostile-dep-src}']
          : []),
        '',
      ].join('\n');
    const dir = await seedDir({ 'dep.yaml': file(true) });
    await runSeed(driver(), { database, paths: [dir] });
    const stance = await write(
      'mutation ($input: StanceInput!, $source: ID!) { upsertStance(input: $input, source: $source) { outcome } }',
      {
        source: 'hostile-dep-src',
        input: { id: 'stance-hostile-dep', holder: 'hostile-dep-speaker', kind: 'OPEN_TO', date: '2022', towards: 'russia', summary: [{ lang: 'en', text: 'S.' }], evidence: ['stmt-hostile-dep'] },
      },
    );
    expect(stance.body).toMatchObject({ data: { upsertStance: { outcome: 'CREATED' } } });
    const before = await graphDigest(driver(), database);
    await writeFile(path.join(dir, 'dep.yaml'), file(false));
    const res = await runCli('src/cli/seed.ts', [dir], neo4jEnv());
    expect(res.code, res.stdout + res.stderr).toBe(3);
    expect(res.stderr).toContain('deleting a statement "stmt-hostile-dep" (no longer in its file) would leave facts of other owners dangling');
    expect(res.stderr).toMatch(/stance "stance-hostile-dep" \(stance-hostile-dep EVIDENCED_BY stmt-hostile-dep, written through the API by key/);
    expect(await graphDigest(driver(), database)).toEqual(before);
    const check = await runCli('src/cli/check.ts', [], neo4jEnv());
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('refuses, before commit, a change that would break another owner\'s fact: an actor quoted through the API made a media outlet', async () => {
    const file = (kind: string) => `source: {id: hostile-kind-src, kind: REFERENCE, title: {en: T}, language: en}\nactors: [{id: hostile-kind-actor, kind: ${kind}, name: {en: K}}]\n`;
    const dir = await seedDir({ 'kind.yaml': file('PERSON') });
    await runSeed(driver(), { database, paths: [dir] });
    const quote = await write('mutation ($input: StatementInput!) { upsertStatement(input: $input) { outcome } }', {
      input: { id: 'stmt-hostile-kind', speaker: 'hostile-kind-actor', mode: 'DIRECT_QUOTE', text: 'Kata.', language: 'id', gloss: 'Words.', said: '2022', source: 'hostile-kind-src' },
    });
    expect(quote.body).toMatchObject({ data: { upsertStatement: { outcome: 'CREATED' } } });
    const before = await graphDigest(driver(), database);
    await writeFile(path.join(dir, 'kind.yaml'), file('MEDIA_OUTLET'));
    const err: unknown = await runSeed(driver(), { database, paths: [dir] }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InvariantViolationError);
    expect((err as InvariantViolationError).violations).toEqual([
      expect.objectContaining({ id: 'stmt-hostile-kind', check: 'speaker-can-be-quoted' }),
    ]);
    expect(await graphDigest(driver(), database)).toEqual(before);
  });
});
