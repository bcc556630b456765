// Per organisation holding a position on a target: how many members inherit each of its
// entries (decision 0054; one rule for read/positions-page and read/demand-status, decision
// 0058). Members are counted from the derived membership dates, never read: the memberships
// valid on the date are #(from <= asOf) - #(until < asOf), less the holders' own valid
// memberships in it (a holder never inherits). Linear in the holders: their own memberships
// are rows counted once, not a list copied per holder.
// Included by INCLUDE (src/neo4j/cypher.ts) as a whole CALL; not runnable alone.
// In scope: direct (list of {id: holder id, kind, stanceId}), counted (holder ids whose memberships count; [] counts none); $asOf
// Out: segments (list of {orgId, kind, stanceId, n}, by organisation id then kind; n > 0)
CALL (direct, counted) {
  UNWIND counted AS holderId
  MATCH (md:MembershipDates {actorId: holderId})
  // The nodes, not map projections: most holders are members only, and only their own memberships are read of them.
  WITH collect(md) AS dates
  WITH dates, [md IN dates WHERE size(md.froms) > 0] AS orgs
  WITH dates, orgs, [md IN orgs | md.actorId] AS orgIds
  CALL (dates, orgIds) {
    UNWIND dates AS md
    UNWIND [i IN range(0, size(md.orgIds) - 1) WHERE md.orgIds[i] IN orgIds AND md.orgFroms[i] <= $asOf AND md.orgUntils[i] >= $asOf | md.orgIds[i]] AS orgId
    RETURN collect(orgId) AS own
  }
  WITH orgs, own, [d IN direct WHERE d.id IN orgIds] AS orgDirect
  UNWIND orgs AS md
  WITH md.actorId AS orgId, orgDirect,
    size([f IN md.froms WHERE f <= $asOf]) - size([u IN md.untils WHERE u < $asOf]) - size([o IN own WHERE o = md.actorId]) AS n
  WHERE n > 0
  UNWIND [d IN orgDirect WHERE d.id = orgId] AS d
  WITH d, n ORDER BY d.id, d.kind
  RETURN collect({orgId: d.id, kind: d.kind, stanceId: d.stanceId, n: n}) AS segments
}
