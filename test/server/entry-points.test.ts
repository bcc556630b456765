/**
 * `npm start` refusing to start: bad configuration (exit 2) and an unreachable Neo4j
 * (exit 4), each with one line saying what to do. Needs no database.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/config.js';
import { unusedPort } from './harness.js';
import { runEntryPoint } from './processes.js';

describe('npm start', () => {
  it('and npm run up run node with the server flags the tests and the benchmark use', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx src/main.ts`);
    expect(scripts.up).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx src/cli/up.ts`);
  });

  it('exits 2 with one line naming the variable when the configuration is bad', async () => {
    const run = runEntryPoint('src/main.ts', { PORT: 'eighty' });
    expect(await run.exited).toBe(2);
    expect(run.output().trim()).toBe('config error: PORT: Invalid input: expected number, received NaN (got "eighty")');
  });

  it('exits 4 within seconds, saying how to start Neo4j, when Neo4j is unreachable', async () => {
    const port = await unusedPort();
    const started = Date.now();
    const run = runEntryPoint('src/main.ts', { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'unused-password', PORT: String(await unusedPort()) });
    expect(await run.exited).toBe(4);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.output()).toContain(
      `error: Neo4j at bolt://127.0.0.1:${port} is unreachable (connect ECONNREFUSED 127.0.0.1:${port}). Start it with npm run db:start, or check NEO4J_URI.`,
    );
  });
});
