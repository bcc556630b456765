/**
 * Derived membership dates (docs/decisions/0054-membership-dates.md): per actor, one
 * :MembershipDates node with the sorted first and last valid days of the memberships in
 * it (as an organisation) and its own memberships (as a member, by organisation). A read
 * of positions counts an organisation's members valid on a date as
 * #(from <= asOf) - #(until < asOf) instead of reading every membership. Every write of
 * a membership rebuilds the actors at its two ends in its own transaction.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { DERIVED_LABELS } from '../model/entities.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { OPEN_UNTIL, toDate } from './topic-positions.js';

/** The label of the derived nodes: not :Entity, so never exported, counted as an entity or checked as one. */
export const MEMBERSHIP_DATES_LABEL: (typeof DERIVED_LABELS)[number] = 'MembershipDates';

/** One membership's dates as read (ISO dates): from, whether it is open (no until), the last day of its until. */
export type MembershipSpan = [from: string | null, open: boolean, untilEnd: string | null];

/** The stored form: the organisation side as two sorted lists, the member side as parallel lists sorted by organisation and from. */
export interface MembershipDatesProps {
  actorId: string;
  /** First valid day of each membership in the actor, sorted. */
  froms: string[];
  /** Last valid day of each membership in the actor (OPEN_UNTIL when open), sorted independently. */
  untils: string[];
  /** The actor's own memberships: the organisation, first and last valid day. */
  orgIds: string[];
  orgFroms: string[];
  orgUntils: string[];
}

/**
 * The valid days of a membership as positions read it (`from <= asOf AND (until IS NULL
 * OR untilEnd >= asOf)`), or null when no day is valid (no from, or an end before it).
 */
function validDays([from, open, untilEnd]: MembershipSpan): [string, string] | null {
  if (from === null) return null;
  if (open) return [from, OPEN_UNTIL];
  if (untilEnd === null || untilEnd < from) return null;
  return [from, untilEnd];
}

/** Builds the stored form of an actor's membership dates; null when it has no valid membership either way. */
export function buildMembershipDates(actorId: string, members: MembershipSpan[], memberships: Array<[orgId: string, ...MembershipSpan]>): MembershipDatesProps | null {
  const asOrg = members.map(validDays).filter((d): d is [string, string] => d !== null);
  const own = memberships
    .map(([orgId, ...span]) => [orgId, validDays(span)] as const)
    .filter((m): m is readonly [string, [string, string]] => m[1] !== null)
    .map(([orgId, [from, until]]) => [orgId, from, until] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  if (asOrg.length === 0 && own.length === 0) return null;
  return {
    actorId,
    froms: asOrg.map((d) => d[0]).sort(),
    untils: asOrg.map((d) => d[1]).sort(),
    orgIds: own.map((m) => m[0]),
    orgFroms: own.map((m) => m[1]),
    orgUntils: own.map((m) => m[2]),
  };
}

/** The properties as written: dates as Neo4j Dates (an empty list stays an empty list). */
export function membershipDatesRow(p: MembershipDatesProps): Record<string, unknown> {
  return { ...p, froms: p.froms.map(toDate), untils: p.untils.map(toDate), orgFroms: p.orgFroms.map(toDate), orgUntils: p.orgUntils.map(toDate) };
}

/** Actors per statement: a hub organisation holds thousands of memberships. */
const ACTORS_PER_QUERY = 500;

/** Rebuilds the membership dates of the given actors from the graph, in the caller's transaction; returns how many hold any. */
export async function rebuildMembershipDates(tx: ManagedTransaction, actorIds: Iterable<string>): Promise<number> {
  const all = [...new Set(actorIds)].sort();
  let written = 0;
  for (let i = 0; i < all.length; i += ACTORS_PER_QUERY) {
    const page = all.slice(i, i + ACTORS_PER_QUERY);
    const res = await tx.run(cypher('derived/membership-dates-read'), { actorIds: page });
    const rows = res.records
      .map((r) => buildMembershipDates(r.get('actorId') as string, toPlain(r.get('members')) as MembershipSpan[], toPlain(r.get('memberships')) as Array<[string, ...MembershipSpan]>))
      .filter((p): p is MembershipDatesProps => p !== null)
      .map(membershipDatesRow);
    const out = await tx.run(cypher('derived/membership-dates-write'), { actorIds: page, rows });
    written += toPlain(out.records[0]?.get('written')) as number;
  }
  return written;
}

/** A relationship a write added or removed: its type and the ids at its ends. */
interface RelationshipEnds {
  type: string;
  from: string;
  to: string;
}

/**
 * Rebuilds, in the caller's transaction, the membership dates a write may have changed:
 * both ends of every membership among `ids` (a membership written or whose dates
 * changed), and the actor end of every membership relationship written or removed.
 */
export async function refreshMembershipDates(tx: ManagedTransaction, ids: Iterable<string>, rels: Iterable<RelationshipEnds> = []): Promise<void> {
  const actors = new Set<string>();
  for (const r of rels) {
    if (r.type === 'HAS_MEMBERSHIP') actors.add(r.from);
    else if (r.type === 'MEMBERSHIP_IN') actors.add(r.to);
  }
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += 2000) {
    const res = await tx.run(cypher('derived/membership-dates-actors'), { ids: all.slice(i, i + 2000) });
    for (const id of (res.records[0]?.get('actorIds') ?? []) as string[]) actors.add(id);
  }
  if (actors.size > 0) await rebuildMembershipDates(tx, actors);
}

/**
 * Builds every actor's membership dates from scratch, a page of actors per write
 * transaction (after a bulk import; and `npm run check -- --rebuild-derived`). Stored
 * ones of actors without memberships are removed first.
 */
export async function rebuildAllMembershipDates(driver: Driver, database: string, opts: { actorsPerPage?: number } = {}): Promise<number> {
  const limit = neo4j.int(opts.actorsPerPage ?? 500);
  let after: string | null = null;
  let written = 0;
  const session = driver.session({ database });
  try {
    await session.run(cypher('derived/membership-dates-delete-all'));
    for (;;) {
      const from: string | null = after;
      const page: string[] = await session.executeRead(async (tx) => {
        const res = await tx.run(cypher('derived/membership-dates-page'), { after: from, limit });
        return res.records.map((r) => r.get('actorId') as string);
      });
      if (page.length === 0) break;
      written += await session.executeWrite((tx) => rebuildMembershipDates(tx, page));
      after = page[page.length - 1]!;
    }
  } finally {
    await session.close();
  }
  return written;
}

/** Deletes every membership dates node, in the caller's transaction (a reset inside a load). */
export async function deleteMembershipDates(tx: ManagedTransaction): Promise<void> {
  await tx.run(cypher('derived/membership-dates-delete-reset'));
}
