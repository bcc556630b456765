// One keyset page of demands, newest first, with the total. The sort key is
// [since, id] (a demand without a date as 9999-12-31: the newest); a page starts after
// $after in the reading direction (docs/decisions/0034).
// $params: after (sort key, its dates as Dates, or null), desc (boolean: true newest first), limit
// RETURN: total, items (list of {props, label, key})
CALL () {
  MATCH (d:Demand)
  RETURN count(d) AS total
}
CALL () {
  MATCH (d:Demand)
  WITH d, [coalesce(d.since, date('9999-12-31')), d.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH d, key ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({props: properties(d), label: 'Demand', key: key}) AS items
}
RETURN total, items
