// Positions on demands or issues as of a date, counted and paged (issue 18, decision 0049):
// the same positions as positions.cypher, but an inherited position is counted, not read,
// unless it is on the page. Per organisation holding a position, the memberships valid on
// the date of members that hold none of their own are counted once (read: the membership's
// dates, never the member); only the page's members are read, in order.
// Order (documented in schema.graphql): target by target as given; in each, the demands'
// makers and the stated positions by actor id (DEMANDED before STATED), kind, stance id;
// then the inherited ones by organisation id, kind, member id, membership id.
// $params: targetIds (demand or issue ids), asOf (Date: last day counted), includeDerived (boolean),
//          attestation (Attestation names kept, or null for all), bases (PositionBasis names the page keeps, or null for all),
//          offset, first (Integer: the page)
// RETURN: count (Integer: every position the filters keep, bases aside), counts (list of {kind, basis, count}, by basis then kind),
//         targets (list of {props, label}), page (list of {target: index into targets, basis, kind, actor, stance, membership, org}:
//         properties; stance null for a maker, membership and org null unless inherited)
UNWIND range(0, size($targetIds) - 1) AS ti
MATCH (t:Entity {id: $targetIds[ti]})
CALL (t) {
  MATCH (p:TopicPosition {targetId: t.id})
  WHERE p.since <= $asOf
  UNWIND [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untilsOn[i] > $asOf] AS i
  MATCH (h:Actor {id: p.holderId})
  MATCH (s:Stance {id: p.stanceIds[i]})
  RETURN collect({actor: h, id: p.holderId, kind: p.kinds[i], stance: s}) AS direct, collect(DISTINCT h) AS holders
}
// The makers and the stated positions, attestation filtered (each reads its stance's attestation only).
CALL (t, direct) {
  CALL (t, direct) {
    MATCH (t)<-[:MADE_DEMAND]-(a:Actor)
    WHERE t.since <= $asOf
    RETURN {basis: 'DEMANDED', actor: a, id: a.id, kind: 'SUPPORTS', stance: null, attestation: 'DEMAND'} AS r
    UNION ALL
    UNWIND direct AS d
    RETURN {basis: 'STATED', actor: d.actor, id: d.id, kind: d.kind, stance: d.stance, attestation: d.stance.attestation} AS r
  }
  WITH r
  WHERE $attestation IS NULL OR r.attestation IN $attestation
  WITH r ORDER BY r.id, r.basis, r.kind, r.stance.id
  RETURN collect(r) AS head
}
// Per organisation holding a position: how many members inherit it (valid memberships of members without their own).
CALL (direct, holders) {
  UNWIND CASE WHEN $includeDerived AND ($attestation IS NULL OR 'INHERITED' IN $attestation) THEN holders ELSE [] END AS org
  MATCH (org)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(m:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND NOT m IN holders
  WITH org, count(*) AS n
  UNWIND [d IN direct WHERE d.actor = org] AS d
  WITH d, n ORDER BY d.id, d.kind
  RETURN collect({org: d.actor, kind: d.kind, stance: d.stance, n: n}) AS segments
}
WITH ti, t, holders, head, segments ORDER BY ti
WITH collect({t: t, holders: holders, head: head, segments: segments}) AS perTarget
CALL (perTarget) {
  UNWIND perTarget AS x
  UNWIND [r IN x.head | {kind: r.kind, basis: r.basis, n: 1}] + [s IN x.segments | {kind: s.kind, basis: 'INHERITED', n: s.n}] AS c
  WITH c.basis AS basis, c.kind AS kind, sum(c.n) AS n
  ORDER BY basis, kind
  RETURN sum(n) AS total, collect({kind: kind, basis: basis, count: n}) AS counts
}
// The page: blocks (a target's makers and stated positions; an organisation's kind) with where each starts.
WITH perTarget, total, counts, reduce(bs = [], x IN range(0, size(perTarget) - 1) |
    bs + [{ti: x, rows: [r IN perTarget[x].head WHERE $bases IS NULL OR r.basis IN $bases]}]
       + [s IN perTarget[x].segments WHERE $bases IS NULL OR 'INHERITED' IN $bases | {ti: x, seg: s}]) AS blocks
WITH perTarget, total, counts, reduce(acc = {at: 0, out: []}, b IN blocks |
    {at: acc.at + coalesce(b.seg.n, size(b.rows)), out: acc.out + [b {.*, start: acc.at, size: coalesce(b.seg.n, size(b.rows))}]}).out AS blocks
CALL (perTarget, blocks) {
  UNWIND [b IN blocks WHERE b.size > 0 AND b.start < $offset + $first AND b.start + b.size > $offset] AS b
  WITH b, CASE WHEN $offset > b.start THEN $offset - b.start ELSE 0 END AS skip
  WITH b, skip, CASE WHEN b.start + b.size < $offset + $first THEN b.start + b.size ELSE $offset + $first END - b.start AS upto
  CALL (b, skip, upto, perTarget) {
    WITH b, skip, upto, perTarget WHERE b.seg IS NULL
    RETURN [r IN b.rows[skip..upto] | {target: b.ti, basis: r.basis, kind: r.kind, actor: properties(r.actor),
      stance: CASE WHEN r.stance IS NULL THEN null ELSE properties(r.stance) END, membership: null, org: null}] AS rows
    UNION ALL
    WITH b, skip, upto, perTarget WHERE b.seg IS NOT NULL
    WITH b, skip, upto, b.seg.org AS org, perTarget[b.ti].holders AS holders
    MATCH (org)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(m:Actor)
    WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND NOT m IN holders
    WITH b, skip, upto, m, ms ORDER BY m.id, ms.id
    WITH b, skip, upto, collect([m, ms])[skip..upto] AS members
    RETURN [x IN members | {target: b.ti, basis: 'INHERITED', kind: b.seg.kind, actor: properties(x[0]), stance: properties(b.seg.stance),
      membership: properties(x[1]), org: properties(b.seg.org)}] AS rows
  }
  WITH b, rows ORDER BY b.start
  RETURN reduce(acc = [], r IN collect(rows) | acc + r) AS page
}
RETURN total AS count, counts, [x IN perTarget | {props: properties(x.t), label: [l IN labels(x.t) WHERE l <> 'Entity'][0]}] AS targets, page
