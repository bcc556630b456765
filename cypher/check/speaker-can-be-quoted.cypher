// Invariant: a quoted or paraphrased statement has a speaker of a kind that can be
// quoted (validation's rule, src/seed/validate-seeds.ts). Checked from either end, so
// that changing an actor's kind finds the statements it would invalidate.
// A pair found from both ends is returned twice (the caller keeps one).
// $params: ids (list of node ids to check), quotableKinds (list), unquotedModes (modes any speaker may have)
// RETURN: id, mode, speaker, kind
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (a:Actor)-[:SAID]->(n:Statement)
  RETURN n AS s, a
  UNION
  MATCH (n:Actor)-[:SAID]->(s:Statement)
  RETURN s, n AS a
}
WITH s, a
WHERE NOT s.mode IN $unquotedModes AND NOT a.kind IN $quotableKinds
RETURN s.id AS id, s.mode AS mode, a.id AS speaker, a.kind AS kind
