// Of the given (holder, topic) pairs, the demands the holder made.
// $params: pairs (list of [holderId, targetId])
// RETURN: holderId, targetId, made ({since, precision, end, approximate})
UNWIND $pairs AS pair
MATCH (h:Actor {id: pair[0]})-[:MADE_DEMAND]->(t:Demand {id: pair[1]})
WHERE t.since IS NOT NULL
RETURN h.id AS holderId, t.id AS targetId, {since: t.since, precision: t.sincePrecision, end: t.sinceEnd, approximate: t.approximate} AS made
