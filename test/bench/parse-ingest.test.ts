import { describe, expect, it } from 'vitest';
import { parseIngestLine } from '../../src/bench/run-bench.js';
import { formatIngestStats } from '../../src/ingest/ingest-cli-support.js';

describe('the ingest summary the benchmark reads', () => {
  it('round-trips through the line `npm run synth -- --ingest` prints', () => {
    const line = formatIngestStats({ files: 21, statements: 10_000, nodes: 15_997, relationships: 80_104, batches: 11, seconds: 8, peakRssBytes: 170 * 2 ** 20 });
    expect(parseIngestLine(`progress...\n${line}`)).toEqual({ seconds: 8, statementsPerSecond: 1_250, recordsPerSecond: 12_013, peakRssMiB: 170, batches: 11 });
    expect(parseIngestLine('nothing here')).toBeUndefined();
  });
});
