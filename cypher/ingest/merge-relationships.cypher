// Bulk ingest: creates or replaces relationships between existing nodes, one
// batch per transaction. Idempotent: MERGE finds the relationship a previous,
// interrupted run already wrote. A row whose endpoint is missing is dropped by
// MATCH; the loader compares `written` with the rows it sent. The type comes
// from the loader's fixed list (RELATIONSHIP_TYPES), never from input text.
// Run once per relationship type with the type static (load-graph.ts:
// mergeRelationships): with a dynamic type, Neo4j 5.26 plans MERGE on a graph
// holding few relationships as a scan of all of them per row, which made a
// load from empty quadratic (docs/performance.md).
// $params: rows (list of {type, from, to, props}, all of one type), type (that type; made static by cypherForType)
// RETURN: written
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS written
