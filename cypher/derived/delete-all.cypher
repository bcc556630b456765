// Empties the derived positions (seed --reset, inside the load's transaction).
// (and their verdict spans, decision 0053)
// $params: none
// RETURN: deleted
MATCH (p:TopicPosition|VerdictSpan)
DELETE p
RETURN count(*) AS deleted
