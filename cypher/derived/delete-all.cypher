// Empties the derived positions (seed --reset, inside the load's transaction).
// $params: none
// RETURN: deleted
MATCH (p:TopicPosition)
DELETE p
RETURN count(*) AS deleted
