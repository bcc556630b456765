// Deletes the :VerdictSpan nodes of a graph loaded before decision 0067, in many small
// transactions (about 10^6 at 10^6 statements, more than one transaction's memory).
// They have no relationships. At most $max per call; the caller calls again until none is deleted.
// $params: batch (nodes per transaction), max (nodes per call)
// RETURN: deleted
MATCH (s:VerdictSpan)
WITH s LIMIT $max
CALL (s) { DELETE s } IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS deleted
