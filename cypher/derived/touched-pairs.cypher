// Which (holder, topic) pairs a write may have changed, from the ids it touched (what it
// wrote and both ends of every relationship it wrote or removed): the holders and topics
// of touched stances, the makers of touched demands, and the touched actors and topics
// themselves (a removed TOOK or RESPONDS_TO leaves only its two ends).
// $params: ids
// RETURN: pairs (list of [holderId, targetId] the graph holds now), holderIds, targetIds
CALL () {
  UNWIND $ids AS id
  MATCH (s:Stance {id: id})
  MATCH (h:Actor)-[:TOOK]->(s)-[:RESPONDS_TO|CONCERNS]->(t)
  WHERE t:Demand OR t:Issue
  RETURN collect(DISTINCT [h.id, t.id]) AS fromStances
}
CALL () {
  UNWIND $ids AS id
  MATCH (h:Actor)-[:MADE_DEMAND]->(d:Demand {id: id})
  RETURN collect(DISTINCT [h.id, d.id]) AS fromDemands
}
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  WHERE n:Actor OR n:Demand OR n:Issue
  RETURN collect(CASE WHEN n:Actor THEN n.id END) AS actorIds, collect(CASE WHEN n:Actor THEN null ELSE n.id END) AS topicIds
}
WITH fromStances + fromDemands AS pairs, actorIds, topicIds
RETURN pairs,
  actorIds + [p IN pairs | p[0]] AS holderIds,
  topicIds + [p IN pairs | p[1]] AS targetIds
