/**
 * `npm run check [-- --page-size N] [--json] [--rebuild-derived]`: checks the graph's
 * invariants over the whole database (every node, one page of ids per read transaction,
 * so memory stays bounded on a large graph; progress on stderr) and reports each
 * violation by id. With --rebuild-derived it first rebuilds the derived positions
 * (decision 0035) from scratch, in batches: for a database loaded before they existed.
 * Exit codes: 0 clean, 1 runtime error, 2 usage or configuration, 3 violations found,
 * 4 database unreachable.
 */
import { checkDatabase } from '../check/check-graph.js';
import { rebuildAllAttestations } from '../derived/attestation.js';
import { rebuildAllTopicPositions } from '../derived/topic-positions.js';
import { rebuildAllMembershipDates } from '../derived/membership-dates.js';
import { cliProgram, parseArgs, positiveInt, withDriver } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('check', "Check the graph's invariants over the whole database and report each violation by id.")
  .option('--page-size <n>', 'nodes per read transaction', positiveInt, 5000)
  .option('--max <n>', 'list at most this many violations (all are counted)', positiveInt, 1000)
  .option('--json', 'print the report as JSON on stdout')
  .option('--rebuild-derived', 'first rebuild the derived data (positions per holder and topic, stance attestations, membership dates) from scratch, in batches');

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ pageSize: number; max: number; json?: boolean; rebuildDerived?: boolean }>();
  const started = Date.now();
  return withDriver('check', async (driver, config) => {
    if (opts.rebuildDerived) {
      const pairs = await rebuildAllTopicPositions(driver, config.neo4j.database, {
        onProgress: (holders, built) => process.stderr.write(`derived positions: ${holders} actors, ${built} pairs (${Math.round((Date.now() - started) / 1000)} s)\n`),
      });
      process.stderr.write(`rebuilt ${pairs} derived positions\n`);
      process.stderr.write(`rebuilt the membership dates of ${await rebuildAllMembershipDates(driver, config.neo4j.database)} actors\n`);
      process.stderr.write(`rebuilt the attestation of ${await rebuildAllAttestations(driver, config.neo4j.database)} stances\n`);
    }
    const report = await checkDatabase(driver, config.neo4j.database, {
      pageSize: opts.pageSize,
      maxViolations: opts.max,
      onProgress: (n) => process.stderr.write(`checked ${n} nodes (${Math.round((Date.now() - started) / 1000)} s)\n`),
    });
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const v of report.violations) process.stdout.write(`${v.id}\t${v.check}\t${v.message}\n`);
      const more = report.violationCount - report.violations.length;
      process.stdout.write(
        `${report.checkedNodes} nodes checked in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${report.violationCount === 0 ? 'no violations' : `${report.violationCount} violation${report.violationCount === 1 ? '' : 's'}${more > 0 ? ` (${more} not listed)` : ''}`}\n`,
      );
    }
    return report.violationCount === 0 ? ExitCode.OK : ExitCode.INVALID_DATA;
  });
}

process.exitCode = await main();
