// Invariant: every relationship touching the given nodes joins the kinds the model
// allows, e.g. EVIDENCED_BY from a stance to a statement, never to an actor. The
// allowed triples are derived from the planner and the reference rules
// (src/check/model-rules.ts).
// $params: ids (list of node ids to check), allowed (list of "TYPE|FromLabel|ToLabel")
// RETURN: from, type, to, triple
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
WITH r, a, b, type(r) + '|' + [l IN labels(a) WHERE l <> 'Entity'][0] + '|' + [l IN labels(b) WHERE l <> 'Entity'][0] AS triple
WHERE NOT triple IN $allowed
RETURN a.id AS from, type(r) AS type, b.id AS to, triple
