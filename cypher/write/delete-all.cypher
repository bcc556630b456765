// Empties the graph of diplograph's nodes, for `seed --reset --yes`.
// $params: none
// RETURN: deleted
MATCH (n:Entity)
DETACH DELETE n
RETURN count(*) AS deleted
