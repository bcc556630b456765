// How many records a reset deletes: diplograph's nodes, the derived data (topic positions,
// membership dates: every label of DERIVED_LABELS in
// src/model/entities.ts) and every relationship, from Neo4j's count store (constant time at
// any size; count-graph's duplicate counts group every relationship, which a reset does not need).
// $params: none
// RETURN: nodes, derived, relationships
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (p:TopicPosition) RETURN count(p) AS positions }
CALL () { MATCH (d:MembershipDates) RETURN count(d) AS dates }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, positions + dates AS derived, relationships
