// Revokes an API key: it stays listed (the audit trail names it) but no longer authenticates.
// $params: id
// RETURN: id, name, revokedAt, already (true when it was revoked before)
MATCH (k:ApiKey {id: $id})
WITH k, k.revokedAt IS NOT NULL AS already
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k.id AS id, k.name AS name, toString(k.revokedAt) AS revokedAt, already
