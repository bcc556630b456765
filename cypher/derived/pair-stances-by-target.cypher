// The stances of (holder, topic) pairs read from the topic's end: each topic's stances
// once, kept when their holder is among the topic's `others` (see
// pair-stances-by-holder.cypher for the rest).
// $params: groups (list of {id: targetId, others: list of holderIds})
// RETURN: holderId, targetId, targetLabel, stance
UNWIND $groups AS g
MATCH (t:Entity {id: g.id})
CALL (t, g) {
  MATCH (t:Demand)<-[:RESPONDS_TO]-(s:Stance)<-[:TOOK]-(h:Actor)
  WHERE h.id + '' IN g.others
  RETURN s, h, 'Demand' AS targetLabel, false AS answersDemand
  UNION
  MATCH (t:Issue)<-[:CONCERNS]-(s:Stance)<-[:TOOK]-(h:Actor)
  WHERE h.id + '' IN g.others
  RETURN s, h, 'Issue' AS targetLabel, EXISTS { (s)-[:RESPONDS_TO]->(:Demand) } AS answersDemand
}
RETURN h.id AS holderId, t.id AS targetId, targetLabel,
  [s.id, s.kind, s.date, s.datePrecision, s.dateEnd, s.approximate, [(s)-[:TOWARDS]->(x:Actor) | x.id][0], answersDemand] AS stance
