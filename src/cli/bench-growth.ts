/**
 * `npm run bench:growth -- FILE...`: prints how cost grows (issue 18) from bench result
 * files of different sizes (bench/results/*.json, `--loaded` runs included): p50 per
 * operation, start point and implementation at each size, and the factor from the
 * smallest size to the largest, as Markdown for docs/performance.md.
 * Exit codes: 0 printed, 2 usage, 3 a file that is not a bench result (named, with why).
 */
import { readFile } from 'node:fs/promises';
import { formatGrowthTable, parseBenchResult } from '../bench/growth-table.js';
import type { BenchResult } from '../bench/run-bench.js';
import { cliProgram, parseArgs } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('bench:growth', 'Print p50 per operation at each corpus size, with the growth factor, from bench result files.').argument(
  '<files...>',
  'bench result JSON files (bench/results/*.json), of the sizes to compare',
);

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const results: Array<{ file: string; result: BenchResult }> = [];
  let failed = false;
  for (const file of program.args) {
    try {
      results.push({ file, result: parseBenchResult(await readFile(file, 'utf8'), file) });
    } catch (err) {
      failed = true;
      process.stderr.write(`bench:growth: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? `${file}: no such file` : (err as Error).message}\n`);
    }
  }
  if (failed) return ExitCode.INVALID_DATA;
  process.stdout.write(formatGrowthTable(results));
  return ExitCode.OK;
}

process.exitCode = await main();
