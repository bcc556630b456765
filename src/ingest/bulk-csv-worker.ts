/**
 * One worker thread of the parallel CSV writer (bulk-csv-workers.ts): plans its share
 * of the files (every `of`-th, starting at `part`) with the transactional path's
 * planner and writes them as CSV into a folder of its own. Its stances wait: it reports
 * the facts the derived data need (bulk-derived.ts), receives its stances' attestations
 * from the main thread, writes the stances with them, then reports its groups.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { NodeRow } from '../seed/plan-graph.js';
import { corpusFileCount, referenceFile, reportFile } from '../synth/generate-corpus.js';
import { BulkCsvWriter } from './bulk-csv.js';
import type { BulkSource, MainMessage, WorkerData, WorkerMessage } from './bulk-csv-workers.js';
import { DerivedFacts, withAttestation } from './bulk-derived.js';
import { planFile, type IngestFile } from './ingest-stream.js';
import { readIngestFiles } from './read-ingest-files.js';

/** The files of this worker's share, in order. */
async function* share(source: BulkSource, part: number, of: number): AsyncGenerator<IngestFile> {
  if ('synth' in source) {
    const count = corpusFileCount(source.synth);
    for (let i = part; i < count; i += of) {
      const f = i === 0 ? referenceFile(source.synth) : reportFile(source.synth, i);
      yield { name: f.name, seed: f.seed, statements: f.statements };
    }
    return;
  }
  yield* readIngestFiles(source.files.filter((_, i) => i % of === part));
}

const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

async function run(): Promise<void> {
  const { dir, part, of, source } = workerData as WorkerData;
  const writer = new BulkCsvWriter(path.join(dir, `part-${part}`));
  const facts = new DerivedFacts();
  const stances: NodeRow[] = [];
  try {
    for await (const file of share(source, part, of)) {
      const planned = planFile(file);
      facts.add(planned.nodes, planned.rels);
      const others: NodeRow[] = [];
      for (const n of planned.nodes) (n.label === 'Stance' ? stances : others).push(n);
      writer.addNodes(others);
      writer.addRelationships(planned.rels);
      post({ type: 'file', statements: planned.statements, nodes: planned.nodes.length, relationships: planned.rels.length });
    }
    // Listening only now: a listener would keep a failed worker's thread alive.
    const answer = new Promise<MainMessage>((resolve) => parentPort!.once('message', resolve));
    post({ type: 'facts', facts: facts.toData() });
    const { attestations } = await answer;
    writer.addNodes(withAttestation(stances, new Map(attestations.map(([id, attestation, attestedById]) => [id, { attestation, attestedById }]))));
  } finally {
    const groups = writer.close();
    post({ type: 'done', groups });
  }
}

run().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ type: 'error', name: e.name, message: e.message });
});
