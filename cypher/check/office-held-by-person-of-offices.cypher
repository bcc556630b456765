// Invariant, for a check of every node (npm run check): an office among the given
// nodes is held by an actor of the holder kind (as check/office-held-by-person.cypher,
// from the office's end only: every office is on some page).
// $params: ids (list of node ids to check), holderKind
// RETURN: id, holder, kind
UNWIND $ids AS id
MATCH (a:Actor)-[:HOLDS]->(o:Office {id: id})
WHERE a.kind <> $holderKind
RETURN o.id AS id, a.id AS holder, a.kind AS kind
