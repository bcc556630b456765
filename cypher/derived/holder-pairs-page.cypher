// One page of actors in id order after `after` (null: from the start), each with the
// topics it holds a position on (its stances' demands and issues, the demands it made):
// how the bulk import builds the derived positions in batches.
// $params: after (actor id or null), limit (actors per page)
// RETURN: holderId, targetIds
MATCH (h:Actor)
WHERE h.id > coalesce($after, '')
WITH h ORDER BY h.id LIMIT $limit
RETURN h.id AS holderId, COLLECT {
  MATCH (h)-[:TOOK]->(:Stance)-[:RESPONDS_TO|CONCERNS]->(t)
  WHERE t:Demand OR t:Issue
  RETURN t.id
  UNION
  MATCH (h)-[:MADE_DEMAND]->(t:Demand)
  RETURN t.id
} AS targetIds
ORDER BY holderId
