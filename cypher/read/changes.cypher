// One page of the audit trail, newest first, filtered by entity, key and time.
// $params: entityId (or null), keyId (or null), from (Date or null: first day included),
//          to (Date or null: last day included), skip, limit
// RETURN: total, items (list of change maps, `at` as an ISO string)
MATCH (c:Change)
WHERE ($entityId IS NULL OR c.entityId = $entityId)
  AND ($keyId IS NULL OR c.keyId = $keyId)
  AND ($from IS NULL OR c.at >= datetime({date: $from, timezone: 'Z'}))
  AND ($to IS NULL OR c.at < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
WITH c ORDER BY c.at DESC, c.id DESC
WITH collect(c) AS found
RETURN size(found) AS total, [c IN found[$skip..($skip + $limit)] | c {.*, at: toString(c.at)}] AS items
