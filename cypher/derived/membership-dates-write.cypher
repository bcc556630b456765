// Replaces the membership dates of the given actors: deletes every stored one among
// `actorIds`, then creates `rows` (the actors that still have memberships either way).
// $params: actorIds, rows (list of maps: the MembershipDates' properties)
// RETURN: written
CALL () {
  UNWIND $actorIds AS id
  MATCH (d:MembershipDates {actorId: id})
  DELETE d
}
CALL () {
  UNWIND $rows AS row
  CREATE (d:MembershipDates)
  SET d = row
  RETURN count(d) AS written
}
RETURN written
