/**
 * The check behind `npm run bench -- --loaded`: whether the graph already in the
 * database is exactly the synthetic corpus of the size and seed to benchmark, so that
 * a 10^6 run can use a graph loaded beforehand by the offline importer instead of
 * spending 20 minutes ingesting it again.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { corpusLayout, REFERENCE_ID, type CorpusOptions } from '../synth/corpus-layout.js';
import { referenceFile, reportFile } from '../synth/generate-corpus.js';

/** What the database held, against what the corpus needs; `differences` is empty when they match. */
export interface LoadedCorpusCheck {
  found: { statements: number; actors: number; topicPositions: number; note: string | null };
  expected: { statements: number; actors: number; note: string };
  /** Each way the graph differs from the corpus, in words. */
  differences: string[];
}

/** The command that loads the corpus the fastest way, for the refusal to name. */
export const loadCommand = (c: CorpusOptions): string => `npm run synth -- --actors ${c.actors} --statements ${c.statements} --seed ${c.seed} --bulk`;

/** Statements whose text a corpus of another seed would not share: the first and last report's first and last ones. */
function sampleStatements(c: CorpusOptions): Map<string, { text: string; gloss: string }> {
  const { reports } = corpusLayout(c);
  const out = new Map<string, { text: string; gloss: string }>();
  for (const j of new Set([1, reports])) {
    const statements = reportFile(c, j).seed.statements ?? [];
    for (const s of [statements[0], statements[statements.length - 1]]) if (s) out.set(String(s.id), { text: String(s.text), gloss: String(s.gloss) });
  }
  return out;
}

/**
 * Compares the graph with the corpus: statement and actor counts (from the count
 * store, cheap at any size), the note of the reference source (the synth options that
 * wrote it), sampled statements' words (which depend on the seed), and the presence of
 * derived topic positions (which the reads need).
 */
export async function checkLoadedCorpus(driver: Driver, database: string, corpus: CorpusOptions): Promise<LoadedCorpusCheck> {
  const samples = sampleStatements(corpus);
  const res = await driver.executeQuery(cypher('bench/loaded-corpus'), { referenceId: REFERENCE_ID, sampleIds: [...samples.keys()] }, { database, routing: neo4j.routing.READ });
  const row = toPlain(res.records[0]?.toObject()) as LoadedCorpusCheck['found'] & { samples: Array<{ id: string; text: string; gloss: string }> };
  const found: LoadedCorpusCheck['found'] = { statements: row.statements, actors: row.actors, topicPositions: row.topicPositions, note: row.note ?? null };
  const expected = { statements: corpus.statements, actors: corpus.actors, note: String(referenceFile(corpus).seed.source?.note ?? '') };
  const differences: string[] = [];
  if (found.statements !== expected.statements) differences.push(`${found.statements.toLocaleString('en-US')} statements, not ${expected.statements.toLocaleString('en-US')}`);
  if (found.actors !== expected.actors) differences.push(`${found.actors.toLocaleString('en-US')} actors, not ${expected.actors.toLocaleString('en-US')}`);
  if (found.note !== expected.note) differences.push(found.note === null ? `no synthetic reference source (${REFERENCE_ID})` : `the reference source says "${found.note}", not "${expected.note}"`);
  const byId = new Map(row.samples.map((s) => [s.id, s]));
  const differing = [...samples].filter(([id, want]) => byId.get(id)?.text !== want.text || byId.get(id)?.gloss !== want.gloss).map(([id]) => id);
  if (differing.length > 0) differences.push(`statement${differing.length > 1 ? 's' : ''} ${differing.join(', ')} missing or worded otherwise than seed ${corpus.seed} gives`);
  if (found.topicPositions === 0 && found.statements > 1) differences.push('no derived topic positions (npm run check -- --rebuild-derived builds them)');
  return { found, expected, differences };
}
