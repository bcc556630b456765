// For the paged export: every relationship of the selected files, found from their nodes
// (entity_origin index) instead of a scan of every relationship. A relationship's origin
// is the file of the entity whose field made it, and that entity is one of its ends, so
// expanding the files' nodes reaches all of them.
// $params: origins (the files' ids and their api:<id> forms)
// RETURN: type, from, to, props
MATCH (n:Entity)
WHERE n.origin IN $origins
MATCH (n)-[r]-(:Entity)
WHERE r.origin IN $origins
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
ORDER BY from, type, to
