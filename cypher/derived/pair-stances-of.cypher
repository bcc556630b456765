// The given stances as the pairs they are in hold them (decision 0063): per holder and
// topic, the stance's row as pair-stances-by-holder.cypher reads it. Ids that are no
// stance, or a stance in no pair, give no row.
// $params: ids (stance ids)
// RETURN: holderId, targetId, targetLabel, stance ([id, kind, date (Date), precision, dateEnd (Date), approximate, towardsId, answersDemand])
UNWIND $ids AS id
MATCH (s:Stance {id: id})
CALL (s) {
  MATCH (h:Actor)-[:TOOK]->(s)-[:RESPONDS_TO]->(t:Demand)
  RETURN h, t, 'Demand' AS targetLabel, false AS answersDemand
  UNION
  MATCH (h:Actor)-[:TOOK]->(s)-[:CONCERNS]->(t:Issue)
  RETURN h, t, 'Issue' AS targetLabel, EXISTS { (s)-[:RESPONDS_TO]->(:Demand) } AS answersDemand
}
RETURN h.id AS holderId, t.id AS targetId, targetLabel,
  [s.id, s.kind, s.date, s.datePrecision, s.dateEnd, s.approximate, [(s)-[:TOWARDS]->(x:Actor) | x.id][0], answersDemand] AS stance
