// Relationships that exist twice between the same two nodes with the same type
// (a load that is not idempotent would leave these behind).
// $params: none
// RETURN: duplicates
MATCH (a:Entity)-[r]->(b:Entity)
WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1
RETURN count(*) AS duplicates
