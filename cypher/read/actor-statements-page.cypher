// One page of each actor's statements: as speaker, on whose behalf, or either.
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
  RETURN collect({rel: {}, props: properties(s), label: 'Statement'}) AS allRows
}
RETURN id AS from, size(allRows) AS total, allRows[$skip..($skip + $limit)] AS items
