// The nodes the given seed files own, or that carry one of the given ids:
// what the loader compares its plan against.
// $params: origins (list of source ids), ids (list of node ids)
// RETURN: id, label, props
MATCH (n:Entity)
WHERE n.origin IN $origins
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
UNION
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
