// Creates or replaces relationships between existing nodes. A row whose
// endpoint is missing is dropped by MATCH; the loader compares `written` with
// the rows it sent and fails the load if they differ. The type comes from the
// loader's fixed list (RELATIONSHIP_TYPES), never from input text.
// $params: rows (list of {type, from, to, props}, all of one type), type (that type; made static by cypherForType)
// RETURN: written
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r = row.props
RETURN count(r) AS written
