/**
 * Positions on demands and issues: what each actor stated, and what members
 * inherit from an organisation they belonged to on the date asked, with the
 * reasoning spelled out.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import type { GraphReader, Row } from './graph-reader.js';
import { endOfPeriod } from './dates.js';
import { formatPartialDate } from '../neo4j/values.js';

/** Why an actor holds a position. */
export type PositionBasis = 'STATED' | 'INHERITED' | 'DEMANDED';

/** One actor's position on one target. */
export interface Position {
  actor: EntityRecord;
  kind: string;
  derived: boolean;
  basis: PositionBasis;
  reasoning: string;
  stance: EntityRecord | null;
  via: EntityRecord | null;
  target: EntityRecord;
  /** ISO date the position was held from (stance date, or the demand's date). */
  date: string;
  /** The actor the stance is aimed at (a criticism's target), when known. */
  towardsId?: string | null;
  /** For an inherited position: the organisation it is inherited from. */
  orgId?: string | null;
}

const rec = (props: unknown, label: string): EntityRecord => toEntityRecord({ props, label })!;
const when = (e: Record<string, unknown>, f: string): string => formatPartialDate(e[f] as string, e[`${f}Precision`] as string);

/** Explains an inherited position: through whose stance, member since when. */
export function inheritedReasoning(actor: EntityRecord, org: EntityRecord, membership: EntityRecord, stance: EntityRecord): string {
  return `${actor.name as string} inherits ${org.name as string}'s ${String(stance.kind)} (${when(stance, 'date')}, stance ${stance.id}) as a member of ${org.name as string} since ${when(membership, 'from')}`;
}

/** An actor's support of a demand it made. */
function demandedPosition(actor: EntityRecord, target: EntityRecord): Position {
  return {
    actor,
    kind: 'SUPPORTS',
    derived: false,
    basis: 'DEMANDED',
    reasoning: `${actor.name as string} made this demand (since ${when(target, 'since')})`,
    stance: null,
    via: null,
    target,
    date: target.since as string,
  };
}

/** A stance an actor took itself. */
function statedPosition(actor: EntityRecord, stance: EntityRecord, target: EntityRecord, towardsId: string | null = null): Position {
  const kind = stance.kind as string;
  return {
    actor,
    kind,
    derived: false,
    basis: 'STATED',
    reasoning: `${actor.name as string} ${kind.toLowerCase().replace('_', ' ')} (${when(stance, 'date')}): ${stance.summary as string}`,
    stance,
    via: null,
    target,
    date: stance.date as string,
    towardsId,
  };
}

/** A stance a member inherits from an organisation it belonged to on the date. */
function inheritedPosition(
  actor: EntityRecord,
  stance: EntityRecord,
  membership: EntityRecord,
  org: EntityRecord,
  target: EntityRecord,
  towardsId: string | null = null,
): Position {
  return {
    actor,
    kind: stance.kind as string,
    derived: true,
    basis: 'INHERITED',
    reasoning: inheritedReasoning(actor, org, membership, stance),
    stance,
    via: membership,
    target,
    date: stance.date as string,
    towardsId,
    orgId: org.id,
  };
}

/** Positions on each target (demand or issue) as of a date. */
export async function findPositions(
  reader: GraphReader,
  args: { targetIds: string[]; asOf: string | null; includeDerived: boolean },
): Promise<Map<string, Position[]>> {
  const rows = await reader.read('positions', {
    targetIds: args.targetIds,
    asOf: endOfPeriod(args.asOf),
    includeDerived: args.includeDerived,
  });
  const out = new Map<string, Position[]>(args.targetIds.map((id) => [id, []]));
  for (const row of rows) {
    const targetId = row.targetId as string;
    const list = out.get(targetId)!;
    const target = rec(row.target, row.targetLabel as string);
    for (const m of row.makers as Row[]) list.push(demandedPosition(rec(m, 'Actor'), target));
    const direct = (row.direct as Row[]).map((d) => statedPosition(rec(d.actor, 'Actor'), rec(d.stance, 'Stance'), target));
    list.push(...direct);
    // Members inherit an organisation's stance: the stance and the organisation are read once for all of them.
    for (const d of row.derived as Row[]) {
      const { actor: org, stance } = direct[Number(d.from)]!;
      for (const m of d.members as Row[]) list.push(inheritedPosition(rec(m.actor, 'Actor'), stance!, rec(m.membership, 'Membership'), org, target));
    }
    list.sort((a, b) => Number(a.derived) - Number(b.derived) || String(a.actor.name).localeCompare(String(b.actor.name)) || a.kind.localeCompare(b.kind));
  }
  return out;
}

/**
 * The positions of the given actors, by target, as of a date, on targets at least two of
 * them hold a position on (stated positions override inherited ones; the latest of each kind).
 */
export async function findActorPositions(
  reader: GraphReader,
  args: { actorIds: string[]; asOf: string | null },
): Promise<{ actors: Map<string, EntityRecord>; targets: Map<string, EntityRecord>; positions: Position[] }> {
  const rows = await reader.read('actor-positions', { actorIds: args.actorIds, asOf: endOfPeriod(args.asOf) });
  const actors = new Map<string, EntityRecord>();
  const targets = new Map<string, EntityRecord>();
  const all: Position[] = [];
  for (const row of rows) {
    const actor = rec(row.actor, 'Actor');
    actors.set(actor.id, actor);
    const target = rec(row.target, row.targetLabel as string);
    targets.set(target.id, target);
    const towardsId = (row.towardsId ?? null) as string | null;
    if (row.madeDemand) all.push(demandedPosition(actor, target));
    else if (row.membership) {
      all.push(inheritedPosition(actor, rec(row.stance, 'Stance'), rec(row.membership, 'Membership'), rec(row.org, 'Actor'), target, towardsId));
    } else all.push(statedPosition(actor, rec(row.stance, 'Stance'), target, towardsId));
  }
  // An actor's own positions on a target replace what it would inherit there; keep the latest of each kind.
  const positions: Position[] = [];
  const groups = new Map<string, Position[]>();
  for (const p of all) {
    const key = `${p.actor.id}|${p.target.id}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) {
    const own = group.filter((p) => !p.derived);
    const chosen = own.length > 0 ? own : group;
    const latestByKind = new Map<string, Position>();
    for (const p of chosen.sort((a, b) => b.date.localeCompare(a.date))) if (!latestByKind.has(p.kind)) latestByKind.set(p.kind, p);
    positions.push(...latestByKind.values());
  }
  return { actors, targets, positions };
}
