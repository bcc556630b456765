// One keyset page of the audit trail, newest first, filtered by entity, key and time,
// with how many match. The sort key is [epoch seconds, nanosecond, id] of the change
// (exact: a string of `at` would not sort by time); a page starts after $after in the
// reading direction (docs/decisions/0034).
// $params: entityId (or null), keyId (or null), from (Date or null: first day included),
//          to (Date or null: last day included), after (sort key or null),
//          desc (boolean: true newest first), limit
// RETURN: total, items (list of change maps, `at` as an ISO string, with `key`)
CALL () {
  MATCH (c:Change)
  WHERE ($entityId IS NULL OR c.entityId = $entityId)
    AND ($keyId IS NULL OR c.keyId = $keyId)
    AND ($from IS NULL OR c.at >= datetime({date: $from, timezone: 'Z'}))
    AND ($to IS NULL OR c.at < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Change)
  WHERE ($entityId IS NULL OR c.entityId = $entityId)
    AND ($keyId IS NULL OR c.keyId = $keyId)
    AND ($from IS NULL OR c.at >= datetime({date: $from, timezone: 'Z'}))
    AND ($to IS NULL OR c.at < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
  WITH c, [c.at.epochSeconds, c.at.nanosecond, c.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH c, key ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect(c {.*, at: toString(c.at), key: key}) AS items
}
RETURN total, items
