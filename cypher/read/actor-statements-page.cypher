// One page of each actor's statements: as speaker, on whose behalf, or either.
// Only the page's rows are materialised; the total is counted separately (a
// statement both said by and on behalf of the actor counts once).
// The sort key is [said, id] (a missing date as 9999-12-31: last ascending, as Neo4j puts nulls); a page starts after $after
// in the reading direction (docs/decisions/0034).
// $params: ids, role ('SPEAKER' | 'ON_BEHALF_OF' | 'ANY'), after (sort key, its dates as Dates, or null),
//          desc (boolean: the reading direction), skip, limit
// RETURN: from, total, items (list of {rel, props, label, key})
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  CALL (a) {
    MATCH (a)-[:SAID]->(s:Statement) WHERE $role IN ['SPEAKER', 'ANY'] RETURN s
    UNION
    MATCH (a)<-[:ON_BEHALF_OF]-(s:Statement) WHERE $role IN ['ON_BEHALF_OF', 'ANY'] RETURN s
  }
  WITH s, [coalesce(s.said, date('9999-12-31')), s.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  SKIP $skip LIMIT $limit
  RETURN collect({rel: {}, props: properties(s), label: 'Statement', key: key}) AS items
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
