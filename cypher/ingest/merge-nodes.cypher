// Bulk ingest: creates or replaces nodes by id, one batch per transaction.
// Idempotent (MERGE on the entity_id constraint), so a rerun after an
// interrupted load rewrites the same nodes and creates no duplicates. The label
// comes from the loader's fixed list (SECTION_LABELS), never from input text.
// $params: rows (list of {id, label, props})
// RETURN: written
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n.id = row.id
SET n:$(row.label)
RETURN count(n) AS written
