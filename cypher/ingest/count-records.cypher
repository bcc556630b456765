// How many records a reset deletes: diplograph's nodes, the derived positions and every
// relationship, from Neo4j's count store (constant time at any size; count-graph's
// duplicate counts group every relationship, which a reset does not need).
// $params: none
// RETURN: nodes, derived, relationships
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (p:TopicPosition) RETURN count(p) AS derived }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, derived, relationships
