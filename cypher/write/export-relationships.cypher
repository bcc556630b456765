// For the exporter: every relationship of the selected files (a relationship's origin is
// the file of the entity whose field made it).
// $params: files (list of main source ids, or null for all)
// RETURN: type, from, to, props
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $files IS NULL OR r.origin IN $files OR r.origin IN [f IN $files | 'api:' + f]
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, type, to
