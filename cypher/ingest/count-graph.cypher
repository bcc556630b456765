// How big diplograph's graph is: nodes, relationships, and any id held by more
// than one node (which the constraint forbids; counted as proof of no duplicates).
// $params: none
// RETURN: nodes, relationships, duplicateIds
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  MATCH (n:Entity)
  WITH n.id AS id, count(*) AS c WHERE c > 1
  RETURN count(id) AS duplicateIds
}
RETURN nodes, relationships, duplicateIds
