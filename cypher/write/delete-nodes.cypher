// Removes nodes (and their relationships) that a seed file no longer holds.
// $params: ids (list of node ids)
// RETURN: deleted
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS deleted
