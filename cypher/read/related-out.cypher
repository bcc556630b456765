// Entities reached from each given entity over one outgoing relationship
// type, for batched relationship fields. The type comes from the fixed map in
// src/graph/relations.ts, never from client input.
// $params: ids (list of ids), type (relationship type), label (target label or null)
// RETURN: from, rel (relationship properties), props, label
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:$($type)]->(m:Entity)
WHERE $label IS NULL OR $label IN labels(m)
RETURN id AS from, properties(r) AS rel, properties(m) AS props, [l IN labels(m) WHERE l <> 'Entity'][0] AS label
