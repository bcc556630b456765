// Of the given (holder, topic) pairs, the demands the holder made.
// Both ends are sought by id and the relationship tested between them (Expand(Into), from
// the end with fewer): expanding a hub holder's MADE_DEMAND per pair read a million
// relationships for 500 pairs at 10^6 statements (decision 0063).
// $params: pairs (list of [holderId, targetId])
// RETURN: holderId, targetId, made ({since, precision, end, approximate})
UNWIND $pairs AS pair
MATCH (h:Actor {id: pair[0]})
MATCH (t:Demand {id: pair[1]})
WHERE t.since IS NOT NULL AND EXISTS { (h)-[:MADE_DEMAND]->(t) }
RETURN h.id AS holderId, t.id AS targetId, {since: t.since, precision: t.sincePrecision, end: t.sinceEnd, approximate: t.approximate} AS made
