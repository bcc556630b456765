// How the dated items spread over time, for the operation cost limit (decision 0065): a
// list filtered by a date range alone reads a date index from the range's start to the
// corpus' end, or from its start to the range's end (src/graph/lists.ts: startParams), so
// its work is the share of the items in that stretch (src/graphql/field-work.ts: datedShare).
// Counts per month of the start date (year * 12 + month - 1), read from the date indexes'
// values (one index entry an item: about 1.5 million db hits at 10^6 statements), so
// src/graphql/graph-size.ts reads it only at start and when the count store's counts change,
// never for a request.
// $params: none
// RETURN: statements, stances, events (each a list of [month, count] in month order)
CALL () {
  MATCH (s:Statement) WHERE s.said IS NOT NULL
  WITH s.said.year * 12 + s.said.month - 1 AS month, count(*) AS n ORDER BY month
  RETURN collect([month, n]) AS statements
}
CALL () {
  MATCH (s:Stance) WHERE s.date IS NOT NULL
  WITH s.date.year * 12 + s.date.month - 1 AS month, count(*) AS n ORDER BY month
  RETURN collect([month, n]) AS stances
}
CALL () {
  MATCH (e:Event) WHERE e.date IS NOT NULL
  WITH e.date.year * 12 + e.date.month - 1 AS month, count(*) AS n ORDER BY month
  RETURN collect([month, n]) AS events
}
RETURN statements, stances, events
