/**
 * How cost grows (issue 18): from bench result files of different corpus sizes, one
 * Markdown table of p50 per operation, start point and implementation at each size,
 * and the factor from the smallest size to the largest. It replaces assembling the
 * table of docs/performance.md by hand.
 */
import type { BenchResult, Implementation } from './run-bench.js';

/** The implementations the table shows, in order, with their column words. */
const SHOWN: Array<[Implementation, string]> = [
  ['old-floor', 'old floor'],
  ['floor', 'floor'],
  ['diplograph', 'diplograph'],
  ['neo4j-graphql', '@neo4j/graphql'],
];

/** One size's figures and where they came from. */
interface SizeSource {
  statements: number;
  file: string;
  result: BenchResult;
}

/** A corpus size as the docs write it: 10^4 for 10,000, else the number. */
export function sizeLabel(statements: number): string {
  const exponent = Math.log10(statements);
  return Number.isInteger(exponent) && exponent > 0 ? `10^${exponent}` : statements.toLocaleString('en-US');
}

const ms = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The growth table of `results` (each with the file it was read from). A size measured
 * in more than one file is taken from the latest run (`startedAt`), and the sources say so.
 * A cell with no p50 (every request failed) shows its errors; the factor needs both ends.
 */
export function formatGrowthTable(results: Array<{ file: string; result: BenchResult }>): string {
  const bySize = new Map<number, SizeSource>();
  const replaced: string[] = [];
  const ordered = [...results].sort((a, b) => a.result.startedAt.localeCompare(b.result.startedAt));
  for (const { file, result } of ordered) {
    for (const size of result.sizes) {
      const earlier = bySize.get(size.statements);
      if (earlier) replaced.push(`${sizeLabel(size.statements)}: ${file} replaces ${earlier.file} (a later run)`);
      bySize.set(size.statements, { statements: size.statements, file, result });
    }
  }
  const sizes = [...bySize.values()].sort((a, b) => a.statements - b.statements);
  if (sizes.length === 0) return 'No sizes in the files given.\n';
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const factorHeader = sizes.length > 1 ? `${sizeLabel(first.statements)} -> ${sizeLabel(last.statements)}` : 'factor';

  // Operations and start points in the order the first file that has them lists them.
  const keys: Array<{ operation: string; startsAt: string }> = [];
  for (const s of sizes) {
    for (const l of s.result.sizes.find((x) => x.statements === s.statements)!.latency) {
      if (!keys.some((k) => k.operation === l.operation && k.startsAt === l.startsAt)) keys.push({ operation: l.operation, startsAt: l.startsAt });
    }
  }

  const cell = (s: SizeSource, operation: string, startsAt: string, impl: Implementation): { text: string; p50?: number } => {
    const entry = s.result.sizes.find((x) => x.statements === s.statements)!.latency.find((l) => l.operation === operation && l.startsAt === startsAt);
    const x = entry?.results[impl];
    if (!x) return { text: impl === 'neo4j-graphql' && entry?.unsupported ? 'cannot express' : '' };
    // JSON writes a NaN p50 (no request answered) as null.
    if (typeof x.p50 !== 'number' || !Number.isFinite(x.p50)) return { text: `no answer (${x.errors}/${x.n} errors)` };
    return { text: x.errors > 0 ? `${ms(x.p50)} (${x.errors}/${x.n} errors)` : ms(x.p50), p50: x.p50 };
  };

  const lines = [
    `| operation | start | implementation | ${sizes.map((s) => sizeLabel(s.statements)).join(' | ')} | ${factorHeader} |`,
    `|---|---|---|${sizes.map(() => '---|').join('')}---|`,
  ];
  const cannotExpress: string[] = [];
  for (const { operation, startsAt } of keys) {
    for (const [impl, name] of SHOWN) {
      const cells = sizes.map((s) => cell(s, operation, startsAt, impl));
      // An implementation measured at no size (the old floor where nothing replaced the query) has no row.
      if (cells.every((c) => c.text === '')) continue;
      if (cells.every((c) => c.text === 'cannot express')) {
        if (!cannotExpress.includes(operation)) cannotExpress.push(operation);
        continue;
      }
      const a = cells[0]!.p50;
      const b = cells[cells.length - 1]!.p50;
      const factor = sizes.length > 1 && a !== undefined && b !== undefined && a > 0 ? `${formatFactor(b / a)}x` : '-';
      lines.push(`| ${operation} | ${startsAt} | ${name} | ${cells.map((c) => c.text || '-').join(' | ')} | ${factor} |`);
    }
  }

  const sources = sizes.map((s) => {
    const r = s.result;
    const load = `load average ${r.machine.loadAverageBefore.map((x) => x.toFixed(1)).join(' ')} -> ${r.machine.loadAverageAfter.map((x) => x.toFixed(1)).join(' ')}`;
    return `- ${sizeLabel(s.statements)}: ${s.file} (\`${r.command}\`${r.commit ? `, commit ${r.commit}` : ''}, ${r.startedAt}, ${load})`;
  });
  const notes = cannotExpress.length > 0 ? ['', `@neo4j/graphql cannot express: ${cannotExpress.join(', ')}.`] : [];
  return [`p50 in ms, one request at a time; factor = p50 at the largest size / p50 at the smallest.`, '', ...lines, ...notes, '', 'From:', ...sources, ...replaced.map((r) => `- ${r}`), ''].join('\n');
}

/** A factor with two significant digits below 10 (0.93, 4.4) and whole above (21, 105). */
function formatFactor(f: number): string {
  return f >= 10 ? Math.round(f).toLocaleString('en-US') : f.toPrecision(2);
}


/**
 * A bench result file's text as a BenchResult, or an error naming the file and what is
 * missing (the growth table reads `startedAt`, `command`, `machine`'s load averages and
 * each size's `statements` and `latency`).
 */
export function parseBenchResult(text: string, file: string): BenchResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON: ${(err as Error).message}`);
  }
  const r = value as Partial<BenchResult> | null;
  const problems: string[] = [];
  if (typeof r !== 'object' || r === null) problems.push('not an object');
  else {
    if (typeof r.startedAt !== 'string') problems.push('startedAt: expected a time');
    if (typeof r.command !== 'string') problems.push('command: expected a string');
    if (!Array.isArray(r.machine?.loadAverageBefore) || !Array.isArray(r.machine?.loadAverageAfter)) problems.push('machine.loadAverageBefore/After: expected lists');
    if (!Array.isArray(r.sizes)) problems.push('sizes: expected a list');
    else
      r.sizes.forEach((s, i) => {
        if (typeof s?.statements !== 'number') problems.push(`sizes[${i}].statements: expected a number`);
        if (!Array.isArray(s?.latency)) problems.push(`sizes[${i}].latency: expected a list`);
      });
  }
  if (problems.length > 0) throw new Error(`${file}: not a bench result (bench/results/README.md): ${problems.join('; ')}`);
  return r as BenchResult;
}
