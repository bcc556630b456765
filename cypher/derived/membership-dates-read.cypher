// What the membership dates of actors are built from: the memberships in each actor (as
// an organisation: one entry per member, as positions-page.cypher once counted them) and
// its own memberships (as a member: one entry per organisation).
// $params: actorIds
// RETURN: actorId, members (list of [from, until IS NULL, untilEnd]), memberships (list of [orgId, from, until IS NULL, untilEnd]);
//         no row for an id that names no actor
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
RETURN actorId,
  [(a)<-[:MEMBERSHIP_IN]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(:Actor) | [ms.from, ms.until IS NULL, ms.untilEnd]] AS members,
  [(a)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(o:Actor) | [o.id, ms.from, ms.until IS NULL, ms.untilEnd]] AS memberships
