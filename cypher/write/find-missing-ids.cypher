// Which of the given ids have no node: names the endpoints a load could not join.
// $params: ids (list of node ids)
// RETURN: id
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n WHERE n IS NULL
RETURN id
