// Empties the derived membership dates (seed --reset, inside the load's transaction).
// $params: none
// RETURN: deleted
MATCH (d:MembershipDates)
DELETE d
RETURN count(*) AS deleted
