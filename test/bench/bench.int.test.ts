import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../src/bench/run-bench.js';
import { neo4jEnv } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);

describe('npm run bench -- --quick', () => {
  it('loads a corpus, runs every operation on the three implementations, prints tables and writes JSON without errors', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-bench-'));
    const out = path.join(dir, 'result.json');
    try {
      const { stdout } = await run('npx', ['tsx', 'src/cli/bench.ts', '--quick', '--yes', '--out', out], {
        env: childEnv(neo4jEnv()),
        maxBuffer: 10 * 2 ** 20,
      });
      expect(stdout).toContain('| statements | actors | nodes |');
      expect(stdout).toContain('| nodes | operation');
      expect(stdout).toContain('| nodes | workload');
      expect(stdout).toContain('@neo4j/graphql cannot express');

      const result = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
      // The result says which code it measured.
      const head = (await run('git', ['rev-parse', '--short', 'HEAD'])).stdout.trim();
      expect(result.commit).toMatch(new RegExp(`^${head}(\\+changes)?$`));
      expect(stdout).toContain(`(commit ${result.commit})`);
      const [size] = result.sizes;
      expect(size!.graph.duplicateIds + size!.graph.duplicateRelationships).toBe(0);
      expect(new Set(size!.latency.map((l) => l.operation))).toEqual(
        new Set(['actor profile', 'demand thread', 'positions (inherited)', 'agreement of two actors', 'shortest path']),
      );
      for (const l of size!.latency) {
        expect(l.results.floor!.errors, `${l.operation} floor`).toBe(0);
        // Today's expanding queries, measured beside the derived-data floor (issue 18).
        if (['positions (inherited)', 'agreement of two actors'].includes(l.operation)) expect(l.results['old-floor']!.errors, `${l.operation} old floor`).toBe(0);
        else expect(l.results['old-floor']).toBeUndefined();
        expect(l.results.diplograph!.errors, `${l.operation} diplograph: ${l.results.diplograph!.firstError}`).toBe(0);
        if (l.unsupported) expect(l.results['neo4j-graphql']).toBeUndefined();
        else expect(l.results['neo4j-graphql']!.errors, `${l.operation} @neo4j/graphql: ${l.results['neo4j-graphql']!.firstError}`).toBe(0);
      }
      // The three implementations answered alike for every start point before being timed.
      expect(stdout).toContain('Answers compared before timing');
      expect(size!.answers.map((a) => a.operation)).toEqual(['actor profile', 'demand thread']);
      for (const a of size!.answers) {
        expect(a.compared).toEqual(['floor', 'diplograph', 'neo4j-graphql']);
        expect(a.samples).toBeGreaterThan(0);
        expect(a.mismatches, `${a.operation}: ${a.firstMismatch}`).toBe(0);
      }
      for (const t of size!.throughput) {
        for (const runs of Object.values(t.results)) {
          expect(runs.map((r) => r.concurrency)).toEqual([32, 64]);
          for (const r of runs) {
            expect(r.errors, `${t.workload}: ${r.firstError}`).toBe(0);
            expect(r.requests).toBeGreaterThan(0);
          }
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
