// How many stances a holder took and how many stances answer or concern a topic (from
// the degree store): the pairs are read from whichever end has fewer.
// $params: holderIds, targetIds
// RETURN: holders (list of [id, stances]), targets (list of [id, stances])
CALL () {
  UNWIND $holderIds AS id
  MATCH (h:Actor {id: id})
  RETURN collect([id, COUNT { (h)-[:TOOK]->() }]) AS holders
}
CALL () {
  UNWIND $targetIds AS id
  MATCH (t:Entity {id: id})
  RETURN collect([id, COUNT { (t)<-[:RESPONDS_TO]-() } + COUNT { (t)<-[:CONCERNS]-() }]) AS targets
}
RETURN holders, targets
