/**
 * `npx tsx src/cli/calibrate-cost.ts [--hub ID --other ID --demand ID --actors A,B,... --event ID --issue ID --from DATE --to DATE]`:
 * PROFILEs each analytical field through the real server on the configured Neo4j and
 * prints db hits beside the work src/graphql/field-work.ts assigns (a Markdown table
 * for docs/reliability.md). Defaults are ids of the seeded graph. A probe that gets no
 * answer (a timeout) is printed as such and the others still run; the exit code is then 1.
 */
import { calibrate, formatCalibration } from '../reliability/cost-calibration.js';
import { cliProgram, parseArgs, withDriver } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('calibrate-cost', 'Measure the Neo4j db hits of the analytical fields against the cost estimate.')
  .option('--hub <id>', 'centre of neighbourhoods, start of paths', 'nato')
  .option('--other <id>', 'end of paths', 'russia')
  .option('--demand <id>', 'demand for positions', 'demand-nato-stop-enlargement')
  .option('--actors <ids>', 'comma-separated actors for agreement (2-10)', 'russia,nato,germany,united-states,france,united-kingdom,netherlands,ukraine,czechia,turkey')
  .option('--event <id>', 'start of event chains', 'crimea-annexation-2014')
  .option('--issue <id>', 'issue the timeline, statements and stances are filtered by (its sub-issues included)', 'european-security')
  .option('--from <date>', 'start of the date range the lists are filtered by (YYYY, YYYY-MM or YYYY-MM-DD)')
  .option('--to <date>', 'end of that date range')
  .option('--depths <list>', 'comma-separated neighbourhood depths to measure (default 1,2,3)')
  .option('--only <fields>', 'comma-separated fields to measure (e.g. timeline,statements), to rerun some without the others');

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ hub: string; other: string; demand: string; actors: string; event: string; issue: string; from?: string; to?: string; only?: string; depths?: string }>();
  return withDriver('calibrate-cost', async (driver, config) => {
    const ids = { hub: opts.hub, other: opts.other, demand: opts.demand, actors: opts.actors.split(',').map((s) => s.trim()).filter(Boolean), event: opts.event, issue: opts.issue, ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) };
    // Progress on stderr: at 10^6 statements one probe can take minutes.
    const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
    const depths = opts.depths?.split(',').map((s) => Number(s.trim())).filter((d) => [1, 2, 3].includes(d));
    const rows = await calibrate(config, driver, { ...ids, ...(only ? { only } : {}), ...(depths?.length ? { depths } : {}) }, (r) =>
      process.stderr.write(`calibrate-cost: ${r.field} (${r.args}): ${r.error ? `no answer after ${r.ms} ms: ${r.error}` : `${r.dbHits.toLocaleString('en')} db hits in ${r.ms} ms`}${r.sizes ? `; sizes ${JSON.stringify(r.sizes)}` : ''}\n`),
    );
    console.log(formatCalibration(rows));
    // Every row is printed; a probe without an answer still makes the run a failure.
    return rows.some((r) => r.error) ? ExitCode.RUNTIME_ERROR : ExitCode.OK;
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`calibrate-cost: ${(err as Error).stack ?? String(err)}`);
    process.exit(ExitCode.RUNTIME_ERROR);
  },
);
