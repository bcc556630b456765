// One API key by id, with its hash, for checking a bearer token.
// $params: id
// RETURN: id, name, scope, hash, revoked
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.name AS name, k.scope AS scope, k.hash AS hash, k.revokedAt IS NOT NULL AS revoked
