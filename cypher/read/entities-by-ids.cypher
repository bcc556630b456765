// Entities by id, for the per-request entity loader.
// $params: ids (list of ids)
// RETURN: props (all properties), label
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
