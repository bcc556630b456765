// For the paged export: every origin of an entity (a file's main source id, or api:<id>),
// read from the entity_origin index.
// $params: none
// RETURN: origin
MATCH (n:Entity)
WHERE n.origin IS NOT NULL
RETURN DISTINCT n.origin AS origin
