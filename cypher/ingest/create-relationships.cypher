// Transactional ingest (decision 0070): creates relationships that cannot exist yet, one
// query per relationship type with the type static (as merge-relationships.cypher). Only
// for rows with an end the same ingest batch has just created (its nodes' transaction
// created every node it wrote), so no run, rerun or other row can have written them: CREATE
// takes no exclusive lock on a dense end (a hub), where MERGE locks both ends until commit,
// so a batch's relationships can be written beside the previous batch's. A row whose
// endpoint is missing is dropped by MATCH; the loader compares `written` with the rows.
// $params: rows (list of {type, from, to, props}, all of one type), type (that type; made static by cypherForType)
// RETURN: written
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS written
