// What Demand.status needs of the positions on demands as of a date, without listing the
// members who inherit (decision 0054): the makers, the stated positions (holder id, name and
// kind), per organisation's kind how many members inherit it (from the derived membership
// dates, by cypher/fragment/inheriting-counts.cypher as positions-page.cypher counts them), and the
// newest stated stances (all that tie). Not runnable as written: INCLUDE is expanded by src/neo4j/cypher.ts.
// $params: demandIds, asOf (Date: last day counted)
// RETURN: demandId, makers (actor ids), stated (list of {id, kind}), names (list of [holder id, name]), inherited (list of {kind, n}),
//         latest (properties of the stated stances of the newest date, ties all returned)
UNWIND $demandIds AS demandId
MATCH (t:Entity {id: demandId})
WHERE t:Demand
CALL (t) {
  MATCH (p:TopicPosition {targetId: t.id})
  WHERE p.since <= $asOf
  UNWIND [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untilsOn[i] > $asOf] AS i
  RETURN collect({id: p.holderId, kind: p.kinds[i], stanceId: p.stanceIds[i], date: p.froms[i]}) AS direct, collect(DISTINCT p.holderId) AS holderIds
}
WITH t, demandId, direct, holderIds, holderIds AS counted
INCLUDE fragment/inheriting-counts
WITH t, demandId, direct, holderIds, [s IN segments | {kind: s.kind, n: s.n}] AS inherited
CALL (holderIds) {
  UNWIND holderIds AS holderId
  MATCH (h:Actor {id: holderId})
  RETURN collect([holderId, h.name]) AS names
}
WITH t, demandId, direct, inherited, names, reduce(m = null, d IN direct | CASE WHEN m IS NULL OR d.date > m THEN d.date ELSE m END) AS newest
CALL (direct, newest) {
  UNWIND [d IN direct WHERE d.date = newest] AS d
  MATCH (s:Stance {id: d.stanceId})
  RETURN collect(DISTINCT properties(s)) AS latest
}
WITH t, demandId, direct, inherited, latest, names
RETURN demandId,
  [(t)<-[:MADE_DEMAND]-(a:Actor) WHERE t.since <= $asOf | a.id] AS makers,
  [d IN direct | {id: d.id, kind: d.kind}] AS stated, names, inherited, latest
