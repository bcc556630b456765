// After a correction: removes the API-derived MENTIONS from a file's main source to
// actors nothing in that file names any more (no definition, no field of a seed- or
// API-written entry of the file), so the file's MENTIONS stay what the seed loader
// would derive. Seed-derived MENTIONS are never touched.
// $params: file (main source id), actorIds (candidates), mentionTypes (relationship types that name an actor)
// RETURN: deleted
UNWIND $actorIds AS actorId
MATCH (:Source {id: $file})-[m:MENTIONS]->(a:Actor {id: actorId})
WHERE m.origin STARTS WITH 'api:'
  AND NOT a.origin IN [$file, 'api:' + $file]
  AND NOT EXISTS {
    MATCH (a)-[r]-(x:Entity)
    WHERE type(r) IN $mentionTypes AND r.origin IN [$file, 'api:' + $file] AND NOT (type(r) = 'MENTIONS' AND x:Source)
  }
DELETE m
RETURN count(*) AS deleted
