/**
 * Derived positions (docs/decisions/0035-derived-topic-positions.md): per holder and
 * topic (a demand or an issue), the holder's stances with the interval each is in
 * force (from its date until the holder's next stance of the same kind on the topic),
 * and the demand the holder made, as one :TopicPosition node. Every write rebuilds the
 * pairs it touched in its own transaction, so agreements and positions read one node per
 * holder and topic and filter by date instead of expanding every stance.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { DERIVED_LABELS } from '../model/entities.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { updatePairs } from './topic-position-update.js';

/** The label of the derived nodes: not :Entity, so never exported, counted as an entity or checked as one. */
export const TOPIC_POSITION_LABEL: (typeof DERIVED_LABELS)[number] = 'TopicPosition';

/** An open interval's end: a date no query asks beyond. */
export const OPEN_UNTIL = '9999-12-31';

/** One stance of a holder on a topic, as read to build the pair (dates as ISO strings). */
export interface PairStance {
  id: string;
  kind: string;
  date: string;
  precision: string | null;
  end: string | null;
  approximate: boolean | null;
  towardsId: string | null;
  /** A stance on an issue that also answers a demand: agreements count it on the demand only. */
  answersDemand: boolean;
}

/** What one (holder, topic) pair is built from. */
export interface PairSource {
  holderId: string;
  targetId: string;
  targetLabel: 'Demand' | 'Issue';
  stances: PairStance[];
  /** The demand's since, precision, end and approximate when the holder made it. */
  made: { since: string; precision: string | null; end: string | null; approximate: boolean | null } | null;
}

/** The stored form of a pair: parallel lists, one entry per stance, sorted by kind, date and id. */
export interface TopicPositionProps {
  key: string;
  holderId: string;
  targetId: string;
  targetLabel: string;
  /** The earliest date anything of the pair holds from (skips pairs not begun by an asOf). */
  since: string;
  kinds: string[];
  stanceIds: string[];
  froms: string[];
  /** End (exclusive) of the interval in force as agreements count it (a stance on an issue that answers a demand: never). */
  untils: string[];
  /** End (exclusive) of the interval in force among a topic's positions (every stance on it). */
  untilsOn: string[];
  precisions: string[];
  ends: string[];
  approximates: string[];
  towards: string[];
  madeSince: string | null;
  madePrecision: string | null;
  madeEnd: string | null;
  madeApproximate: boolean | null;
}

/** The key of a pair, as stored (ids are lower-case words and hyphens, so '|' cannot occur in them). */
export const pairKey = (holderId: string, targetId: string): string => `${holderId}|${targetId}`;

/**
 * Later stances of a kind end the earlier ones: the stance in force on a date is the
 * latest of its kind on or before it, ties to the smallest id (as the expanding query
 * chose). Sorted by date, ties largest id first, each entry holds until the next one's
 * date; entries that tie lose with an empty interval [date, date).
 */
function untilsOf(stances: PairStance[], counts: (s: PairStance) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const byKind = new Map<string, PairStance[]>();
  for (const s of stances) {
    if (!counts(s)) {
      out.set(s.id, s.date);
      continue;
    }
    // Pushed in place: a hub pair holds thousands of stances of one kind (copying was quadratic).
    const list = byKind.get(s.kind);
    if (list) list.push(s);
    else byKind.set(s.kind, [s]);
  }
  for (const list of byKind.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    list.forEach((s, i) => out.set(s.id, list[i + 1]?.date ?? OPEN_UNTIL));
  }
  return out;
}

/**
 * Pairs gathered by key, each made empty on first use: where a pair's stances and its
 * made demand are collected, from Neo4j's rows here and from a bulk load's planned rows
 * (src/ingest/bulk-derived.ts).
 */
export function pairSources(): { pairs: Map<string, PairSource>; source(holderId: string, targetId: string, targetLabel: 'Demand' | 'Issue'): PairSource } {
  const pairs = new Map<string, PairSource>();
  return {
    pairs,
    source(holderId, targetId, targetLabel) {
      const key = pairKey(holderId, targetId);
      let src = pairs.get(key);
      if (!src) pairs.set(key, (src = { holderId, targetId, targetLabel, stances: [], made: null }));
      return src;
    },
  };
}

/**
 * Stances whose interval is known to be empty and to stay so while the pair only gains
 * stances (src/derived/topic-position-update.ts): per list, the ids left out of the
 * ordering and given [date, date).
 */
export interface EmptyIntervals {
  untils: ReadonlySet<string>;
  untilsOn: ReadonlySet<string>;
}

const NONE: EmptyIntervals = { untils: new Set(), untilsOn: new Set() };

/** Builds the stored form of a pair; null when it holds nothing (no stance, not made). */
export function buildTopicPosition(src: PairSource, empty: EmptyIntervals = NONE): TopicPositionProps | null {
  if (src.stances.length === 0 && src.made === null) return null;
  const stances = [...src.stances].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const untils = untilsOf(stances, (s) => !s.answersDemand && !empty.untils.has(s.id));
  const untilsOn = untilsOf(stances, (s) => !empty.untilsOn.has(s.id));
  const dates = [...stances.map((s) => s.date), ...(src.made ? [src.made.since] : [])].sort();
  return {
    key: pairKey(src.holderId, src.targetId),
    holderId: src.holderId,
    targetId: src.targetId,
    targetLabel: src.targetLabel,
    since: dates[0]!,
    kinds: stances.map((s) => s.kind),
    stanceIds: stances.map((s) => s.id),
    froms: stances.map((s) => s.date),
    untils: stances.map((s) => untils.get(s.id)!),
    untilsOn: stances.map((s) => untilsOn.get(s.id)!),
    precisions: stances.map((s) => s.precision ?? ''),
    ends: stances.map((s) => s.end ?? ''),
    approximates: stances.map((s) => (s.approximate === null ? '' : String(s.approximate))),
    towards: stances.map((s) => s.towardsId ?? ''),
    madeSince: src.made?.since ?? null,
    madePrecision: src.made?.precision ?? null,
    madeEnd: src.made?.end ?? null,
    madeApproximate: src.made?.approximate ?? null,
  };
}

const DATE_PROPS = ['since', 'madeSince', 'madeEnd'] as const;
const DATE_LIST_PROPS = ['froms', 'untils', 'untilsOn'] as const;

/** An ISO date as a Neo4j Date, so the stored dates compare with query dates. */
export function toDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** The properties as written: dates as Neo4j Dates, absent values left out (also the bulk import's CSV rows). */
export function toRow(p: TopicPositionProps): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null) row[k] = v;
  for (const k of DATE_PROPS) if (p[k] !== null) row[k] = toDate(p[k]);
  for (const k of DATE_LIST_PROPS) row[k] = p[k].map(toDate);
  return row;
}

/** A stance row of pair-stances-by-holder/-by-target/-of as a PairStance (null: no date, never in force). */
export function toStance(raw: unknown[]): PairStance | null {
  const [id, kind, date, precision, end, approximate, towardsId, answersDemand] = toPlain(raw) as unknown[];
  if (id === null || date === null) return null;
  return {
    id: id as string,
    kind: kind as string,
    date: date as string,
    precision: precision as string | null,
    end: end as string | null,
    approximate: approximate as boolean | null,
    towardsId: towardsId as string | null,
    answersDemand: answersDemand as boolean,
  };
}

/** Groups pairs by one end: [id, the other ends]. */
function groupBy(pairs: Array<[string, string]>, end: 0 | 1): Array<{ id: string; others: string[] }> {
  const groups = new Map<string, string[]>();
  for (const p of pairs) groups.set(p[end], [...(groups.get(p[end]) ?? []), p[1 - end]!]);
  return [...groups].map(([id, others]) => ({ id, others }));
}

/**
 * Reads what the given pairs are built from (pairs the graph no longer holds are absent).
 * Each pair is read from its end with fewer stances (degree store), grouped, so a hub
 * topic or a hub holder is expanded once per call, not once per pair: expanding from a
 * hub issue per pair made an ingest batch take seconds.
 */
async function readPairSources(tx: ManagedTransaction, pairs: Array<[string, string]>): Promise<PairSource[]> {
  const degrees = (await tx.run(cypher('derived/pair-degrees'), { holderIds: [...new Set(pairs.map((p) => p[0]))], targetIds: [...new Set(pairs.map((p) => p[1]))] })).records[0]!;
  const holderDegree = new Map((toPlain(degrees.get('holders')) as Array<[string, number]>).map(([id, n]) => [id, n]));
  const targetDegree = new Map((toPlain(degrees.get('targets')) as Array<[string, number]>).map(([id, n]) => [id, n]));
  const live = pairs.filter(([h, t]) => holderDegree.has(h) && targetDegree.has(t));
  const fromHolder = live.filter(([h, t]) => holderDegree.get(h)! <= targetDegree.get(t)!);
  const fromTarget = live.filter(([h, t]) => holderDegree.get(h)! > targetDegree.get(t)!);
  const [byHolder, byTarget, made] = await Promise.all([
    fromHolder.length > 0 ? tx.run(cypher('derived/pair-stances-by-holder'), { groups: groupBy(fromHolder, 0) }) : null,
    fromTarget.length > 0 ? tx.run(cypher('derived/pair-stances-by-target'), { groups: groupBy(fromTarget, 1) }) : null,
    tx.run(cypher('derived/pair-made'), { pairs: live }),
  ]);
  const { pairs: out, source } = pairSources();
  for (const r of [...(byHolder?.records ?? []), ...(byTarget?.records ?? [])]) {
    const stance = toStance(r.get('stance') as unknown[]);
    const src = source(r.get('holderId') as string, r.get('targetId') as string, r.get('targetLabel') as 'Demand' | 'Issue');
    if (stance) src.stances.push(stance);
  }
  for (const r of made.records) source(r.get('holderId') as string, r.get('targetId') as string, 'Demand').made = toPlain(r.get('made')) as PairSource['made'];
  return [...out.values()];
}

/** Pairs per statement: a hub pair holds thousands of stances, so a batch stays a few MB. */
export const PAIRS_PER_QUERY = 1000;

/** Rebuilds the given pairs from the graph, in the caller's transaction; returns how many now hold a position. */
export async function rebuildPairs(tx: ManagedTransaction, keys: Iterable<string>): Promise<number> {
  const all = [...new Set(keys)].sort();
  let written = 0;
  for (let i = 0; i < all.length; i += PAIRS_PER_QUERY) {
    const page = all.slice(i, i + PAIRS_PER_QUERY);
    const sources = await readPairSources(tx, page.map((k) => k.split('|') as [string, string]));
    const built = sources.map((s) => buildTopicPosition(s)).filter((p): p is TopicPositionProps => p !== null);
    const res = await tx.run(cypher('derived/write-pairs'), { keys: page, rows: built.map(toRow) });
    written += toPlain(res.records[0]?.get('written')) as number;
  }
  return written;
}

/** Ids per touched-pairs query. */
const IDS_PER_QUERY = 2000;

/** A relationship a write removed: its type and the ids at its ends. */
export interface RemovedRelationship {
  type: string;
  from: string;
  to: string;
}

/**
 * Of the relationships a write added, the ends whose (holder, topic) pairs they can change:
 * the stance of a TOOK, RESPONDS_TO, CONCERNS or TOWARDS and the demand of a MADE_DEMAND
 * (touched-pairs starts from stances and demands; the pair reads follow no other type).
 * Written nodes are touched by themselves (their dates and kinds are in the pairs).
 */
export function positionEnds(rels: Iterable<{ type: string; from: string; to: string }>): string[] {
  const out = new Set<string>();
  for (const r of rels) {
    if (r.type === 'TOOK' || r.type === 'MADE_DEMAND') out.add(r.to);
    else if (r.type === 'RESPONDS_TO' || r.type === 'CONCERNS' || r.type === 'TOWARDS') out.add(r.from);
  }
  return [...out];
}

/**
 * Rebuilds, in the caller's transaction, every pair a write may have changed: the pairs
 * the graph now holds for the touched stances and demands (`ids`: what the write touched,
 * its nodes and both ends of every relationship it wrote, as for the invariant check),
 * and the pairs of the relationships it removed (`removed`): a TOOK or a stance's link to
 * a topic, taken together with the stance's other links, and a MADE_DEMAND. A write that
 * removed nothing updates the pairs from their stored lists (decision 0063).
 */
export async function refreshTopicPositions(tx: ManagedTransaction, ids: Iterable<string>, removed: Iterable<RemovedRelationship> = []): Promise<void> {
  const all = [...new Set(ids)];
  const keys = new Set<string>();
  const stanceIds = new Set<string>();
  const holdersOf = new Map<string, Set<string>>();
  const targetsOf = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string): void => {
    const set = m.get(k);
    if (set) set.add(v);
    else m.set(k, new Set([v]));
  };
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) {
    const row = (await tx.run(cypher('derived/touched-pairs'), { ids: all.slice(i, i + IDS_PER_QUERY) })).records[0];
    if (!row) continue;
    for (const [s, h, t] of row.get('stancePairs') as Array<[string, string | null, string]>) {
      add(targetsOf, s, t);
      stanceIds.add(s);
      if (h !== null) {
        add(holdersOf, s, h);
        keys.add(pairKey(h, t));
      }
    }
    for (const [h, d] of row.get('demandPairs') as Array<[string, string]>) keys.add(pairKey(h, d));
  }
  const gone = [...removed];
  for (const r of gone) {
    if (r.type === 'TOOK') add(holdersOf, r.to, r.from);
    else if (r.type === 'RESPONDS_TO' || r.type === 'CONCERNS') add(targetsOf, r.from, r.to);
  }
  for (const r of gone) {
    if (r.type === 'TOOK') for (const t of targetsOf.get(r.to) ?? []) keys.add(pairKey(r.from, t));
    else if (r.type === 'RESPONDS_TO' || r.type === 'CONCERNS') for (const h of holdersOf.get(r.from) ?? []) keys.add(pairKey(h, r.to));
    else if (r.type === 'MADE_DEMAND') keys.add(pairKey(r.from, r.to));
  }
  if (keys.size === 0) return;
  // Only added: the stored lists and the touched stances give the pairs (decision 0063).
  if (gone.length === 0) await updatePairs(tx, keys, new Set(all), stanceIds);
  else await rebuildPairs(tx, keys);
}

/** Deletes every derived position, in the caller's transaction (a reset inside a load). */
export async function deleteTopicPositions(tx: ManagedTransaction): Promise<void> {
  await tx.run(cypher('derived/delete-all'));
}

/** Deletes every derived position in batches of their own transactions (a large reset). */
export async function deleteTopicPositionsBatched(driver: Driver, database: string, batch = 10_000): Promise<void> {
  const session = driver.session({ database });
  try {
    for (;;) {
      const res = await session.run(cypher('derived/delete-batched'), { batch: neo4j.int(batch), max: neo4j.int(batch * 50) });
      if ((toPlain(res.records[0]?.get('deleted')) as number) === 0) break;
    }
  } finally {
    await session.close();
  }
}

/**
 * Builds every pair of the graph from scratch, a page of holders per write transaction
 * (after the bulk import, which writes no derived data; and for checks against what
 * writes maintained). Stored pairs of holders without positions are removed too.
 */
export async function rebuildAllTopicPositions(driver: Driver, database: string, opts: { holdersPerPage?: number; onProgress?: (holders: number, pairs: number) => void } = {}): Promise<number> {
  const limit = neo4j.int(opts.holdersPerPage ?? 500);
  let after: string | null = null;
  let holders = 0;
  let pairs = 0;
  const session = driver.session({ database });
  try {
    await deleteTopicPositionsBatched(driver, database);
    for (;;) {
      const from: string | null = after;
      const page: Array<{ holderId: string; targetIds: string[] }> = await session.executeRead(async (tx) => {
        const res = await tx.run(cypher('derived/holder-pairs-page'), { after: from, limit });
        return res.records.map((r) => ({ holderId: r.get('holderId') as string, targetIds: r.get('targetIds') as string[] }));
      });
      if (page.length === 0) break;
      const keys = page.flatMap((h) => h.targetIds.map((t) => pairKey(h.holderId, t)));
      if (keys.length > 0) pairs += await session.executeWrite((tx) => rebuildPairs(tx, keys));
      holders += page.length;
      opts.onProgress?.(holders, pairs);
      after = page[page.length - 1]!.holderId;
    }
  } finally {
    await session.close();
  }
  return pairs;
}
