// What a (holder, topic) pair's derived positions are built from: the holder's stances
// on the topic (RESPONDS_TO a demand, CONCERNS an issue, saying whether a stance on an
// issue also answers a demand: then it counts on the demand only in agreements, but
// still shows among the issue's positions), and whether the holder made the demand.
// $params: pairs (list of [holderId, targetId])
// RETURN: holderId, targetId, targetLabel, stances (list of [id, kind, date (Date),
//         precision, dateEnd (Date), approximate, towardsId, answersDemand]),
//         made ({since, precision, end, approximate} of the demand when the holder made it, else null)
UNWIND $pairs AS pair
MATCH (h:Actor {id: pair[0]})
MATCH (t:Entity {id: pair[1]})
WHERE t:Demand OR t:Issue
// The union sits inside an aggregating subquery, so a pair with no stance (a demand its
// holder made, nothing more) keeps its row.
CALL (h, t) {
  CALL (h, t) {
    MATCH (h)-[:TOOK]->(s:Stance)-[:RESPONDS_TO]->(t)
    WHERE t:Demand
    RETURN s, false AS answersDemand
    UNION
    MATCH (h)-[:TOOK]->(s:Stance)-[:CONCERNS]->(t)
    WHERE t:Issue
    RETURN s, EXISTS { (s)-[:RESPONDS_TO]->(:Demand) } AS answersDemand
  }
  RETURN collect([s.id, s.kind, s.date, s.datePrecision, s.dateEnd, s.approximate,
    [(s)-[:TOWARDS]->(x:Actor) | x.id][0], answersDemand]) AS stances
}
RETURN h.id AS holderId, t.id AS targetId, CASE WHEN t:Demand THEN 'Demand' ELSE 'Issue' END AS targetLabel,
  [x IN stances WHERE x[0] IS NOT NULL AND x[2] IS NOT NULL] AS stances,
  CASE WHEN t:Demand AND t.since IS NOT NULL AND EXISTS { (h)-[:MADE_DEMAND]->(t) }
    THEN {since: t.since, precision: t.sincePrecision, end: t.sinceEnd, approximate: t.approximate} END AS made
