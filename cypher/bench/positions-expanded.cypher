// The old floor (issue 18): the query the API ran before derived positions
// (cypher/read/positions.cypher now reads them); kept to be measured side by side and to
// compare answers with (test/derived).
// Positions on demands or issues as of a date: the latest stance of each kind
// each actor took on the target, and the positions members inherit from an
// organisation they belonged to on that date (unless they took one themselves).
// $params: targetIds (demand or issue ids), asOf (Date: last day counted), includeDerived (boolean)
// RETURN: targetId, target (properties), makers (actors who made the demand, with since), direct (list of {actor, kind, stance}),
//         derived (list of {from: index into direct of the organisation's stance, members: list of {actor, membership}}):
//         an organisation's stance and properties come once, not once per member (a hub alliance has hundreds)
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
  UNWIND CASE WHEN $includeDerived THEN range(0, size(direct) - 1) ELSE [] END AS i
  WITH i, direct[i].actor AS org, [x IN direct | x.actor] AS directActors
  MATCH (org)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(m:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf) AND NOT m IN directActors
  WITH i, collect({actor: properties(m), membership: properties(ms)}) AS members
  RETURN collect({from: i, members: members}) AS derived
}
RETURN targetId, properties(t) AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetLabel,
  [(t)<-[:MADE_DEMAND]-(a:Actor) WHERE t.since <= $asOf | properties(a)] AS makers,
  [d IN direct | {actor: properties(d.actor), kind: d.kind, stance: properties(d.stance)}] AS direct,
  derived
