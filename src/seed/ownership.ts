/**
 * What a seed load may touch: a file creates, changes and deletes only what it owns
 * (origin = its source id). An id another file or the API owns, defined again in a
 * loaded file, and a deletion that would leave another owner's facts dangling are
 * refused before anything is written, naming both owners (docs/writes.md, "Who owns what").
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import type { GraphPlan, NodeRow } from './plan-graph.js';
import type { SeedIssue } from './seed-issue.js';

/** Names the owner of an origin: "the seed file of source X (path:line:col)" or "written through the API by key K". */
export type DescribeOwner = (origin: string, id: string) => Promise<string | undefined>;

const API_PREFIX = 'api:';

/** The default description of an owner, from the graph alone. */
async function describe(tx: ManagedTransaction, origin: string, id: string, hook?: DescribeOwner): Promise<string> {
  const custom = await hook?.(origin, id);
  if (custom !== undefined) return custom;
  if (origin.startsWith(API_PREFIX)) {
    const res = await tx.run(cypher('check/api-writer'), { id });
    const r = res.records[0];
    const key = r ? `key ${r.get('keyId') as string} ("${r.get('keyName') as string}")` : 'a key (no change recorded)';
    return `written through the API by ${key} into the file of source "${origin.slice(API_PREFIX.length)}"`;
  }
  return `defined in the seed file of source "${origin}"`;
}

const noun = (label: string): string => (/^[AEIOU]/.test(label) ? `an ${label.toLowerCase()}` : `a ${label.toLowerCase()}`);

/** A site of a planned node for an issue; the file's start when the plan knows no position. */
function siteOf(plan: GraphPlan, node: { id: string; props: { origin?: unknown } }): Omit<SeedIssue, 'message'> {
  const site = plan.sites?.get(node.id);
  if (site) return site;
  const file = plan.files[String(node.props.origin)] ?? String(node.props.origin);
  return { file, line: 0, col: 0, path: '' };
}

/**
 * Planned nodes whose id the graph holds under another owner: one issue each, at the
 * definition in the file, naming the other owner.
 */
export async function ownershipIssues(
  tx: ManagedTransaction,
  plan: GraphPlan,
  existing: Map<string, { label: string; origin: unknown }>,
  hook?: DescribeOwner,
): Promise<SeedIssue[]> {
  const origins = new Set(plan.origins);
  const issues: SeedIssue[] = [];
  for (const node of plan.nodes as NodeRow[]) {
    const old = existing.get(node.id);
    if (!old || origins.has(String(old.origin))) continue;
    const owner = await describe(tx, String(old.origin), node.id, hook);
    issues.push({
      ...siteOf(plan, node),
      message: `"${node.id}" is ${noun(old.label)} ${owner}: a file may only define what it owns (choose another id, or change it where it is defined)`,
    });
  }
  return issues;
}

/**
 * Nodes the load would delete (gone from their file, or changing label) that other
 * owners' relationships still point to: one issue per node, naming the dependants.
 */
export async function dependantIssues(
  tx: ManagedTransaction,
  plan: GraphPlan,
  deleteIds: string[],
  existing: Map<string, { label: string; origin: unknown }>,
  hook?: DescribeOwner,
): Promise<SeedIssue[]> {
  if (deleteIds.length === 0) return [];
  const res = await tx.run(cypher('check/dependants'), { ids: deleteIds, origins: plan.origins });
  const byId = new Map<string, string[]>();
  for (const r of res.records) {
    const id = r.get('id') as string;
    const other = r.get('other') as string;
    const owner = await describe(tx, String(r.get('origin')), other, hook);
    const line = `${(r.get('otherLabel') as string).toLowerCase()} "${other}" (${r.get('from') as string} ${r.get('type') as string} ${r.get('to') as string}, ${owner})`;
    byId.set(id, [...(byId.get(id) ?? []), line]);
  }
  const planned = new Map(plan.nodes.map((n) => [n.id, n]));
  const issues: SeedIssue[] = [];
  for (const [id, dependants] of byId) {
    const node = planned.get(id);
    const old = existing.get(id);
    const label = old?.label ?? 'Entity';
    const what = node ? `changing "${id}" from ${noun(label)} to ${noun(node.label)}` : `deleting ${noun(label)} "${id}" (no longer in its file)`;
    const site = node ? siteOf(plan, node) : { file: plan.files[String(old?.origin)] ?? String(old?.origin), line: 0, col: 0, path: '' };
    issues.push({ ...site, message: `${what} would leave facts of other owners dangling: ${dependants.join('; ')}. Keep it, or remove or change those first` });
  }
  return issues;
}
