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
// What findActorPositions keeps, decided before rows leave Neo4j: on each target an
// actor's own positions (stated or demanded) replace what it inherits; of those, the
// latest of each kind (ties: smallest stance id); and only targets where at least two of
// the actors hold a position, the only ones an agreement compares. A hub organisation's
// members inherit tens of thousands of its stances, most of them on a few old demands.
WITH actorId, a, t, collect({s: s, ms: ms, org: org, made: made}) AS found
WITH actorId, a, t, CASE WHEN any(p IN found WHERE p.ms IS NULL) THEN [p IN found WHERE p.ms IS NULL] ELSE found END AS chosen
UNWIND chosen AS p
WITH actorId, a, t, p, CASE WHEN p.made IS NULL THEN p.s.kind ELSE 'SUPPORTS' END AS kind, CASE WHEN p.made IS NULL THEN p.s.date ELSE t.since END AS date
ORDER BY date DESC, p.s.id
WITH actorId, a, t, kind, collect(p)[0] AS p
WITH t, collect(DISTINCT actorId) AS holders, collect({actorId: actorId, a: a, p: p}) AS positions
WHERE size(holders) >= 2
UNWIND positions AS x
WITH x.actorId AS actorId, x.a AS a, t, x.p.s AS s, x.p.ms AS ms, x.p.org AS org, x.p.made AS made
RETURN actorId, properties(a) AS actor, properties(t) AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetLabel,
  properties(s) AS stance, properties(ms) AS membership, properties(org) AS org, made IS NOT NULL AS madeDemand,
  CASE WHEN s IS NULL THEN null ELSE [(s)-[:TOWARDS]->(x:Actor) | x.id][0] END AS towardsId
