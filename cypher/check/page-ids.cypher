// One page of entity ids in id order, after `after` (null: from the start): how
// `npm run check` walks a whole database in bounded transactions. Ordered by the
// entity_id index, so each page is an index seek, not a sort of the graph.
// $params: after (id or null), limit (integer)
// RETURN: id
MATCH (n:Entity)
WHERE n.id > coalesce($after, '')
RETURN n.id AS id
ORDER BY id
LIMIT $limit
