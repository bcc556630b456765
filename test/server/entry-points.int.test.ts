/**
 * `npm start` and `npm run up` as a user runs them, against the test Neo4j: they come
 * up, print where to go, answer, and stop cleanly (exit 0) on SIGTERM.
 */
import { describe, expect, it } from 'vitest';
import { neo4jEnv } from '../setup/neo4j.js';
import { unusedPort } from './harness.js';
import { runEntryPoint } from './processes.js';

describe('npm start', () => {
  it('serves until SIGTERM, then drains, closes the driver and exits 0', async () => {
    const port = await unusedPort();
    const run = runEntryPoint('src/main.ts', { ...neo4jEnv(), HOST: '127.0.0.1', PORT: String(port) });
    try {
      await run.waitFor(/"msg":"diplograph is up"/);
      expect(run.output()).toContain(`"graphql":"http://127.0.0.1:${port}/graphql"`);
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/"msg":"stopped"/);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('npm run up', () => {
  it('with NEO4J_URI set: skips db:start, seeds, serves and prints the URLs to open', async () => {
    const port = await unusedPort();
    const run = runEntryPoint('src/cli/up.ts', { ...neo4jEnv(), HOST: '127.0.0.1', PORT: String(port) });
    try {
      const output = await run.waitFor(/diplograph is up:[\s\S]*Stop with Ctrl-C/, 120_000);
      expect(output).toContain('NEO4J_URI is set: using the Neo4j at');
      expect(output).toMatch(/loaded \d+ files?/);
      expect(output).toContain(`dashboard  http://127.0.0.1:${port}/`);
      expect(output).toContain(`playground http://127.0.0.1:${port}/playground/`);
      expect(output).toContain(`GraphQL    http://127.0.0.1:${port}/graphql`);
      // The plans are warmed and each example operation's first request is timed and printed.
      expect(output).toContain('first requests (docs/queries; goal under 300 ms');
      for (const name of ['1-find', '4-positions', '8-provenance']) expect(output).toMatch(new RegExp(`^  ${name} +\\d+ ms  \\(cold \\d+ ms\\)(  over the goal)?$`, 'm'));
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actor(id: "russia") { name } }' }),
      });
      expect(await res.json()).toMatchObject({ data: { actor: { name: 'Russia' } } });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 180_000);
});
