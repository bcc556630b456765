/**
 * `npm run bench:relation-read [-- --builds 10000]`: prints what building the
 * composed query of the actor profile and demand thread lookups costs, with and
 * without the text cache (src/bench/relation-read-cost.ts). Exit codes: 0 ok, 1 error, 2 usage.
 */
import { plannedLookup, relationReadCost } from '../bench/relation-read-cost.js';
import { cliProgram, parseArgs, positiveInt, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('bench:relation-read', 'Time building the composed Cypher of the docs/queries lookups, with and without the text cache.').option(
  '--builds <n>',
  'builds per lookup and variant',
  positiveInt,
  10_000,
);

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const { builds } = program.opts<{ builds: number }>();
  const lookups = [plannedLookup('2-actor-profile.graphql', 'Actor'), plannedLookup('3-demand-thread.graphql', 'Demand')];
  for (const c of relationReadCost(lookups, builds)) {
    console.log(`${c.name}: ${c.fetches} fetches, ${c.uncachedMs.toFixed(4)} ms per build without the cache, ${c.cachedMs.toFixed(4)} ms with it (${builds} builds)`);
  }
  return ExitCode.OK;
}

void runMain('bench:relation-read', main);
