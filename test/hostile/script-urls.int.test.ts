/**
 * Stored script through a URL: a source's `url` is what the dashboard links to, so a
 * `javascript:` (or `data:`, `vbscript:`) address would run on the dashboard's origin
 * when clicked. Only http: and https: addresses get in: through the write API (refused
 * with BAD_USER_INPUT naming the argument) and through seed files (refused with
 * file:line:col, exit code 3), with nothing written either way.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { projectRoot } from '../../src/config.js';
import { toPlain } from '../../src/neo4j/values.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { postGraphql } from '../server/harness.js';
import { type SeededServer, startSeededServer } from '../server/seeded-server.js';
import { neo4jEnv, testDatabase } from '../setup/neo4j.js';

const run = promisify(execFile);
let seeded: SeededServer;
let writeKey = '';
const KEY_NAME = 'test script-urls';

const UPSERT_SOURCE = /* GraphQL */ `
  mutation ($input: SourceInput!) {
    upsertSource(input: $input) { outcome entity { id ... on Source { url } } }
  }
`;

const source = (url: string) => ({ id: 'xss-src', kind: 'NEWS_REPORT', title: [{ lang: 'en', text: 't' }], language: 'en', url });

async function sourcesNamed(id: string): Promise<number> {
  const res = await seeded.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN count(s) AS n', { id }, { database: testDatabase() });
  return toPlain(res.records[0]!.get('n')) as number;
}

beforeAll(async () => {
  seeded = await startSeededServer();
  await applySchema(seeded.driver, testDatabase());
  writeKey = (await createApiKey(seeded.driver, testDatabase(), { name: KEY_NAME, scope: 'write' })).token;
});

afterAll(async () => {
  await seeded?.driver.executeQuery(
    "MATCH (n) WHERE (n:Source AND n.id STARTS WITH 'xss-') OR (n:Change AND n.keyName = $name) OR (n:ApiKey AND n.name = $name) DETACH DELETE n",
    { name: KEY_NAME },
    { database: testDatabase() },
  );
  await seeded?.close();
});

describe('URLs that would run script', () => {
  const hostile = [
    'javascript:window.__xss=1;void 0',
    'JavaScript:alert(document.domain)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'http:evil.example',
  ];

  it('are refused by upsertSource with BAD_USER_INPUT naming input.url, and nothing is written', async () => {
    for (const url of hostile) {
      const res = await postGraphql(seeded.api.url, { query: UPSERT_SOURCE, variables: { input: source(url) } }, { authorization: `Bearer ${writeKey}` });
      expect(res.body.data ?? null, url).toBeNull();
      expect(res.body.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.url' });
      expect(res.body.errors?.[0]?.message, url).toMatch(/http:\/\/ or https:\/\//);
    }
    expect(await sourcesNamed('xss-src')).toBe(0);
  });

  it('while http: and https: addresses are written as given', async () => {
    for (const [url, outcome] of [['https://www.nato.int/cps/en/natohq/news_190666.htm', 'CREATED'], ['HTTP://example.org/a?b=c#d', 'UPDATED']] as const) {
      const res = await postGraphql(seeded.api.url, { query: UPSERT_SOURCE, variables: { input: source(url) } }, { authorization: `Bearer ${writeKey}` });
      expect(res.body.errors, url).toBeUndefined();
      expect(res.body.data?.upsertSource).toEqual({ outcome, entity: { id: 'xss-src', url } });
    }
  });

  it('are refused in a seed file with file:line:col, exit code 3, and nothing is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-xss-'));
    try {
      await writeFile(
        path.join(dir, 'xss.yaml'),
        ['source:', '  id: xss-seeded', '  kind: NEWS_REPORT', '  title: T', '  language: en', '  url: "javascript:window.__xss=1;void 0"', ''].join('\n'),
      );
      const result = await run('npx', ['tsx', 'src/cli/seed.ts', dir], { cwd: projectRoot, env: { ...process.env, ...neo4jEnv() } }).then(
        ({ stderr }) => ({ code: 0, stderr }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/xss\.yaml:6:\d+ source\.url: not an http\(s\) URL/);
      expect(result.stderr).toContain('Nothing was written.');
      expect(await sourcesNamed('xss-seeded')).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
