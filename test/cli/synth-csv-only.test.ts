/**
 * `npm run synth -- ... --csv-only DIR` writes the CSV the bulk load would import and
 * stops, without Neo4j: the way docs/performance.md times the bulk load's CSV phase.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-csv-only-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('synth --csv-only', () => {
  it('writes the bulk load\'s CSV groups (stances with their attestation) and says how long it took, with no database', { timeout: 120_000 }, async () => {
    const dir = path.join(tmp, 'csv');
    // A URI no server answers: the CSV phase must not need one.
    const env = childEnv({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' });
    const { stdout } = await run('npx', ['tsx', 'src/cli/synth.ts', '--actors', '100', '--statements', '1000', '--seed', '3', '--per-file', '250', '--csv-only', dir], { env });
    expect(stdout).toMatch(/^wrote [\d,]+ nodes \([\d,]+ topic positions\) and [\d,]+ relationships as \d+ CSV groups in .* with \d+ worker threads?: [\d.]+ s \(derived data [\d.]+ s\), peak RSS \d+ MiB$/m);
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    const stanceHeaders = files.filter((f) => /Entity_Stance\.header\.csv$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(stanceHeaders.length).toBeGreaterThan(0);
    for (const h of stanceHeaders) expect(h.trimEnd().endsWith(',attestation:string,attestedById:string')).toBe(true);
    const statements = files.filter((f) => /Entity_Statement\.csv$/.test(f)).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(statements).toHaveLength(1000);
  });
});
