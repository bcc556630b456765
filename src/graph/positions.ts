/**
 * Positions on demands and issues: what each actor stated, and what members
 * inherit from an organisation they belonged to on the date asked, with the
 * reasoning spelled out.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';
import { endOfPeriod } from './dates.js';
import { formatPartialDate } from '../neo4j/values.js';
import { composeActorPositions } from './actor-positions.js';

/** Why an actor holds a position. */
export type PositionBasis = 'STATED' | 'INHERITED' | 'DEMANDED';

/**
 * Whose words a position rests on (decision 0041): DEMAND for a demand's maker, INHERITED
 * through a membership, else the stance's derived attestation; null when the stance is
 * a stub without it (agreement reads stubs; the caller reads the stance).
 */
export function positionAttestation(p: Position): string | null {
  if (p.basis === 'DEMANDED') return 'DEMAND';
  if (p.basis === 'INHERITED') return 'INHERITED';
  return (p.stance?.attestation as string | undefined) ?? null;
}

/** Whose words they are: the maker of a demand, the organisation inherited from, or the stance's attestedById. */
export function positionAttestedById(p: Position): string | null {
  if (p.basis === 'DEMANDED') return p.actor.id;
  if (p.basis === 'INHERITED') return p.orgId ?? p.org?.id ?? null;
  return (p.stance?.attestedById as string | undefined) ?? null;
}

/** One actor's position on one target. */
export interface Position {
  actor: EntityRecord;
  kind: string;
  derived: boolean;
  basis: PositionBasis;
  stance: EntityRecord | null;
  via: EntityRecord | null;
  target: EntityRecord;
  /** ISO date the position was held from (stance date, or the demand's date). */
  date: string;
  /** The actor the stance is aimed at (a criticism's target), when known. */
  towardsId?: string | null;
  /** For an inherited position: the organisation it is inherited from. */
  orgId?: string | null;
  /** For an inherited position: the organisation's record (its name goes into the reasoning). */
  org?: EntityRecord | null;
}

const rec = (props: unknown, label: string): EntityRecord => toEntityRecord({ props, label })!;
const when = (e: Record<string, unknown>, f: string): string => formatPartialDate(e[f] as string, e[`${f}Precision`] as string);

/**
 * Why an actor holds a position, in words. Worked out when asked for (an agreement of
 * hub members holds 10^4 positions and shows a page of them), from the stance's
 * properties as read for the answer.
 */
export function positionReasoning(p: Position): string {
  const actor = p.actor.name as string;
  if (p.basis === 'DEMANDED') return `${actor} made this demand (since ${when(p.target, 'since')})`;
  const stance = p.stance!;
  if (p.basis === 'STATED') return `${actor} ${p.kind.toLowerCase().replace('_', ' ')} (${when(stance, 'date')}): ${stance.summary as string}`;
  const org = p.org!.name as string;
  const joined = when(p.via!, 'from');
  // The rule of docs/model.md: a member inherits what is in force while it is a member, whenever it was taken.
  const before = String(stance.date) < String(p.via!.from) ? `; taken before ${actor} joined on ${joined}` : '';
  return `${actor} inherits ${org}'s ${p.kind} (${when(stance, 'date')}, stance ${stance.id}) as a member of ${org} since ${joined}${before}`;
}

/** An actor's support of a demand it made. */
function demandedPosition(actor: EntityRecord, target: EntityRecord): Position {
  return {
    actor,
    kind: 'SUPPORTS',
    derived: false,
    basis: 'DEMANDED',
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
    stance,
    via: membership,
    target,
    date: stance.date as string,
    towardsId,
    orgId: org.id,
    org,
  };
}

/** Every position on each target (demand or issue) as of a date, the full list (Demand.status; Query.positions reads findPositionPage). */
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

/** How many positions of one kind and basis a table holds. */
export interface PositionCount {
  kind: string;
  basis: PositionBasis;
  count: number;
}

/** One page of the positions on targets, with the counts of all of them (decision 0049). */
export interface PositionPage {
  /** Every position the filters keep (the page's `bases` aside). */
  count: number;
  /** `count` by basis, then kind. */
  counts: PositionCount[];
  /** The page, in the documented order (cypher/read/positions-page.cypher). */
  positions: Position[];
  /** The targets found, in the order asked (an id that names nothing is left out). */
  targets: EntityRecord[];
}

/** What a page of positions is asked with: the table's filters and the page's. */
export interface PositionPageArgs {
  targetIds: string[];
  asOf: string | null;
  includeDerived: boolean;
  /** Attestations kept (null: all). */
  attestation: string[] | null;
  /** Bases the page keeps (null: all); the counts ignore it. */
  bases: PositionBasis[] | null;
  offset: number;
  first: number;
}

/**
 * A page of the positions on targets and the counts of all of them: inherited positions
 * are counted per organisation and read only for the page's rows, so a hub demand costs
 * its holders, not every member who inherits (issue 18).
 */
export async function findPositionPage(reader: GraphReader, args: PositionPageArgs): Promise<PositionPage> {
  const [row] = await reader.read('positions-page', {
    targetIds: args.targetIds,
    asOf: endOfPeriod(args.asOf),
    includeDerived: args.includeDerived,
    attestation: args.attestation,
    bases: args.bases,
    offset: int(args.offset),
    first: int(args.first),
  });
  if (!row) return { count: 0, counts: [], positions: [], targets: [] };
  const targets = (row.targets as Row[]).map((t) => rec(t.props, t.label as string));
  // The page names actors and stances by id; their properties come once each (decision 0058).
  const actors = new Map((row.actors as Row[]).map((p) => [p.id as string, rec(p, 'Actor')]));
  const stances = new Map((row.stances as Row[]).map((p) => [p.id as string, rec(p, 'Stance')]));
  const positions = (row.page as Row[]).map((p) => {
    const target = targets[Number(p.target)]!;
    const actor = actors.get(p.actor as string)!;
    if (p.basis === 'DEMANDED') return demandedPosition(actor, target);
    const stance = stances.get(p.stance as string)!;
    if (p.basis === 'STATED') return statedPosition(actor, stance, target);
    return inheritedPosition(actor, stance, rec(p.membership, 'Membership'), actors.get(p.org as string)!, target);
  });
  const counts = (row.counts as Row[]).map((c) => ({ kind: c.kind as string, basis: c.basis as PositionBasis, count: Number(c.count) }));
  return { count: Number(row.count), counts, positions, targets };
}

/** Marks a record that holds only what the query needed (id, label, kind, dates), not all properties. */
const STUB = Symbol('stub');

/** Whether a record is a stub, which the agreement resolver replaces with the full record when a selection needs it. */
export const isStub = (e: EntityRecord | null | undefined): boolean => Boolean(e && (e as Record<symbol, unknown>)[STUB]);

/**
 * The positions of the given actors, by target, as of a date, on targets at least two of
 * them hold a position on (stated positions override inherited ones; the latest of each
 * kind), composed from the derived positions (composeActorPositions). Stances and targets
 * come as stubs (id, label, kind, dates); the agreement resolver reads the properties of
 * the ones an answer shows (decision 0010). With `issueIds` (sub-issues already expanded),
 * only those issues and the demands concerning them are topics; null is every topic.
 */
export async function findActorPositions(
  reader: GraphReader,
  args: { actors: EntityRecord[]; asOf: string | null; issueIds?: string[] | null },
): Promise<{ targets: Map<string, EntityRecord>; positions: Position[] }> {
  const params = { actorIds: args.actors.map((a) => a.id), asOf: endOfPeriod(args.asOf), issueIds: args.issueIds ?? null };
  const [row] = await reader.read('actor-positions', params);
  const orgs = ((row?.orgs ?? []) as Row[]).map((o) => o.props as Row);
  return decodeActorPositions(args.actors, { positions: row ? composeActorPositions(row) : [], memberships: (row?.memberships ?? []) as Row[], orgs });
}

/**
 * Positions from their tuples (composeActorPositions, or the old expanding query's
 * `positions` column), with the properties of the memberships and organisations they
 * come through.
 */
export function decodeActorPositions(
  actorList: EntityRecord[],
  found: { positions: unknown[][]; memberships: Row[]; orgs: Row[] },
): { targets: Map<string, EntityRecord>; positions: Position[] } {
  const actors = new Map(actorList.map((a) => [a.id, a]));
  const orgs = new Map(found.orgs.map((p) => [p.id as string, rec(p, 'Actor')]));
  const memberships = new Map(found.memberships.map((p) => [p.id as string, rec(p, 'Membership')]));
  const targets = new Map<string, EntityRecord>();
  const positions: Position[] = [];
  for (const [actorId, targetId, targetLabel, stanceId, kind, date, precision, end, approximate, membershipId, orgId, towardsId] of found.positions) {
    const actor = actors.get(actorId as string)!;
    let target = targets.get(targetId as string);
    if (!target) targets.set(targetId as string, (target = { id: targetId as string, __label: targetLabel as string, [STUB]: true }));
    if (stanceId === null) {
      Object.assign(target, { since: date, sincePrecision: precision, sinceEnd: end, approximate });
      positions.push(demandedPosition(actor, target));
      continue;
    }
    const stance: EntityRecord = { id: stanceId as string, __label: 'Stance', kind, date, datePrecision: precision, dateEnd: end, approximate, [STUB]: true };
    if (membershipId === null) positions.push(statedPosition(actor, stance, target, towardsId as string | null));
    else positions.push(inheritedPosition(actor, stance, memberships.get(membershipId as string)!, orgs.get(orgId as string)!, target, towardsId as string | null));
  }
  return { targets, positions };
}
