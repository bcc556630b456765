// For the exporter (a read despite the folder: it mirrors the loader's writes): every
// node of the selected files, seed-written (origin = file) or API-written (origin = api:file).
// $params: files (list of main source ids, or null for all)
// RETURN: id, label, props
MATCH (n:Entity)
WHERE $files IS NULL OR n.origin IN $files OR n.origin IN [f IN $files | 'api:' + f]
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY id
