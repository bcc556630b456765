// The relationships the given seed files own. Every relationship touches a
// node of the file that declares it, so the origin index finds them all.
// $params: origins (list of source ids)
// RETURN: key, type, from, to, props
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.origin IN $origins AND r.origin IN $origins
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
RETURN r.key AS key, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
