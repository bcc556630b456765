// Empties the derived positions in many small transactions (a large reset).
// At most $max per call; the caller calls again until nothing is deleted.
// $params: batch (nodes per transaction), max (nodes per call)
// RETURN: deleted
MATCH (p:TopicPosition)
WITH p LIMIT $max
CALL (p) { DELETE p } IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS deleted
