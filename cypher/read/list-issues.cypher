// All issues, sorted by name.
// $params: none
// RETURN: props, label
MATCH (i:Issue)
RETURN properties(i) AS props, 'Issue' AS label
ORDER BY i.name, i.id
