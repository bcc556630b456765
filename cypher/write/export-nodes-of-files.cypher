// For the paged export: every node of the selected files, seed-written (origin = file) or
// API-written (origin = api:file), found through the entity_origin index. (export-nodes'
// `$files IS NULL OR ...` plans a scan of every entity: at 10^6 statements, 1.6 million
// nodes read again for each of the 41 pages.)
// $params: origins (the files' ids and their api:<id> forms)
// RETURN: id, label, props
MATCH (n:Entity)
WHERE n.origin IN $origins
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY id
