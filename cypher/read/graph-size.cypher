// How many statements the graph holds: the size the operation cost limit weighs the
// analytical fields' work for (src/graphql/field-work.ts); and whether the derived data
// the analyses read exist where their sources do (a graph loaded before decision 0054
// has memberships without membership dates, and would answer positions with counts of 0). The stances and events
// tell, with the statements, when the dated items changed (src/graphql/graph-size.ts reads
// read/graph-dates again then). Each count of one label is read from Neo4j's count store,
// not by scanning.
// $params: none
// RETURN: statements, stances, events, positions, memberships, membershipDates
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (s:Stance) RETURN count(s) AS stances }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (p:TopicPosition) RETURN count(p) AS positions }
CALL () { MATCH (m:Membership) RETURN count(m) AS memberships }
CALL () { MATCH (d:MembershipDates) RETURN count(d) AS membershipDates }
RETURN statements, stances, events, positions, memberships, membershipDates
