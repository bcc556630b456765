// Creates or replaces nodes by id. The label comes from the loader's fixed
// list of labels (SECTION_LABELS), never from input text.
// $params: rows (list of {id, label, props})
// RETURN: written
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n.id = row.id
SET n:$(row.label)
RETURN count(n) AS written
