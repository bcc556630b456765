// Stores a new API key: its id, name, scope and the SHA-256 of its text (never the text).
// $params: id, name, scope ('read' | 'write'), hash
// RETURN: id, name, scope, createdAt
CREATE (k:ApiKey {id: $id, name: $name, scope: $scope, hash: $hash, createdAt: datetime()})
RETURN k.id AS id, k.name AS name, k.scope AS scope, toString(k.createdAt) AS createdAt
