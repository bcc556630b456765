// One page of each actor's statements: as speaker, on whose behalf, or either.
// Only the page's rows are materialised; the total is counted separately (a
// statement both said by and on behalf of the actor counts once).
// $params: ids, role ('SPEAKER' | 'ON_BEHALF_OF' | 'ANY'), desc (boolean), skip, limit
// RETURN: from, total, items (list of {rel, props, label})
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  CALL (a) {
    MATCH (a)-[:SAID]->(s:Statement) WHERE $role IN ['SPEAKER', 'ANY'] RETURN s
    UNION
    MATCH (a)<-[:ON_BEHALF_OF]-(s:Statement) WHERE $role IN ['ON_BEHALF_OF', 'ANY'] RETURN s
  }
  WITH s
  ORDER BY CASE WHEN $desc THEN s.said END DESC, CASE WHEN $desc THEN null ELSE s.said END ASC, s.id
  SKIP $skip LIMIT $limit
  RETURN collect({rel: {}, props: properties(s), label: 'Statement'}) AS items
}
CALL (a) {
  CALL (a) {
    MATCH (a)-[:SAID]->(s:Statement) WHERE $role IN ['SPEAKER', 'ANY'] RETURN s
    UNION
    MATCH (a)<-[:ON_BEHALF_OF]-(s:Statement) WHERE $role IN ['ON_BEHALF_OF', 'ANY'] RETURN s
  }
  RETURN count(s) AS total
}
RETURN id AS from, total, items
