// The actors whose membership dates a write can change: the member and the organisation
// of every membership among the ids (ids of other labels are ignored).
// $params: ids (touched ids)
// RETURN: actorIds (distinct)
UNWIND $ids AS id
MATCH (ms:Entity {id: id})
WHERE ms:Membership
CALL (ms) {
  MATCH (ms)-[:MEMBERSHIP_IN]->(a:Actor)
  RETURN a.id AS actorId
  UNION
  MATCH (ms)<-[:HAS_MEMBERSHIP]-(a:Actor)
  RETURN a.id AS actorId
}
RETURN collect(DISTINCT actorId) AS actorIds
