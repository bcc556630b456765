// Actors sorted by name, optionally of one kind.
// $params: kind (or null), skip, limit
// RETURN: total, items (list of {props, label})
MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY a.name, a.id
WITH collect({props: properties(a), label: 'Actor'}) AS allRows
RETURN size(allRows) AS total, allRows[$skip..($skip + $limit)] AS items
