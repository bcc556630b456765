// Which (holder, topic) pairs a write may have changed, as the graph holds them now: each
// touched stance with its topics and holder, and each touched demand with its makers. The
// caller adds the pairs of relationships the write removed (their ends are gone from here).
// $params: ids (what the write touched: its nodes and both ends of every relationship it wrote)
// RETURN: stancePairs (list of [stanceId, holderId or null, targetId]), demandPairs (list of [holderId, demandId])
CALL () {
  UNWIND $ids AS id
  MATCH (s:Stance {id: id})-[:RESPONDS_TO|CONCERNS]->(t)
  WHERE t:Demand OR t:Issue
  OPTIONAL MATCH (h:Actor)-[:TOOK]->(s)
  RETURN collect([s.id, h.id, t.id]) AS stancePairs
}
CALL () {
  UNWIND $ids AS id
  MATCH (h:Actor)-[:MADE_DEMAND]->(d:Demand {id: id})
  RETURN collect([h.id, d.id]) AS demandPairs
}
RETURN stancePairs, demandPairs
