// Bulk ingest: creates or replaces relationships between existing nodes, one
// batch per transaction. Idempotent: MERGE finds the relationship a previous,
// interrupted run already wrote. A row whose endpoint is missing is dropped by
// MATCH; the loader compares `written` with the rows it sent. The type comes
// from the loader's fixed list (RELATIONSHIP_TYPES), never from input text.
// Planned afresh on every run (replan=force): a plan cached while the graph was
// (nearly) empty scans all relationships for every row instead of expanding
// from the two bound nodes, which makes a load from empty quadratic; replanning
// costs a few ms a batch (docs/performance.md).
// $params: rows (list of {type, from, to, props})
// RETURN: written
CYPHER replan=force
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
