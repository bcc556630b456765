/**
 * One worker thread of the parallel CSV writer (bulk-csv-workers.ts): plans its share
 * of the files (every `of`-th, starting at `part`) with the transactional path's
 * planner and writes them as CSV into a folder of its own. Its stances wait: it reports
 * the facts the derived data need (bulk-derived.ts), receives its stances' attestations
 * from the main thread, writes the stances with them, then reports its groups.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { planGraph, type NodeRow, type SeedFile } from '../seed/plan-graph.js';
import { corpusFileCount, referenceFile, reportFile } from '../synth/generate-corpus.js';
import { BulkCsvWriter } from './bulk-csv.js';
import type { BulkSource, MainMessage, WorkerData, WorkerMessage } from './bulk-csv-workers.js';
import { DerivedFacts, STANCE_TRAILING } from './bulk-derived.js';
import { planFile } from './ingest-stream.js';
import { readIngestFiles } from './read-ingest-files.js';

/** A planned file. */
type Planned = ReturnType<typeof planFile>;

/**
 * The files of this worker's share, in order, planned. Files read from disk are validated
 * (planFile); a synthetic file is planned as it is: the generator writes what the seed
 * schema would return for it, which test/synth/generate-corpus.test.ts checks.
 */
async function* share(source: BulkSource, part: number, of: number): AsyncGenerator<Planned> {
  if ('synth' in source) {
    const count = corpusFileCount(source.synth);
    for (let i = part; i < count; i += of) {
      const f = i === 0 ? referenceFile(source.synth) : reportFile(source.synth, i);
      const plan = planGraph([{ file: f.name, seed: f.seed as SeedFile }]);
      yield { nodes: plan.nodes, rels: plan.rels, statements: f.statements };
    }
    return;
  }
  for await (const file of readIngestFiles(source.files.filter((_, i) => i % of === part))) yield planFile(file);
}

const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

async function run(): Promise<void> {
  const { dir, part, of, source } = workerData as WorkerData;
  const writer = new BulkCsvWriter(path.join(dir, `part-${part}`));
  const facts = new DerivedFacts();
  try {
    for await (const planned of share(source, part, of)) {
      facts.add(planned.nodes, planned.rels);
      const stances: NodeRow[] = [];
      const others: NodeRow[] = [];
      for (const n of planned.nodes) (n.label === 'Stance' ? stances : others).push(n);
      writer.addNodes(others);
      // Formatted now, written once their attestation is known: a line each, not a row object.
      writer.holdNodes(stances, STANCE_TRAILING);
      writer.addRelationships(planned.rels);
      post({ type: 'file', statements: planned.statements, nodes: planned.nodes.length, relationships: planned.rels.length });
    }
    // Listening only now: a listener would keep a failed worker's thread alive.
    const answer = new Promise<MainMessage>((resolve) => parentPort!.once('message', resolve));
    post({ type: 'facts', facts: facts.toData() });
    const { attestations } = await answer;
    const byId = new Map(attestations.map(([id, attestation, attestedById]) => [id, [attestation, attestedById] as const]));
    writer.releaseHeld((id) => byId.get(id));
  } finally {
    const groups = writer.close();
    post({ type: 'done', groups });
  }
}

run().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ type: 'error', name: e.name, message: e.message });
});
