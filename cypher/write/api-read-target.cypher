// What the write API compares a write with: the node with the given id (if any)
// and the relationships that node's own fields made through the API. A relationship
// belongs to its start node, except the types in $incomingTypes (SAID, TOOK, ...),
// which belong to their end node; a source's MENTIONS are derived for its file.
// $params: id, incomingTypes (list of relationship types)
// RETURN: props (null when there is no such node), label, rels (list of {key, type, from, to, props})
OPTIONAL MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(:Entity)
  WHERE r.origin STARTS WITH 'api:'
    AND ((type(r) IN $incomingTypes AND endNode(r) = n)
      OR (NOT type(r) IN $incomingTypes AND startNode(r) = n AND NOT (type(r) = 'MENTIONS' AND n:Source)))
  WITH DISTINCT r
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {key: r.key, type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)} END) AS rels
}
RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, rels
