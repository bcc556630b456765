// How many statements the graph holds: the size the operation cost limit weighs the
// analytical fields' work for (src/graphql/field-work.ts). A count of one label is read
// from Neo4j's count store, not by scanning.
// $params: none
// RETURN: statements
MATCH (s:Statement)
RETURN count(s) AS statements
