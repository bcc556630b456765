// Empties the derived membership dates in small transactions (before a rebuild of all of them).
// $params: none
// RETURN: nothing
MATCH (d:MembershipDates)
CALL (d) { DELETE d } IN TRANSACTIONS OF 10000 ROWS
