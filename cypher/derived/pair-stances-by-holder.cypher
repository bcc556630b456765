// The stances of (holder, topic) pairs read from the holder's end: each holder's stances
// once, kept when they answer a demand or concern an issue among the holder's `others`.
// A stance on an issue says whether it also answers a demand (agreements then count it
// on the demand only; a topic's positions still list it).
// $params: groups (list of {id: holderId, others: list of targetIds})
// RETURN: holderId, targetId, targetLabel, stance ([id, kind, date (Date), precision, dateEnd (Date), approximate, towardsId, answersDemand])
UNWIND $groups AS g
MATCH (h:Actor {id: g.id})
CALL (h, g) {
  MATCH (h)-[:TOOK]->(s:Stance)-[:RESPONDS_TO]->(t:Demand)
  // Not an index seek on t.id: that would expand every stance of a hub topic per pair.
  WHERE t.id + '' IN g.others
  RETURN s, t, 'Demand' AS targetLabel, false AS answersDemand
  UNION
  MATCH (h)-[:TOOK]->(s:Stance)-[:CONCERNS]->(t:Issue)
  WHERE t.id + '' IN g.others
  RETURN s, t, 'Issue' AS targetLabel, EXISTS { (s)-[:RESPONDS_TO]->(:Demand) } AS answersDemand
}
RETURN h.id AS holderId, t.id AS targetId, targetLabel,
  [s.id, s.kind, s.date, s.datePrecision, s.dateEnd, s.approximate, [(s)-[:TOWARDS]->(x:Actor) | x.id][0], answersDemand] AS stance
