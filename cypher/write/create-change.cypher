// The audit record of one write: who (key id and name), when, what operation, on which
// entity, with a before/after summary; linked to the entity it changed. :Change is not
// an :Entity, so it is never exported and survives `seed --reset`.
// $params: id, operation, outcome, entityId, entityKind, origin, keyId, keyName, fields, before, after
// RETURN: change (map, `at` as an ISO string)
MATCH (n:Entity {id: $entityId})
MERGE (c:Change {id: $id})
ON CREATE SET c.at = datetime(), c.operation = $operation, c.outcome = $outcome, c.entityId = $entityId,
  c.entityKind = $entityKind, c.origin = $origin, c.keyId = $keyId, c.keyName = $keyName,
  c.fields = $fields, c.before = $before, c.after = $after
MERGE (c)-[:CHANGED]->(n)
RETURN c {.*, at: toString(c.at)} AS change
