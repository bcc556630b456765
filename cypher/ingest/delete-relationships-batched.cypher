// Empties diplograph's graph, step 1: relationships, in many small transactions
// (a hub holds hundreds of thousands; DETACH DELETE of nodes in batches would
// still put a hub's relationships in one transaction and exceed
// dbms.memory.transaction.total.max). Run in an implicit transaction:
// CALL ... IN TRANSACTIONS needs one.
// At most $max per call, so that one call stays within the server's transaction
// timeout; the loader calls again until nothing is deleted.
// $params: batch (relationships per transaction), max (relationships per call)
// RETURN: deleted
MATCH (:Entity)-[r]->(:Entity)
WITH r LIMIT $max
CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS deleted
