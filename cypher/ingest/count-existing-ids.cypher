// How many of the given ids name a node already. A batch whose nodes are all new is
// written while the previous batch's relationships are (src/ingest/ingest-stream.ts):
// a new node has no relationship, so its transaction needs no derived upkeep and shares
// no lock with the other.
// $params: ids
// RETURN: existing
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN count(n) AS existing
