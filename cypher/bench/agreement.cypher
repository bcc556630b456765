// Benchmark floor: every position of two actors as of a date, the query
// behind diplograph's Query.agreement (cypher/read/actor-positions.cypher), run directly.
// $params: actorIds, asOf (Date)
// RETURN: actorId, target (properties), targetLabel, stance (properties or null), membership, org, madeDemand,
//         towardsId (the actor the stance is aimed at, or null)
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[:TOOK]->(s:Stance) WHERE s.date <= $asOf
  CALL (s) {
    MATCH (s)-[:RESPONDS_TO]->(t:Demand) RETURN t
    UNION
    MATCH (s)-[:CONCERNS]->(t:Issue) WHERE NOT (s)-[:RESPONDS_TO]->(:Demand) RETURN t
  }
  RETURN t, s, null AS ms, null AS org, null AS made
  UNION
  MATCH (a)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(org:Actor)-[:TOOK]->(s:Stance)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND s.date <= $asOf
  CALL (s) {
    MATCH (s)-[:RESPONDS_TO]->(t:Demand) RETURN t
    UNION
    MATCH (s)-[:CONCERNS]->(t:Issue) WHERE NOT (s)-[:RESPONDS_TO]->(:Demand) RETURN t
  }
  RETURN t, s, ms, org, null AS made
  UNION
  MATCH (a)-[:MADE_DEMAND]->(t:Demand) WHERE t.since <= $asOf
  RETURN t, null AS s, null AS ms, null AS org, t AS made
}
RETURN actorId, properties(a) AS actor, properties(t) AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetLabel,
  properties(s) AS stance, properties(ms) AS membership, properties(org) AS org, made IS NOT NULL AS madeDemand,
  CASE WHEN s IS NULL THEN null ELSE [(s)-[:TOWARDS]->(x:Actor) | x.id][0] END AS towardsId
