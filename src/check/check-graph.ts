/**
 * The graph's invariants, checked by the queries in cypher/check/: every node has the
 * relationships its section requires, every relationship joins kinds the model allows,
 * quoted speakers can be quoted, offices are held by persons. The seed loader and the
 * write API run them on what they touched, in their own transaction before commit;
 * `npm run check` runs them page by page over a whole database.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { OFFICE_HOLDER_KIND, QUOTABLE_KINDS, UNQUOTED_MODES } from '../seed/validate-seeds.js';
import { modelRules } from './model-rules.js';

/** One broken invariant: which check, the id at fault, and what is wrong. */
export interface Violation {
  check: 'missing-required' | 'relationship-kinds' | 'speaker-can-be-quoted' | 'office-held-by-person' | 'stance-rests-on-analysis';
  id: string;
  message: string;
}

/** A load or write that would leave the graph breaking an invariant; its transaction is rolled back. */
export class InvariantViolationError extends Error {
  override name = 'InvariantViolationError';
  constructor(readonly violations: Violation[]) {
    super(`the graph would break ${violations.length} invariant${violations.length === 1 ? '' : 's'}:\n${violations.map((v) => `  ${v.id}: ${v.message}`).join('\n')}`);
  }
}

const article = (word: string): string => (/^[AEIOUaeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const noun = (label: string): string => label.toLowerCase();

/** Ids per query: the checks stay small transactions' worth of work. */
const IDS_PER_QUERY = 2000;

/**
 * The queries for the nodes' own ends of each invariant, for a pass over every node:
 * each relationship from its start node, each statement and office from itself. The
 * default (both ends) is for what a load or write touched, where the other end is not
 * checked otherwise; over the whole graph it reads a hub's relationships on the hub's
 * page again, which at 10^6 statements (an issue with 10^5 statements) stalls the check.
 */
const ONE_END = { kinds: 'check/relationship-kinds-outgoing', speakers: 'check/speaker-can-be-quoted-of-statements', offices: 'check/office-held-by-person-of-offices' };
const BOTH_ENDS = { kinds: 'check/relationship-kinds', speakers: 'check/speaker-can-be-quoted', offices: 'check/office-held-by-person' };

/**
 * Runs every invariant check on the given nodes (and the relationships touching them).
 * With `everyNode`, the caller checks every node of the graph page by page, so each
 * relationship and pair is looked at from one end only (see ONE_END).
 */
export async function checkNodes(tx: ManagedTransaction, ids: Iterable<string>, opts: { everyNode?: boolean } = {}): Promise<Violation[]> {
  const all = [...new Set(ids)];
  const rules = modelRules();
  const queries = opts.everyNode ? ONE_END : BOTH_ENDS;
  const out: Violation[] = [];
  const seenRels = new Set<string>();
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) {
    const page = all.slice(i, i + IDS_PER_QUERY);
    const [required, kinds, speakers, offices] = await Promise.all([
      tx.run(cypher('check/missing-required'), { ids: page, rules: rules.required }),
      tx.run(cypher(queries.kinds), { ids: page, allowed: rules.allowedTriples }),
      tx.run(cypher(queries.speakers), { ids: page, quotableKinds: QUOTABLE_KINDS, unquotedModes: UNQUOTED_MODES }),
      tx.run(cypher(queries.offices), { ids: page, holderKind: OFFICE_HOLDER_KIND }),
    ]);
    for (const r of required.records) {
      const [id, label, field, type, outgoing] = ['id', 'label', 'field', 'type', 'outgoing'].map((k) => toPlain(r.get(k))) as [string, string, string, string, boolean];
      out.push({ check: 'missing-required', id, message: `${noun(label)} "${id}" has no ${field} (no ${outgoing ? 'outgoing' : 'incoming'} ${type})` });
    }
    for (const r of kinds.records) {
      const [from, type, to, triple] = ['from', 'type', 'to', 'triple'].map((k) => r.get(k) as string) as [string, string, string, string];
      const key = `${from}|${type}|${to}`;
      if (seenRels.has(key)) continue;
      seenRels.add(key);
      const [, fromLabel, toLabel] = triple.split('|') as [string, string, string];
      out.push({ check: 'relationship-kinds', id: from, message: `${type} from ${noun(fromLabel)} "${from}" to ${noun(toLabel)} "${to}": the model has no such relationship` });
    }
    for (const r of speakers.records) {
      const [id, mode, speaker, kind] = ['id', 'mode', 'speaker', 'kind'].map((k) => r.get(k) as string) as [string, string, string, string];
      out.push({ check: 'speaker-can-be-quoted', id, message: `statement "${id}" is ${article(mode)} by "${speaker}", ${article(kind)}: ${article(mode)} needs a speaker who can be quoted` });
    }
    for (const r of offices.records) {
      const [id, holder, kind] = ['id', 'holder', 'kind'].map((k) => r.get(k) as string) as [string, string, string];
      out.push({ check: 'office-held-by-person', id, message: `office "${id}" is held by "${holder}", ${article(kind)}: an office is held by ${article(OFFICE_HOLDER_KIND)}` });
    }
  }
  return dedupe(out);
}

/** A statement found from both its speaker and itself is reported once. */
function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.check}|${v.id}|${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks the given nodes and throws InvariantViolationError when any invariant is broken. */
export async function assertInvariants(tx: ManagedTransaction, ids: Iterable<string>): Promise<void> {
  const violations = await checkNodes(tx, ids);
  if (violations.length > 0) throw new InvariantViolationError(violations);
}

/** Options of a whole-database check. */
export interface CheckDatabaseOptions {
  /** Nodes per read transaction. */
  pageSize?: number;
  onProgress?: (checked: number) => void;
  /** Stop collecting after this many violations (the count goes on). */
  maxViolations?: number;
}

/** The outcome of a whole-database check. */
export interface CheckReport {
  checkedNodes: number;
  violationCount: number;
  violations: Violation[];
}

/**
 * Checks every node of the database, one page of ids per read transaction, so memory
 * stays bounded however large the graph (a page's relationships, not the graph's).
 */
export async function checkDatabase(driver: Driver, database: string, opts: CheckDatabaseOptions = {}): Promise<CheckReport> {
  const pageSize = opts.pageSize ?? 5000;
  const max = opts.maxViolations ?? 1000;
  const report: CheckReport = { checkedNodes: 0, violationCount: 0, violations: [] };
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const { ids, violations } = await session.executeRead(async (tx): Promise<{ ids: string[]; violations: Violation[] }> => {
        const res = await tx.run(cypher('check/page-ids'), { after: from, limit: neo4j.int(pageSize) });
        const page: string[] = res.records.map((r) => r.get('id') as string);
        return { ids: page, violations: page.length > 0 ? await checkNodes(tx, page, { everyNode: true }) : [] };
      });
      if (ids.length === 0) break;
      // A violation is reported from the page of the id it names (a relationship from its
      // start node's page, a statement from its own), so once, with nothing remembered.
      const inPage = new Set(ids);
      for (const v of violations) {
        if (!inPage.has(v.id)) continue;
        report.violationCount++;
        if (report.violations.length < max) report.violations.push(v);
      }
      report.checkedNodes += ids.length;
      opts.onProgress?.(report.checkedNodes);
      after = ids[ids.length - 1]!;
    }
  } finally {
    await session.close();
  }
  return report;
}
