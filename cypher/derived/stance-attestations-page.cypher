// A page of stance ids in id order, for rebuilding every stance's attestation
// (docs/decisions/0041) after the bulk import or on `npm run check -- --rebuild-derived`.
// $params: after (the last id of the previous page, or null), limit (Integer)
// RETURN: ids
MATCH (s:Stance)
WHERE $after IS NULL OR s.id > $after
WITH s.id AS id ORDER BY id LIMIT $limit
RETURN collect(id) AS ids
