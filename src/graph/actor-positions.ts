/**
 * What an agreement compares, composed from the derived positions
 * (cypher/read/actor-positions.cypher, docs/decisions/0035): an organisation's entries
 * in force are read once and shared by every asked actor that belongs to it, instead of
 * expanding every stance once per member. The result is the list the expanding query
 * (cypher/bench/actor-positions-expanded.cypher) returned, tuple for tuple.
 */
import type { Row } from './graph-reader.js';

/**
 * One position: actorId, targetId, targetLabel, stanceId (null: a demand its maker
 * made), kind, date (ISO), precision, end (ISO), approximate, membershipId (null:
 * stated), orgId, towardsId.
 */
export type PositionTuple = [string, string, string, string | null, string, string, string | null, string | null, boolean | null, string | null, string | null, string | null];

/** A position one actor may hold on one target, before the latest of each kind is chosen. */
interface Candidate {
  kind: string;
  stanceId: string | null;
  date: string;
  precision: string | null;
  end: string | null;
  approximate: boolean | null;
  towardsId: string | null;
  membershipId: string | null;
  orgId: string | null;
}

const orNull = (s: unknown): string | null => (s === '' || s === null || s === undefined ? null : (s as string));
const flag = (s: unknown): boolean | null => (s === 'true' ? true : s === 'false' ? false : null);

/** A stored entry ([kind, stanceId, date, precision, end, approximate, towardsId]) as a candidate. */
function fromEntry(e: unknown[], membershipId: string | null, orgId: string | null): Candidate {
  const [kind, stanceId, date, precision, end, approximate, towardsId] = e;
  return {
    kind: kind as string,
    stanceId: stanceId as string,
    date: date as string,
    precision: orNull(precision),
    end: orNull(end),
    approximate: flag(approximate),
    towardsId: orNull(towardsId),
    membershipId,
    orgId,
  };
}

/** Whether `a` replaces `b` as the position of its kind: later, a stance before a demand made, then the smaller id. */
function wins(a: Candidate, b: Candidate): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if ((a.stanceId === null) !== (b.stanceId === null)) return a.stanceId !== null;
  return a.stanceId !== null && b.stanceId !== null && a.stanceId < b.stanceId;
}

/** The latest candidate of each kind. */
function latestPerKind(cands: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const b = best.get(c.kind);
    if (!b || wins(c, b)) best.set(c.kind, c);
  }
  return [...best.values()];
}

/**
 * The positions of the asked actors on targets at least two of them hold a position on:
 * an actor's own positions (stated, demanded) replace what it inherits on a target; of
 * those, the latest of each kind. `row` is the row of cypher/read/actor-positions.cypher
 * with values converted to plain ones.
 */
export function composeActorPositions(row: Row): PositionTuple[] {
  const labels = new Map<string, string>();
  const held = new Map<string, Map<string, unknown[][]>>();
  const ownOf = new Map(((row.actors ?? []) as Row[]).map((a) => [a.id as string, a.own as unknown[][]]));
  for (const org of (row.orgs ?? []) as Row[]) {
    const byTarget = new Map<string, unknown[][]>();
    // An asked organisation's entries come once, in its own positions (a demand it made is not inherited).
    const entriesOf = org.asked ? (ownOf.get(org.id as string) ?? []).filter((h) => (h[2] as unknown[]).length > 0) : (org.held as unknown[][]);
    for (const [targetId, label, entries] of entriesOf) {
      labels.set(targetId as string, label as string);
      byTarget.set(targetId as string, entries as unknown[][]);
    }
    held.set(org.id as string, byTarget);
  }
  const perTarget = new Map<string, Array<{ actorId: string; positions: Candidate[] }>>();
  for (const actor of (row.actors ?? []) as Row[]) {
    const actorId = actor.id as string;
    const chosen = new Map<string, Candidate[]>();
    for (const [targetId, label, entries, made] of actor.own as unknown[][]) {
      labels.set(targetId as string, label as string);
      const cands = (entries as unknown[][]).map((e) => fromEntry(e, null, null));
      if (made) {
        const [since, precision, end, approximate] = made as unknown[];
        cands.push({ kind: 'SUPPORTS', stanceId: null, date: since as string, precision: orNull(precision), end: orNull(end), approximate: approximate as boolean | null, towardsId: null, membershipId: null, orgId: null });
      }
      chosen.set(targetId as string, cands);
    }
    const inherited = new Map<string, Candidate[]>();
    for (const [membershipId, orgId] of actor.via as Array<[string | null, string | null]>) {
      if (membershipId === null || orgId === null) continue;
      for (const [targetId, entries] of held.get(orgId) ?? []) {
        if (chosen.has(targetId)) continue;
        const list = inherited.get(targetId) ?? [];
        for (const e of entries) list.push(fromEntry(e, membershipId, orgId));
        inherited.set(targetId, list);
      }
    }
    for (const [targetId, cands] of [...chosen, ...inherited]) {
      const list = perTarget.get(targetId) ?? [];
      list.push({ actorId, positions: latestPerKind(cands) });
      perTarget.set(targetId, list);
    }
  }
  const out: PositionTuple[] = [];
  for (const [targetId, holders] of perTarget) {
    if (new Set(holders.map((h) => h.actorId)).size < 2) continue;
    for (const { actorId, positions } of holders) {
      for (const c of positions) {
        out.push([actorId, targetId, labels.get(targetId)!, c.stanceId, c.kind, c.date, c.precision, c.end, c.approximate, c.membershipId, c.orgId, c.towardsId]);
      }
    }
  }
  return out;
}
