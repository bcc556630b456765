// The organisations each person speaks for: through the offices they hold and
// the statements they made on someone's behalf.
// $params: ids
// RETURN: from, props, label
UNWIND $ids AS id
MATCH (p:Actor {id: id})
CALL (p) {
  MATCH (p)-[:HOLDS]->(:Office)-[:OFFICE_IN]->(org:Actor) RETURN org
  UNION
  MATCH (p)-[:SAID]->(:Statement)-[:ON_BEHALF_OF]->(org:Actor) RETURN org
}
RETURN id AS from, properties(org) AS props, 'Actor' AS label
ORDER BY org.name
