// Invariant: an office is held by an actor of the holder kind (a person; validation's
// rule, src/seed/validate-seeds.ts). Checked from either end, so that changing an
// actor's kind finds the offices it holds.
// A pair found from both ends is returned twice (the caller keeps one).
// $params: ids (list of node ids to check), holderKind
// RETURN: id, holder, kind
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (a:Actor)-[:HOLDS]->(n:Office)
  RETURN n AS o, a
  UNION
  MATCH (n:Actor)-[:HOLDS]->(o:Office)
  RETURN o, n AS a
}
WITH o, a
WHERE a.kind <> $holderKind
RETURN o.id AS id, a.id AS holder, a.kind AS kind
