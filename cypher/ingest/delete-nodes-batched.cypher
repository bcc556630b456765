// Empties diplograph's graph, step 2: the nodes (DETACH, for relationships to
// nodes outside :Entity), in many small transactions.
// At most $max per call; the loader calls again until nothing is deleted.
// $params: batch (nodes per transaction), max (nodes per call)
// RETURN: deleted
MATCH (n:Entity)
WITH n LIMIT $max
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS deleted
