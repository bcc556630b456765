// Who wrote an API-owned entity: the key of its first recorded change, for messages
// that name the owner of an id ("written through the API by key K").
// $params: id
// RETURN: keyId, keyName
MATCH (c:Change {entityId: $id})
RETURN c.keyId AS keyId, c.keyName AS keyName
ORDER BY c.at
LIMIT 1
