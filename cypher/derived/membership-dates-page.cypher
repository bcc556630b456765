// A page of actors that have memberships either way, by id (the rebuild of every actor's membership dates).
// $params: after (actor id, or null for the first page), limit
// RETURN: actorId
MATCH (a:Actor)
WHERE ($after IS NULL OR a.id > $after) AND (EXISTS { (a)-[:HAS_MEMBERSHIP]->(:Membership) } OR EXISTS { (a)<-[:MEMBERSHIP_IN]-(:Membership) })
RETURN a.id AS actorId
ORDER BY actorId
LIMIT $limit
