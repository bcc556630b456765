/**
 * Where a demand stands on a date (Demand.status), worked out from the positions on it
 * as of that date and its addressees: stance counts, whether the addressees have
 * answered, accepted or rejected it, and the latest response. Reads nothing itself.
 */
import type { EntityRecord } from './entity-record.js';
import type { Position } from './positions.js';

/** The standing of a demand (schema.graphql: DemandState). */
export type DemandState = 'OPEN' | 'ANSWERED' | 'REJECTED' | 'ACCEPTED';

/** Stances of one kind among the positions: held directly, or inherited through a membership. */
export interface StanceCount {
  kind: string;
  direct: number;
  derived: number;
}

/** A demand's status, without its date (schema.graphql: DemandStatus). */
export interface DemandStatus {
  state: DemandState;
  counts: StanceCount[];
  latestResponse: EntityRecord | null;
}

/**
 * The status of a demand from every position on it as of a date (direct and derived,
 * as findPositions gives them) and the ids of the actors it is addressed to. OPEN until
 * an addressee answers directly; REJECTED (ACCEPTED) once every addressee has rejected
 * (supported) it; else ANSWERED. An inherited position is not an answer.
 */
export function demandStatusOf(positions: readonly Position[], addresseeIds: Iterable<string>): DemandStatus {
  // The positions already hold every actor's latest stance of each kind as of the date:
  // the latest response is the newest of the stated ones (no second read of all responses).
  const stances = positions.filter((p) => p.basis === 'STATED' && p.stance).map((p) => p.stance!);
  return demandStatusFrom(
    {
      counted: positions.filter((p) => p.basis !== 'DEMANDED').map((p) => ({ kind: p.kind, derived: p.derived, n: 1 })),
      answers: positions.filter((p) => !p.derived).map((p) => ({ actorId: p.actor.id, kind: p.kind })),
      newest: stances,
    },
    addresseeIds,
  );
}

/** What a status is worked out from: positions counted in order, the direct ones by actor, and candidate latest responses. */
export interface DemandStatusParts {
  /** Every position but the makers', in the order their kinds are listed: `n` positions of a kind, direct or inherited. */
  counted: Array<{ kind: string; derived: boolean; n: number }>;
  /** The direct positions (makers' included): who holds which kind. */
  answers: Array<{ actorId: string; kind: string }>;
  /** Stated stances the latest response is chosen from (at least every one of the newest date). */
  newest: EntityRecord[];
}

/** The status of a demand from its parts (demandStatusOf's rules; src/graph/demand-status-read.ts reads the parts without listing inherited positions). */
export function demandStatusFrom(parts: DemandStatusParts, addresseeIds: Iterable<string>): DemandStatus {
  const counts = new Map<string, StanceCount>();
  for (const p of parts.counted) {
    const c = counts.get(p.kind) ?? { kind: p.kind, direct: 0, derived: 0 };
    if (p.derived) c.derived += p.n;
    else c.direct += p.n;
    counts.set(p.kind, c);
  }
  const addressees = new Set(addresseeIds);
  const answers = parts.answers.filter((p) => addressees.has(p.actorId));
  let state: DemandState = 'OPEN';
  if (answers.length > 0) {
    state = 'ANSWERED';
    const byAddressee = [...addressees].map((a) => answers.filter((p) => p.actorId === a).map((p) => p.kind));
    if (byAddressee.every((kinds) => kinds.includes('REJECTS'))) state = 'REJECTED';
    else if (byAddressee.every((kinds) => kinds.includes('SUPPORTS'))) state = 'ACCEPTED';
  }
  const latest = [...parts.newest].sort((a, b) => String(b.date).localeCompare(String(a.date)) || String(a.id).localeCompare(String(b.id)))[0];
  return { state, counts: [...counts.values()], latestResponse: latest ?? null };
}
