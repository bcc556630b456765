// One keyset page of actors sorted by name, optionally of one kind, with the total.
// The sort key is [name, id]; a page starts after $after in the reading direction
// (docs/decisions/0034), so writes before a page boundary do not move it.
// $params: kind (or null), after (sort key or null), desc (boolean: read from the end), limit
// RETURN: total, items (list of {props, label, key})
CALL () {
  MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
  WITH a, [coalesce(a.name, '\uFFFF'), a.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH a, key ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({props: properties(a), label: 'Actor', key: key}) AS items
}
RETURN total, items
