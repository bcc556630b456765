// How many :VerdictSpan nodes a graph loaded before decision 0067 still holds (0 on any
// other), from Neo4j's count store: constant time, nothing scanned.
// $params: none
// RETURN: spans
MATCH (s:VerdictSpan)
RETURN count(s) AS spans
