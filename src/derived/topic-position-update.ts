/**
 * Derived positions updated from what is stored (docs/decisions/0063): when a write only
 * adds relationships, a touched pair is its stored lists with the touched stances read
 * again, instead of every stance of the pair read from the graph. A hub pair holds
 * thousands of stances, and an ingest touches it in most batches: reading them all each
 * time made the load slower the larger it grew.
 *
 * Why the stored lists suffice: a stance's interval ends at the date of the next stance of
 * its kind (src/derived/topic-positions.ts). A stored entry whose interval is empty (a
 * stance that answers a demand, in agreements, or one that lost a tie on its date) stays
 * empty while stances are only added, and leaving it out of the ordering changes no other
 * interval: the entry after it has the same date. Every other stored entry is ordered
 * again with the new ones. A pair where a touched stance left, changed its kind or date,
 * or began to answer a demand, is rebuilt from the graph as before.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import {
  buildTopicPosition, pairKey, PAIRS_PER_QUERY, rebuildPairs, toRow, toStance,
  type PairSource, type PairStance, type TopicPositionProps,
} from './topic-positions.js';

/** What a stored pair says of one stance, and whether its intervals are empty. */
interface StoredEntry {
  stance: PairStance;
  emptyUntil: boolean;
  emptyOn: boolean;
}

/** A list property as stored: absent (a bulk import before its lists were filled) reads as blanks. */
const listOf = (p: Record<string, unknown>, name: string, n: number): string[] => (p[name] as string[] | undefined) ?? new Array<string>(n).fill('');

/** The entries of a stored pair (properties as toPlain gives them: dates as ISO strings). */
export function storedEntries(p: Record<string, unknown>): StoredEntry[] {
  const ids = (p.stanceIds as string[] | undefined) ?? [];
  const n = ids.length;
  const [kinds, froms, untils, untilsOn, precisions, ends, approximates, towards] = ['kinds', 'froms', 'untils', 'untilsOn', 'precisions', 'ends', 'approximates', 'towards'].map((k) => listOf(p, k, n)) as [
    string[], string[], string[], string[], string[], string[], string[], string[],
  ];
  return ids.map((id, i) => ({
    stance: {
      id,
      kind: kinds[i]!,
      date: froms[i]!,
      precision: precisions[i] || null,
      end: ends[i] || null,
      approximate: approximates[i] === '' ? null : approximates[i] === 'true',
      towardsId: towards[i] || null,
      answersDemand: false,
    },
    emptyUntil: untils[i]! <= froms[i]!,
    emptyOn: untilsOn[i]! <= froms[i]!,
  }));
}

/**
 * A pair updated from its stored entries (`stored`: empty when none is stored), the
 * stances of it a write touched as they are now (`fresh`), and its made demand; `touched`
 * holds every id the write touched. 'rebuild' when the stored lists cannot give the answer
 * (a touched stance left the pair, changed its kind or date, or began to answer a demand
 * while it counted); null when the pair holds nothing.
 */
export function updateTopicPosition(
  pair: Omit<PairSource, 'stances'>,
  stored: StoredEntry[],
  fresh: PairStance[],
  touched: ReadonlySet<string>,
): TopicPositionProps | null | 'rebuild' {
  const now = new Map(fresh.map((s) => [s.id, s]));
  const stances: PairStance[] = [...fresh];
  const emptyUntils = new Set<string>();
  const emptyOn = new Set<string>();
  for (const e of stored) {
    const s = now.get(e.stance.id);
    if (s) {
      if (s.kind !== e.stance.kind || s.date !== e.stance.date || (s.answersDemand && !e.emptyUntil)) return 'rebuild';
      continue;
    }
    if (touched.has(e.stance.id)) return 'rebuild';
    stances.push(e.stance);
    if (e.emptyUntil) emptyUntils.add(e.stance.id);
    if (e.emptyOn) emptyOn.add(e.stance.id);
  }
  return buildTopicPosition({ ...pair, stances }, { untils: emptyUntils, untilsOn: emptyOn });
}

/**
 * Updates the given pairs in the caller's transaction after a write that removed no
 * relationship (`touched`: every id the write touched); pairs the stored lists cannot
 * answer are rebuilt from the graph. Returns how many of the pairs now hold a position.
 */
export async function updatePairs(tx: ManagedTransaction, keys: Iterable<string>, touched: ReadonlySet<string>, stanceIds: Iterable<string>): Promise<number> {
  const all = [...new Set(keys)].sort();
  const freshByKey = new Map<string, PairStance[]>();
  const labelOf = new Map<string, 'Demand' | 'Issue'>();
  const ids = [...new Set(stanceIds)];
  for (let i = 0; i < ids.length; i += PAIRS_PER_QUERY) {
    const res = await tx.run(cypher('derived/pair-stances-of'), { ids: ids.slice(i, i + PAIRS_PER_QUERY) });
    for (const r of res.records) {
      const key = pairKey(r.get('holderId') as string, r.get('targetId') as string);
      labelOf.set(key, r.get('targetLabel') as 'Demand' | 'Issue');
      const stance = toStance(r.get('stance') as unknown[]);
      if (!stance) continue;
      const list = freshByKey.get(key);
      if (list) list.push(stance);
      else freshByKey.set(key, [stance]);
    }
  }
  const rebuild: string[] = [];
  let written = 0;
  for (let i = 0; i < all.length; i += PAIRS_PER_QUERY) {
    const page = all.slice(i, i + PAIRS_PER_QUERY);
    const pairs = page.map((k) => k.split('|') as [string, string]);
    const [stored, made] = await Promise.all([tx.run(cypher('derived/pair-stored'), { keys: page }), tx.run(cypher('derived/pair-made'), { pairs })]);
    const storedByKey = new Map<string, Record<string, unknown>>();
    for (const r of stored.records) {
      const p = toPlain(r.get('position')) as Record<string, unknown>;
      storedByKey.set(p.key as string, p);
    }
    const madeByKey = new Map<string, PairSource['made']>();
    for (const r of made.records) madeByKey.set(pairKey(r.get('holderId') as string, r.get('targetId') as string), toPlain(r.get('made')) as PairSource['made']);
    const built: TopicPositionProps[] = [];
    const updated: string[] = [];
    for (const [key, [holderId, targetId]] of page.map((k, j) => [k, pairs[j]!] as const)) {
      const p = storedByKey.get(key);
      const made = madeByKey.get(key) ?? null;
      const targetLabel = (p?.targetLabel as 'Demand' | 'Issue' | undefined) ?? labelOf.get(key) ?? (made ? 'Demand' : undefined);
      // Neither stored, nor holding a touched stance, nor made: the pair holds nothing.
      if (!targetLabel) continue;
      const next = updateTopicPosition({ holderId, targetId, targetLabel, made }, p ? storedEntries(p) : [], freshByKey.get(key) ?? [], touched);
      if (next === 'rebuild') {
        rebuild.push(key);
        continue;
      }
      updated.push(key);
      if (next) built.push(next);
    }
    if (updated.length > 0) {
      const res = await tx.run(cypher('derived/write-pairs'), { keys: updated, rows: built.map(toRow) });
      written += toPlain(res.records[0]?.get('written')) as number;
    }
  }
  if (rebuild.length > 0) written += await rebuildPairs(tx, rebuild);
  return written;
}
