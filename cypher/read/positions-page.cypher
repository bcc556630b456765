// Positions on demands or issues as of a date, counted and paged (issue 18, decision 0049):
// the same positions as positions.cypher, but an inherited position is counted, not read,
// unless it is on the page. Per organisation holding a position, the memberships valid on
// the date of members that hold none of their own are counted from the derived membership
// dates (decision 0054: #(from <= asOf) - #(until < asOf), less the holders' own valid
// memberships in it), never read; actors, stances and members are read for the page only.
// Order (documented in schema.graphql): target by target as given; in each, the demands'
// makers and the stated positions by actor id (DEMANDED before STATED), kind, stance id;
// then the inherited ones by organisation id, kind, member id, membership id.
// Not runnable as written: INCLUDE lines are expanded by src/neo4j/cypher.ts.
// $params: targetIds (demand or issue ids), asOf (Date: last day counted), includeDerived (boolean),
//          attestation (Attestation names kept, or null for all), bases (PositionBasis names the page keeps, or null for all),
//          offset, first (Integer: the page)
// RETURN: count (Integer: every position the filters keep, bases aside), counts (list of {kind, basis, count}, by basis then kind),
//         targets (list of {props, label}), page (list of {target: index into targets, basis, kind, actor, stance, membership, org}:
//         actor, stance and org are ids, membership properties; stance null for a maker, membership and org null unless inherited),
//         actors and stances (the properties of those the page names, each sent once or a few times, not once per row: an
//         organisation's page repeats its stance and itself 100 times, a holder's entries its actor; decision 0058).
//         Stances' and memberships' dates come as ISO strings (what toPlain makes of them): the driver turns each Date
//         it receives into year, month and day with Integer arithmetic, the largest client cost of a page (decision 0058).
UNWIND range(0, size($targetIds) - 1) AS ti
MATCH (t:Entity {id: $targetIds[ti]})
CALL (t) {
  MATCH (p:TopicPosition {targetId: t.id})
  WHERE p.since <= $asOf
  UNWIND [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untilsOn[i] > $asOf] AS i
  RETURN collect({id: p.holderId, kind: p.kinds[i], stanceId: p.stanceIds[i]}) AS direct, collect(DISTINCT p.holderId) AS holderIds
}
// The makers and the stated positions, attestation filtered (a stance is read only for that filter).
CALL (t, direct) {
  CALL (t, direct) {
    MATCH (t)<-[:MADE_DEMAND]-(a:Actor)
    WHERE t.since <= $asOf
    RETURN {basis: 'DEMANDED', id: a.id, kind: 'SUPPORTS', stanceId: null, attestation: 'DEMAND'} AS r
    UNION ALL
    UNWIND CASE WHEN $attestation IS NULL THEN direct ELSE [] END AS d
    RETURN {basis: 'STATED', id: d.id, kind: d.kind, stanceId: d.stanceId, attestation: null} AS r
    UNION ALL
    // Only under an attestation filter is a stance read (a stance missing is filtered out, as null is IN no list).
    UNWIND CASE WHEN $attestation IS NULL THEN [] ELSE direct END AS d
    MATCH (s:Stance {id: d.stanceId})
    RETURN {basis: 'STATED', id: d.id, kind: d.kind, stanceId: d.stanceId, attestation: s.attestation} AS r
  }
  WITH r
  WHERE $attestation IS NULL OR r.attestation IN $attestation
  WITH r ORDER BY r.id, r.basis, r.kind, r.stanceId
  RETURN collect(r) AS head
}
// Per organisation holding a position: how many members inherit it (the shared rule).
WITH ti, t, direct, holderIds, head,
  CASE WHEN $includeDerived AND ($attestation IS NULL OR 'INHERITED' IN $attestation) THEN holderIds ELSE [] END AS counted
INCLUDE fragment/inheriting-counts
WITH ti, t, holderIds, head, segments ORDER BY ti
WITH collect({t: t, holderIds: holderIds, head: head, segments: segments}) AS perTarget
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
    UNWIND range(skip, upto - 1) AS k
    WITH b, k, b.rows[k] AS r
    MATCH (a:Actor {id: r.id})
    OPTIONAL MATCH (s:Stance {id: r.stanceId})
    WITH b, k, r, a, s ORDER BY k
    RETURN collect({target: b.ti, basis: r.basis, kind: r.kind, actor: r.id, stance: r.stanceId, membership: null, org: null}) AS rows,
      [x IN collect(DISTINCT a) | properties(x)] AS actors, [x IN collect(DISTINCT s) | x {.*, date: toString(x.date), dateEnd: toString(x.dateEnd)}] AS stances
    UNION ALL
    WITH b, skip, upto, perTarget WHERE b.seg IS NOT NULL
    MATCH (org:Actor {id: b.seg.orgId})
    MATCH (s:Stance {id: b.seg.stanceId})
    WITH b, skip, upto, org, s, perTarget[b.ti].holderIds AS holderIds
    MATCH (org)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(m:Actor)
    WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND NOT m.id IN holderIds
    WITH b, skip, upto, org, s, m, ms ORDER BY m.id, ms.id
    WITH b, skip, upto, org, s, collect([m, ms])[skip..upto] AS members
    UNWIND range(0, size(members) - 1) AS i
    WITH b, org, s, i, members[i][0] AS m, members[i][1] AS ms ORDER BY i
    WITH b, org, s, collect({target: b.ti, basis: 'INHERITED', kind: b.seg.kind, actor: m.id, stance: s.id, org: org.id,
        membership: CASE WHEN ms.until IS NULL THEN ms {.*, from: toString(ms.from), fromEnd: toString(ms.fromEnd)}
          ELSE ms {.*, from: toString(ms.from), fromEnd: toString(ms.fromEnd), until: toString(ms.until), untilEnd: toString(ms.untilEnd)} END}) AS rows,
      collect(properties(m)) AS actors
    RETURN rows, actors + [properties(org)] AS actors, [s {.*, date: toString(s.date), dateEnd: toString(s.dateEnd)}] AS stances
  }
  WITH b, rows, actors, stances ORDER BY b.start
  RETURN reduce(acc = [], r IN collect(rows) | acc + r) AS page,
    reduce(acc = [], r IN collect(actors) | acc + r) AS actors, reduce(acc = [], r IN collect(stances) | acc + r) AS stances
}
RETURN total AS count, counts, [x IN perTarget | {props: properties(x.t), label: [l IN labels(x.t) WHERE l <> 'Entity'][0]}] AS targets,
  page, actors, stances
