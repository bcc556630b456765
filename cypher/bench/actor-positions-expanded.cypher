// The old floor (issue 18): the expanding query the API ran before derived positions
// (cypher/read/actor-positions.cypher now reads them); kept to be measured side by side
// and to compare answers with (test/derived).
// The positions of the given actors as of a date, on the demands and issues at
// least two of them hold a position on (what an agreement compares): stances they
// took, stances of organisations they were members of on that date, and demands
// they made (support of their own demand), reduced to what an agreement compares. A
// stance that answers a demand counts on that demand only, not again on its issues.
// Agreements of hub members compare 10^4 topics and more, so the positions come as
// compact lists (ids, kinds, dates) in one row, and the properties of memberships and
// organisations once each; the caller reads the properties of stances and targets only
// for the topics it shows.
// $params: actorIds, asOf (Date)
// RETURN: positions (list of [actorId, targetId, targetLabel, stanceId or null (a demand its maker made), kind,
//         date (ISO, the stance's or the demand's since), its precision, its end (ISO), approximate,
//         membershipId or null (stated), orgId or null,
//         towardsId (the actor the stance is aimed at, or null)]), memberships (properties), orgs (properties)
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
// What an agreement compares, decided before rows leave Neo4j: on each target an
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
WITH t, collect(DISTINCT actorId) AS holders, collect({actorId: actorId, p: p}) AS positions
WHERE size(holders) >= 2
UNWIND positions AS x
WITH x.actorId AS actorId, t, x.p.s AS s, x.p.ms AS ms, x.p.org AS org
WITH collect([actorId, t.id, [l IN labels(t) WHERE l <> 'Entity'][0], s.id, coalesce(s.kind, 'SUPPORTS'),
    toString(coalesce(s.date, t.since)), coalesce(s.datePrecision, t.sincePrecision), toString(coalesce(s.dateEnd, t.sinceEnd)),
    CASE WHEN s IS NULL THEN t.approximate ELSE s.approximate END, ms.id, org.id,
    CASE WHEN s IS NULL THEN null ELSE [(s)-[:TOWARDS]->(x:Actor) | x.id][0] END]) AS positions,
  collect(DISTINCT ms) AS memberships, collect(DISTINCT org) AS orgs
RETURN positions, [m IN memberships | properties(m)] AS memberships, [o IN orgs | properties(o)] AS orgs
