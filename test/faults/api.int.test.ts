/**
 * One short cycle of `npm run faults -- api` on a throwaway local Neo4j of its own (so
 * the shared test database is never stopped): Neo4j is killed with SIGKILL under load,
 * requests fail with SERVICE_UNAVAILABLE, the server process stays up, and it serves
 * again by itself once Neo4j is back. A writer client sends upsertStatement all along:
 * writes during the outage fail with SERVICE_UNAVAILABLE (no false acknowledgement),
 * and every acknowledged write is in the graph afterwards, once, with its Change.
 * Outcomes are asserted; timings only printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { stopNeo4j } from '../../src/local-neo4j/stop-neo4j.js';
import { formatCycle, formatWrites, runApiFaults } from '../../src/reliability/faults-api.js';
import { apiFaultVerdict } from '../../src/reliability/verdicts.js';
import { localServerSkipReason } from '../setup/neo4j.js';
import { throwawayNeo4jConfig } from '../setup/ports.js';

const skipReason = localServerSkipReason('killing a throwaway local Neo4j under API load');

describe.skipIf(skipReason !== undefined)(`Neo4j killed under API load${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-faults-api-'));
  let config: Config | undefined;
  const lines: string[] = [];

  afterAll(async () => {
    if (config) await stopNeo4j(config, (l) => lines.push(l));
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('fails fast with SERVICE_UNAVAILABLE, stays up, recovers by itself and loses no acknowledged write', { timeout: 400_000 }, async () => {
    config = await throwawayNeo4jConfig(home, 37687);
    const result = await runApiFaults({
      config,
      modes: ['sigkill'],
      clients: 2,
      warmSeconds: 2,
      outageSeconds: 1,
      watchSeconds: 3,
      report: (l) => lines.push(l),
      // One writer; the cycle waits for 3 acknowledged writes before the kill and 3
      // after Neo4j is back (a cold Neo4j makes the first writes slow).
      writers: 1,
      minWrites: 3,
    });
    const [cycle] = result.cycles;
    console.log(formatCycle(cycle!));
    if (result.writes) console.log(formatWrites(result.writes));
    expect(apiFaultVerdict(result), lines.join('\n')).toEqual([]);
    expect(cycle!.outage.requests).toBeGreaterThan(0);
    expect(cycle!.outage.unavailable).toBe(cycle!.outage.requests);
    expect(cycle!.serverStayedUp).toBe(true);
    expect(result.after.errors).toBe(0);

    // Writes: some acknowledged before and after, every one during the outage refused.
    const writes = cycle!.writes!;
    expect(writes.before.acknowledged).toBeGreaterThanOrEqual(3);
    expect(writes.outage.sent).toBeGreaterThan(0);
    expect(writes.outage.unavailable).toBe(writes.outage.sent);
    expect(writes.falseAcks).toEqual([]);
    expect(writes.after.acknowledged).toBeGreaterThanOrEqual(3);
    // Every acknowledged write is in the graph exactly once with its Change record.
    const run = result.writes!;
    expect(run.verification.acknowledged).toBe(run.acknowledged);
    expect(run.acknowledged).toBeGreaterThanOrEqual(6);
    expect(run.verification.lost).toEqual([]);
    expect(run.verification.duplicated).toEqual([]);
    expect(run.verification.badChange).toEqual([]);
    // No statement, Change or lock of the run is left behind.
    expect(run.cleanup.statements).toBe(run.verification.storedTotal);
    expect(run.cleanup.changes).toBeGreaterThanOrEqual(run.acknowledged);
    expect(run.cleanup.keys).toBe(1);
  });
});
