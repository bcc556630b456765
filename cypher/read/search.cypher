// Full-text search over names, aliases and texts in both languages, ranked.
// $params: query (a Lucene query built from escaped words), labels (list or null), skip, limit
// RETURN: total, items (list of {props, label, score})
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE $labels IS NULL OR label IN $labels
WITH node, score, label ORDER BY score DESC, node.id
WITH collect({props: properties(node), label: label, score: score}) AS hits
RETURN size(hits) AS total, hits[$skip..($skip + $limit)] AS items
