/**
 * Verdict spans (docs/decisions/0053-agreement-from-verdict-spans.md): per :TopicPosition,
 * the intervals over which the verdict of a plain topic (src/graph/agreement.ts, decision
 * 0048) stays the same, and, on an issue, the intervals over which each actor is aimed at
 * by an entry in force. Stored as small :VerdictSpan nodes beside the pair, written with
 * it, so that an agreement counts a holder's plain topics per verdict on a date from an
 * index instead of reading every pair's lists.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { FAVOURING_KINDS } from '../graph/agreement.js';
import { cypher } from '../neo4j/cypher.js';
import { toDate, type TopicPositionProps } from './topic-positions.js';

/** The label of the span nodes: derived, not :Entity (never exported, counted or checked as entities). */
export const VERDICT_SPAN_LABEL = 'VerdictSpan';

const FAVOURING: ReadonlySet<string> = new Set(FAVOURING_KINDS);

/**
 * One span: from (inclusive) until (exclusive), ISO dates. A verdict span has `verdict`:
 * the verdict every asked actor holding only this pair's entries gets when none of the
 * entries' aims is an asked actor or the holder. An aim span has `aimId`: an actor a
 * non-favouring entry in force on an issue is aimed at (the conflict test of the read).
 */
export interface VerdictSpanProps {
  /** Unique per span: the pair's key, the kind of span and its start. */
  key: string;
  pairKey: string;
  holderId: string;
  targetId: string;
  verdict: 'AGREE' | 'MIXED' | null;
  aimId: string | null;
  from: string;
  until: string;
}

/** Adds [from, until) to per-name runs, joining it to the run it continues. */
function extend(runs: Map<string, Array<[string, string]>>, name: string, from: string, until: string): void {
  const list = runs.get(name);
  const last = list?.[list.length - 1];
  if (last && last[1] === from) last[1] = until;
  else if (list) list.push([from, until]);
  else runs.set(name, [[from, until]]);
}

/**
 * The spans of a pair, computed from its entries as agreements count them (froms,
 * untils): between consecutive dates on which an entry starts or ends, the entries in
 * force are fixed, and so are the verdict class and the aims. A demand: MIXED when its
 * entries both favour it and not, else AGREE. An issue: AGREE when an entry favours it or
 * a non-favouring one has an aim, else MIXED (an aim at an asked actor or the holder makes
 * it a conflict, found at read time from the aim spans). No span where nothing is in force.
 */
export function verdictSpans(p: TopicPositionProps): VerdictSpanProps[] {
  const n = p.kinds.length;
  const bounds = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (p.froms[i]! >= p.untils[i]!) continue;
    bounds.add(p.froms[i]!);
    bounds.add(p.untils[i]!);
  }
  const dates = [...bounds].sort();
  const verdicts = new Map<string, Array<[string, string]>>();
  const aims = new Map<string, Array<[string, string]>>();
  for (let d = 0; d + 1 < dates.length; d++) {
    const from = dates[d]!;
    const until = dates[d + 1]!;
    let favours = false;
    let against = false;
    const aimed = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (!(p.froms[i]! <= from && p.untils[i]! > from)) continue;
      if (FAVOURING.has(p.kinds[i]!)) favours = true;
      else {
        against = true;
        if (p.towards[i]) aimed.add(p.towards[i]!);
      }
    }
    if (!favours && !against) continue;
    const verdict = p.targetLabel === 'Demand' ? (favours && against ? 'MIXED' : 'AGREE') : favours || aimed.size > 0 ? 'AGREE' : 'MIXED';
    extend(verdicts, verdict, from, until);
    if (p.targetLabel !== 'Demand') for (const a of aimed) extend(aims, a, from, until);
  }
  const span = (kind: string, verdict: VerdictSpanProps['verdict'], aimId: string | null, [from, until]: [string, string]): VerdictSpanProps => ({
    key: `${p.key}|${kind}|${from}`, pairKey: p.key, holderId: p.holderId, targetId: p.targetId, verdict, aimId, from, until,
  });
  const out: VerdictSpanProps[] = [];
  for (const [verdict, runs] of verdicts) for (const r of runs) out.push(span(verdict, verdict as 'AGREE' | 'MIXED', null, r));
  for (const [aimId, runs] of aims) for (const r of runs) out.push(span(`aim:${aimId}`, null, aimId, r));
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A span as written (also the bulk import's CSV row): dates as Neo4j Dates, absent values left out. */
export function verdictSpanRow(s: VerdictSpanProps): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== null) row[k] = v;
  row.from = toDate(s.from);
  row.until = toDate(s.until);
  return row;
}

/** Replaces the spans of the given pairs (`keys`) by those of `positions` (the pairs that still hold a position), in the caller's transaction. */
export async function writeVerdictSpans(tx: ManagedTransaction, keys: string[], positions: TopicPositionProps[]): Promise<void> {
  await tx.run(cypher('derived/write-verdict-spans'), { keys, rows: positions.flatMap(verdictSpans).map(verdictSpanRow) });
}
