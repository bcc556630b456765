// Whether the database holds anything at all (any label: entities, API keys, changes),
// for the offline bulk import, which replaces the whole store. Stops at the first
// thousand nodes: the answer is "none" or "at least this many".
// $params: none
// RETURN: nodes
CALL () { MATCH (n) RETURN n LIMIT 1000 }
RETURN count(n) AS nodes
