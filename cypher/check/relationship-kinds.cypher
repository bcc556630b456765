// Invariant: every relationship touching the given nodes joins the kinds the model
// allows, e.g. EVIDENCED_BY from a stance to a statement, never to an actor. The
// allowed triples are derived from the planner and the reference rules
// (src/check/model-rules.ts).
// A relationship between two of the ids is returned twice (the caller keeps one): no
// DISTINCT, so that the query streams and holds nothing per relationship, whatever the
// degree of the nodes checked.
// $params: ids (list of node ids to check), allowed (list of "TYPE|FromLabel|ToLabel")
// RETURN: from, type, to, triple
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(:Entity)
WITH r, startNode(r) AS a, endNode(r) AS b
WITH r, a, b, type(r) + '|' + [l IN labels(a) WHERE l <> 'Entity'][0] + '|' + [l IN labels(b) WHERE l <> 'Entity'][0] AS triple
WHERE NOT triple IN $allowed
RETURN a.id AS from, type(r) AS type, b.id AS to, triple
