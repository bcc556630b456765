// Empties the derived membership dates in many small transactions (a large reset).
// At most $max per call; the caller calls again until nothing is deleted.
// $params: batch (nodes per transaction), max (nodes per call)
// RETURN: deleted
MATCH (d:MembershipDates)
WITH d LIMIT $max
CALL (d) { DELETE d } IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS deleted
