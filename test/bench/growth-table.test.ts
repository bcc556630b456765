/**
 * The growth table (`npm run bench:growth`, issue 18) from two small synthetic bench
 * results: p50 per size and implementation, the factor from the smallest size to the
 * largest, a failed cell shown as such, a later run of a size replacing an earlier one,
 * and a file that is not a bench result refused with what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { formatGrowthTable, parseBenchResult, sizeLabel } from '../../src/bench/growth-table.js';
import type { BenchResult, SizeResult } from '../../src/bench/run-bench.js';
import type { Latency } from '../../src/bench/measure.js';

const lat = (p50: number, errors = 0, n = 10): Latency => ({ n, errors, p50, p95: p50 * 2, p99: p50 * 3, mean: p50 });

function result(startedAt: string, sizes: Array<Pick<SizeResult, 'statements' | 'latency'>>): BenchResult {
  return {
    startedAt,
    command: `npm run bench -- --sizes ${sizes.map((s) => s.statements).join(',')}`,
    machine: { cpu: 'test', cores: 2, memoryGiB: 8, node: 'v20', neo4j: '5.26', loadAverageBefore: [1, 1, 1], loadAverageAfter: [2, 2, 2] },
    settings: { sizes: sizes.map((s) => s.statements), seed: 1, requests: 10, warmup: 2, concurrency: [32], seconds: 1, quick: false },
    sizes: sizes.map((s) => ({ ...s, actors: 200, graph: { nodes: 1, relationships: 1, duplicateIds: 0, duplicateRelationships: 0 }, throughput: [], answers: [] })),
  };
}

const small = result('2026-12-01T10:00:00.000Z', [
  {
    statements: 10_000,
    latency: [
      { operation: 'agreement of two actors', startsAt: 'hub', results: { 'old-floor': lat(60), floor: lat(10), diplograph: lat(20) }, unsupported: 'no aggregation' },
      { operation: 'actor profile', startsAt: 'other', results: { floor: lat(2), diplograph: lat(8), 'neo4j-graphql': lat(9) } },
    ],
  },
]);
const large = result('2026-12-02T10:00:00.000Z', [
  {
    statements: 1_000_000,
    latency: [
      // NaN p50 (every request failed) is null once written as JSON.
      { operation: 'agreement of two actors', startsAt: 'hub', results: { 'old-floor': lat(6_000), floor: lat(150), diplograph: { ...lat(0, 5, 5), p50: null as unknown as number } }, unsupported: 'no aggregation' },
      { operation: 'actor profile', startsAt: 'other', results: { floor: lat(3), diplograph: lat(12, 1), 'neo4j-graphql': lat(18) } },
    ],
  },
]);

const rows = (table: string): string[] => table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| operation'));

describe('the growth table', () => {
  it('puts each size in a column and the factor from the smallest to the largest beside it', () => {
    // Given in any order: the sizes are sorted.
    const table = formatGrowthTable([
      { file: 'large.json', result: large },
      { file: 'small.json', result: small },
    ]);
    expect(table).toContain('| operation | start | implementation | 10^4 | 10^6 | 10^4 -> 10^6 |');
    expect(rows(table)).toEqual([
      '| agreement of two actors | hub | old floor | 60.0 | 6,000.0 | 100x |',
      '| agreement of two actors | hub | floor | 10.0 | 150.0 | 15x |',
      '| agreement of two actors | hub | diplograph | 20.0 | no answer (5/5 errors) | - |',
      '| actor profile | other | floor | 2.0 | 3.0 | 1.5x |',
      '| actor profile | other | diplograph | 8.0 | 12.0 (1/10 errors) | 1.5x |',
      '| actor profile | other | @neo4j/graphql | 9.0 | 18.0 | 2.0x |',
    ]);
    expect(table).toContain('@neo4j/graphql cannot express: agreement of two actors.');
    expect(table).toContain('- 10^4: small.json (`npm run bench -- --sizes 10000`');
    expect(table).toContain('- 10^6: large.json (`npm run bench -- --sizes 1000000`');
  });

  it('takes a size measured twice from the later run, and says so', () => {
    const rerun = result('2026-12-03T10:00:00.000Z', [{ statements: 10_000, latency: [{ operation: 'actor profile', startsAt: 'other', results: { floor: lat(1.5) } }] }]);
    const table = formatGrowthTable([
      { file: 'rerun.json', result: rerun },
      { file: 'small.json', result: small },
      { file: 'large.json', result: large },
    ]);
    expect(rows(table)).toContain('| actor profile | other | floor | 1.5 | 3.0 | 2.0x |');
    expect(table).toContain('10^4: rerun.json replaces small.json (a later run)');
  });

  it('labels powers of ten as the docs do, other sizes as numbers', () => {
    expect([10_000, 100_000, 1_000_000, 25_000].map(sizeLabel)).toEqual(['10^4', '10^5', '10^6', '25,000']);
  });

  it('refuses a file that is not a bench result, naming the file and the fields', () => {
    expect(() => parseBenchResult('{"sizes": [{"statements": "many"}]}', 'bench/results/x.json')).toThrow(
      'bench/results/x.json: not a bench result (bench/results/README.md): startedAt: expected a time; command: expected a string; machine.loadAverageBefore/After: expected lists; sizes[0].statements: expected a number; sizes[0].latency: expected a list',
    );
    expect(() => parseBenchResult('{', 'y.json')).toThrow(/^y\.json: not JSON: /);
    expect(parseBenchResult(JSON.stringify(small), 'small.json').sizes[0]!.statements).toBe(10_000);
  });
});
