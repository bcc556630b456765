// Demands, newest first.
// $params: skip, limit
// RETURN: total, items (list of {props, label})
MATCH (d:Demand)
WITH d ORDER BY d.since DESC, d.id
WITH collect({props: properties(d), label: 'Demand'}) AS allRows
RETURN size(allRows) AS total, allRows[$skip..($skip + $limit)] AS items
