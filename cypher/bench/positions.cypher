// Benchmark floor: positions on one demand as of a date, stated and inherited
// through memberships: the query behind diplograph's Query.positions
// (cypher/read/positions.cypher), run directly.
// $params: targetIds (demand or issue ids), asOf (Date: last day counted), includeDerived (boolean)
// RETURN: targetId, target (properties), makers (actors who made the demand, with since), direct (list of {actor, kind, stance}),
//         derived (list of {actor, kind, stance, membership, org})
UNWIND $targetIds AS targetId
MATCH (t:Entity {id: targetId})
CALL (t) {
  CALL (t) {
    MATCH (t)<-[:RESPONDS_TO]-(s:Stance) RETURN s
    UNION
    MATCH (t)<-[:CONCERNS]-(s:Stance) RETURN s
  }
  WITH s WHERE s.date <= $asOf
  MATCH (h:Actor)-[:TOOK]->(s)
  WITH h, s ORDER BY s.date DESC, s.id
  WITH h, s.kind AS kind, collect(s)[0] AS latest
  RETURN collect({actor: h, kind: kind, stance: latest}) AS direct
}
CALL (direct) {
  UNWIND CASE WHEN $includeDerived THEN direct ELSE [] END AS d
  WITH d, d.actor AS org, [x IN direct | x.actor] AS directActors
  MATCH (org)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(m:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND NOT m IN directActors
  RETURN collect({actor: m, kind: d.kind, stance: d.stance, membership: ms, org: org}) AS derived
}
RETURN targetId, properties(t) AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetLabel,
  [(t)<-[:MADE_DEMAND]-(a:Actor) WHERE t.since <= $asOf | properties(a)] AS makers,
  [d IN direct | {actor: properties(d.actor), kind: d.kind, stance: properties(d.stance)}] AS direct,
  [d IN derived | {actor: properties(d.actor), kind: d.kind, stance: properties(d.stance), membership: properties(d.membership), org: properties(d.org)}] AS derived
