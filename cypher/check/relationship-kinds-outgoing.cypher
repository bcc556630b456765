// Invariant, for a check of every node (npm run check): every relationship leaving the
// given nodes joins the kinds the model allows (as check/relationship-kinds.cypher).
// Every relationship leaves exactly one node, so a pass over all nodes sees each one
// once, from its start node's page, and a hub's hundreds of thousands of incoming
// relationships (an issue's statements, a report's) are not expanded again on its page.
// $params: ids (list of node ids to check), allowed (list of "TYPE|FromLabel|ToLabel")
// RETURN: from, type, to, triple
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WITH r, a, b, type(r) + '|' + [l IN labels(a) WHERE l <> 'Entity'][0] + '|' + [l IN labels(b) WHERE l <> 'Entity'][0] AS triple
WHERE NOT triple IN $allowed
RETURN a.id AS from, type(r) AS type, b.id AS to, triple
