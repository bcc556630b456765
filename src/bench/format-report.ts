/**
 * The benchmark's printed tables: ingest per size, latency per operation with
 * ratios to the floor, throughput per workload and concurrency.
 */
import { IMPLEMENTATIONS, type BenchResult } from './run-bench.js';

const n = (x: number): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '-');
const ratio = (x: number | undefined, floor: number | undefined): string => (x !== undefined && floor ? `${(x / floor).toFixed(1)}x` : '-');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Markdown tables of a benchmark result. */
export function formatReport(r: BenchResult): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.neo4j}; load average ${m.loadAverageBefore.join(' ')} -> ${m.loadAverageAfter.join(' ')}`);
  out.push(`command: ${r.command}${r.commit ? ` (commit ${r.commit})` : ''}\n`);
  out.push('Ingest (bulk, batched MERGE, from empty)\n');
  out.push(
    table(
      ['statements', 'actors', 'nodes', 'relationships', 'seconds', 'statements/s', 'records/s', 'peak RSS MiB', 'duplicates'],
      r.sizes.map((s) => {
        const i = s.ingest;
        const figures = i ? [n(i.seconds), n(i.statementsPerSecond), n(i.recordsPerSecond), n(i.peakRssMiB)] : ['not measured', '-', '-', '-'];
        return [n(s.statements), n(s.actors), n(s.graph.nodes), n(s.graph.relationships), ...figures, n(s.graph.duplicateIds + s.graph.duplicateRelationships)];
      }),
    ),
  );
  for (const s of r.sizes.filter((x) => x.loadedBeforehand)) out.push(`\n${n(s.statements)} statements: ingest not measured, the graph was loaded beforehand by \`${s.loadedBeforehand}\` (checked: counts, reference note, sampled statements)`);
  const checks = r.sizes.flatMap((s) => (s.answers ?? []).map((a) => [n(s.graph.nodes), a.operation, a.compared.join(', '), String(a.samples), a.mismatches === 0 ? 'same' : `${a.mismatches} differ: ${a.firstMismatch ?? ''}`]));
  if (checks.length > 0) {
    out.push('\nAnswers compared before timing (ids in each answer)\n');
    out.push(table(['nodes', 'operation', 'implementations', 'start points', 'answers'], checks));
  }
  out.push('\nLatency, ms (p50 / p95 / p99; ratio = p50 and p99 to the floor; errors)\n');
  const rows: string[][] = [];
  for (const s of r.sizes) {
    for (const l of s.latency) {
      const floor = l.results.floor;
      for (const impl of IMPLEMENTATIONS) {
        const x = l.results[impl];
        if (!x && impl === 'old-floor') continue; // measured only where derived data replaced a query
        rows.push([
          n(s.graph.nodes),
          l.operation,
          l.startsAt,
          impl,
          x ? `${n(x.p50)} / ${n(x.p95)} / ${n(x.p99)}` : impl === 'neo4j-graphql' && l.unsupported ? 'cannot express' : '-',
          x && impl !== 'floor' ? `${ratio(x.p50, floor?.p50)} / ${ratio(x.p99, floor?.p99)}` : '',
          x ? `${x.errors}/${x.n}` : '',
        ]);
      }
    }
  }
  out.push(table(['nodes', 'operation', 'start', 'implementation', 'p50 / p95 / p99', 'x floor p50 / p99', 'errors'], rows));
  out.push('\nThroughput (req/s, p99 ms, errors)\n');
  const trows: string[][] = [];
  for (const s of r.sizes) {
    for (const t of s.throughput) {
      for (const impl of IMPLEMENTATIONS) {
        for (const x of t.results[impl] ?? []) {
          const floor = t.results.floor?.find((f) => f.concurrency === x.concurrency);
          trows.push([n(s.graph.nodes), t.workload, impl, String(x.concurrency), n(x.rps), n(x.p99), `${x.errors}/${x.requests}`, impl === 'floor' ? '' : ratio(x.rps, floor?.rps)]);
        }
      }
    }
  }
  out.push(table(['nodes', 'workload', 'implementation', 'concurrency', 'req/s', 'p99', 'errors', 'x floor req/s'], trows));
  const unsupported = r.sizes[0]?.latency.filter((l) => l.unsupported && l.startsAt === 'hub') ?? [];
  if (unsupported.length > 0) out.push(`\n@neo4j/graphql cannot express: ${unsupported.map((l) => `${l.operation} (${l.unsupported})`).join('; ')}`);
  return `${out.join('\n')}\n`;
}
