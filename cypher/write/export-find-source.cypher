// For the exporter: the origin of a source, to tell a file's main source from a document
// listed in another file's `sources:`.
// $params: id
// RETURN: origin
MATCH (s:Source {id: $id})
RETURN s.origin AS origin
