/**
 * The parallel CSV writer of the bulk import (no Neo4j): two worker threads write the
 * same rows as one writer in this thread, grouped under the same headers, the derived
 * topic positions and the stances' attestations included; a bad file in
 * a worker fails the whole write with the error class and the file:line:col the CLI
 * reports for the transactional path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BulkCsvWriter } from '../../src/ingest/bulk-csv.js';
import { writeCsvInWorkers } from '../../src/ingest/bulk-csv-workers.js';
import { attestationColumns, computeDerivedData, DerivedFacts, STANCE_TRAILING, topicPositionCsvRow } from '../../src/ingest/bulk-derived.js';
import { IngestValidationError, planFile } from '../../src/ingest/ingest-stream.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-csv-workers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every data line of the groups, keyed by header text, sorted: what the importer reads. */
function content(groups: { header: string; data: string[] }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of groups) {
    const header = fs.readFileSync(g.header, 'utf8');
    const lines = g.data.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean));
    (out[header] ??= []).push(...lines);
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

describe('CSV for the bulk import in worker threads', () => {
  it('writes the rows one writer writes, one header per group and one data file per worker', { timeout: 120_000 }, async () => {
    const corpus = { actors: 100, statements: 2_000, seed: 3, statementsPerFile: 250 };
    const single = new BulkCsvWriter(path.join(tmp, 'single'));
    let statements = 0;
    const facts = new DerivedFacts();
    for (const f of generateCorpus(corpus)) {
      const planned = planFile({ name: f.name, seed: f.seed, statements: f.statements });
      facts.add(planned.nodes, planned.rels);
      single.addNodes(planned.nodes.filter((n) => n.label !== 'Stance'));
      single.holdNodes(planned.nodes.filter((n) => n.label === 'Stance'), STANCE_TRAILING);
      single.addRelationships(planned.rels);
      statements += planned.statements;
    }
    const derived = computeDerivedData([facts.toData()]);
    single.releaseHeld((id) => attestationColumns(derived.attestations.get(id)));
    single.addTopicPositions(derived.positions.map(topicPositionCsvRow));
    const one = single.close();

    const files: number[] = [];
    const parallel = await writeCsvInWorkers(path.join(tmp, 'parallel'), { synth: corpus }, 2, (n) => files.push(n));
    expect(parallel.statements).toBe(statements);
    expect(files.at(-1)).toBe(9); // the reference file and eight reports
    expect(parallel.groups.map((g) => g.signature).sort()).toEqual(one.map((g) => g.signature).sort());
    expect(parallel.groups.some((g) => g.data.length === 2)).toBe(true);
    expect(content(parallel.groups)).toEqual(content(one));
    // The derived data travel with the graph: positions of their own, stances with their attestation.
    expect(parallel.topicPositions).toBe(derived.positions.length);
    expect(parallel.topicPositions).toBeGreaterThan(100);
    const headers = Object.keys(content(parallel.groups));
    expect(headers.some((h) => h.startsWith('key:ID(TopicPosition),') && h.includes('froms:date[]'))).toBe(true);
    // And no verdict spans (removed by decision 0067).
    expect(headers.some((h) => h.includes('VerdictSpan'))).toBe(false);
    expect(parallel.groups.filter((g) => g.labelOrType === 'Entity:Stance').every((g) => fs.readFileSync(g.header, 'utf8').includes('attestation:string'))).toBe(true);
  });

  it('fails with the bad file named where it is wrong, and the error class the CLI maps to exit 3', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp, 'bad');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'source:\n  id: [unclosed\n');
    const err = await writeCsvInWorkers(path.join(tmp, 'bad-out'), { files: [path.join(dir, 'a.yaml')] }, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestValidationError);
    expect((err as Error).message).toMatch(/a\.yaml:\d+:\d+: YAML syntax/);
  });
});
