/**
 * The seeding use case: find the files, read, validate all of them, plan the
 * graph and load it. Nothing is written unless every file is valid.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../config.js';
import { applySchema, loadGraph, type LoadSummary } from './load-graph.js';
import { planGraph, type GraphPlan } from './plan-graph.js';
import { findSeedFiles, readSeedFiles } from './read-seed-files.js';
import type { DescribeOwner } from './ownership.js';
import { SeedValidationError } from './seed-issue.js';
import { definitionSites } from './definition-sites.js';
import { validateSeeds } from './validate-seeds.js';

/** The folder seed files live in by default. */
export const defaultSeedsDir = path.join(projectRoot, 'seeds');

/** Options of a seeding run. */
export interface SeedRunOptions {
  /** Files or folders to load; default: all of seeds/. */
  paths?: string[];
  database: string;
  dryRun?: boolean;
  reset?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads and validates seed files. Files named inside seeds/ are checked
 * together with the rest of seeds/ (their references may point there) but only
 * they are planned; files elsewhere are checked on their own.
 * Throws SeedValidationError with every problem found.
 */
export async function prepareSeeds(paths: string[] | undefined): Promise<{ plan: GraphPlan; files: string[] }> {
  const requested = await findSeedFiles(paths && paths.length > 0 ? paths : [defaultSeedsDir]);
  const insideSeeds = requested.every((f) => !path.relative(defaultSeedsDir, path.resolve(f)).startsWith('..'));
  const context = insideSeeds ? await findSeedFiles([defaultSeedsDir]) : [];
  const all = [...new Set([...requested, ...context])].sort();
  if (all.length === 0) throw new SeedValidationError([{ file: paths?.join(', ') ?? defaultSeedsDir, line: 0, col: 0, path: '', message: 'no .yaml seed files found' }]);
  const { parsed, issues: syntaxIssues } = await readSeedFiles(all);
  const { files, issues } = validateSeeds(parsed);
  const allIssues = [...syntaxIssues, ...issues];
  if (allIssues.length > 0) throw new SeedValidationError(allIssues);
  const wanted = new Set(requested);
  const plan = planGraph(files.filter((f) => wanted.has(f.file)));
  plan.sites = definitionSites(parsed.filter((p) => wanted.has(p.file)));
  return { plan, files: requested };
}

/**
 * Names the seed file that owns an origin, looked up in seeds/ (the other file need not
 * be loaded): `seeds/x.yaml:12:9 (the seed file of source "x")`. API origins are left
 * to the loader, which names the key from the audit trail.
 */
export function seedsDirOwners(): DescribeOwner {
  let sites: Promise<Map<string, { file: string; line: number; col: number; sourceOf: Map<string, string> }>> | undefined;
  const load = async () => {
    const { parsed } = await readSeedFiles(await findSeedFiles([defaultSeedsDir]));
    const out = new Map<string, { file: string; line: number; col: number; sourceOf: Map<string, string> }>();
    const sourceOf = new Map<string, string>();
    for (const p of parsed) {
      const source = (p.data as { source?: { id?: unknown } } | undefined)?.source?.id;
      if (typeof source === 'string') sourceOf.set(source, p.file);
    }
    for (const [id, site] of definitionSites(parsed)) out.set(id, { ...site, sourceOf });
    return out;
  };
  return async (origin, id) => {
    if (origin.startsWith('api:')) return undefined;
    sites ??= load().catch(() => new Map());
    const site = (await sites).get(id);
    if (site && site.sourceOf.get(origin) === site.file) return `defined at ${site.file}:${site.line}:${site.col} (the seed file of source "${origin}")`;
    return undefined;
  };
}

/** Validates, then (unless dry) applies the schema and loads the files in one transaction. */
export async function runSeed(driver: Driver, opts: SeedRunOptions): Promise<{ summary: LoadSummary; files: string[]; plan: GraphPlan }> {
  const { plan, files } = await prepareSeeds(opts.paths);
  if (!opts.dryRun) await applySchema(driver, opts.database);
  const summary = await loadGraph(driver, plan, {
    database: opts.database,
    dryRun: opts.dryRun ?? false,
    reset: opts.reset ?? false,
    describeOwner: seedsDirOwners(),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { summary, files, plan };
}
