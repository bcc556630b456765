// Invariant, for a check of every node (npm run check): a quoted or paraphrased
// statement among the given nodes has a speaker of a kind that can be quoted (as
// check/speaker-can-be-quoted.cypher, from the statement's end only: every statement
// is on some page, and a prolific speaker's statements are not read again on its own).
// $params: ids (list of node ids to check), quotableKinds (list), unquotedModes (modes any speaker may have)
// RETURN: id, mode, speaker, kind
UNWIND $ids AS id
MATCH (a:Actor)-[:SAID]->(s:Statement {id: id})
WHERE NOT s.mode IN $unquotedModes AND NOT a.kind IN $quotableKinds
RETURN s.id AS id, s.mode AS mode, a.id AS speaker, a.kind AS kind
