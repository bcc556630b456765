// Removes relationships that a seed file no longer states.
// $params: rows (list of {key, from, to})
// RETURN: deleted
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to})
WHERE r.key = row.key
DELETE r
RETURN count(*) AS deleted
