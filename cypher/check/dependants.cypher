// Before a load deletes nodes: the relationships to them that their owners do not own
// (another seed file's, or the API's). Deleting the nodes would leave those facts
// dangling (an API stance without its evidence), so the loader refuses and names them.
// $params: ids (list of node ids to be deleted), origins (the origins the load owns)
// RETURN: id (the node to be deleted), type, from, to, other (the dependant's id), otherLabel, origin (of the relationship)
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE NOT r.origin IN $origins
RETURN n.id AS id, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,
  m.id AS other, [l IN labels(m) WHERE l <> 'Entity'][0] AS otherLabel, r.origin AS origin
ORDER BY id, other, type
