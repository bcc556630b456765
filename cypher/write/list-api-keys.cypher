// Every API key, oldest first, without hashes.
// $params: none
// RETURN: id, name, scope, createdAt, revokedAt (null while valid)
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.scope AS scope, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
ORDER BY k.createdAt, k.id
