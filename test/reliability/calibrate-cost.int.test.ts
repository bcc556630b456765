/**
 * `calibrate-cost` on the seeded graph: db hits beside the estimate for every probe, and
 * a probe without an answer (at 10^6 statements a hub's neighbourhood of depth 3 outran
 * the 120 s timeout; here, a demand that does not exist) is a row saying why while the
 * other probes are still measured, and the run exits 1.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../src/seed/run-seed.js';
import { childEnv } from '../setup/child-env.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';

const run = promisify(execFile);
const driver = withTestDriver();

describe('calibrate-cost', () => {
  beforeAll(async () => {
    await runSeed(driver(), { database: testDatabase(), reset: true });
  }, 120_000);

  it('prints every probe, one without an answer as such, with progress, and exits 1', async () => {
    const res = await run('npx', ['tsx', 'src/cli/calibrate-cost.ts', '--demand', 'no-such-demand'], { env: childEnv(neo4jEnv()), maxBuffer: 10 * 2 ** 20 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(res.code, res.stderr).toBe(1);
    const rows = res.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| field'));
    const positions = rows.filter((l) => l.startsWith('| positions |'));
    expect(positions).toHaveLength(2);
    for (const l of positions) expect(l).toMatch(/\| no answer: .*no-such-demand/);
    // The probes after the failed one were still measured.
    const measured = rows.filter((l) => !l.includes('no answer'));
    expect(measured.map((l) => l.split('|')[1]!.trim())).toEqual(expect.arrayContaining(['neighbourhood', 'paths', 'agreement', 'timeline', 'search']));
    for (const l of measured) expect(Number(l.split('|')[4]!.trim().replace(/,/g, ''))).toBeGreaterThan(0);
    expect(res.stderr).toMatch(/calibrate-cost: agreement \(actorIds: 2 ids\): [\d,]+ db hits in \d+ ms/);
    expect(res.stderr).toMatch(/calibrate-cost: positions \(includeDerived: false\): no answer after \d+ ms/);
  }, 180_000);
});
