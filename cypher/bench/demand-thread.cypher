// Benchmark floor: a demand with who made it, of whom, and every response
// (holder and evidence), oldest first, the first 100: diplograph's
// `demand { by of responses(first: 100) { holder evidence } }` in one query.
// $params: id
// RETURN: demand (map)
MATCH (d:Demand {id: $id})
RETURN d {
  .id, .summary, .since,
  by: [(d)<-[:MADE_DEMAND]-(a:Actor) | a {.id, .name}],
  of: [(d)-[:ADDRESSED_TO]->(a:Actor) | a {.id, .name}],
  responses: COLLECT {
    MATCH (d)<-[:RESPONDS_TO]-(s:Stance)
    WITH s ORDER BY s.date, s.id LIMIT 100
    RETURN s {.id, .kind, .date,
      holder: [(s)<-[:TOOK]-(h:Actor) | h {.id, .name}][0],
      evidence: [(s)-[:EVIDENCED_BY]->(q:Statement) | q {.id, .text}]}
  }
} AS demand
