// The ids a write refers to that exist, with their label, kind and origin: what the
// write API validates references against.
// $params: ids (list of ids)
// RETURN: id, label, kind, origin
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.kind AS kind, n.origin AS origin
