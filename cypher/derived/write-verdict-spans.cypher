// Replaces the verdict spans of the given pairs (docs/decisions/0053): deletes every
// stored one of `keys`, then creates `rows` (the spans of the pairs that still hold a position).
// $params: keys (holderId|targetId), rows (list of maps: the VerdictSpan's properties)
// RETURN: written
CALL () {
  UNWIND $keys AS key
  MATCH (s:VerdictSpan {pairKey: key})
  DELETE s
}
CALL () {
  UNWIND $rows AS row
  CREATE (s:VerdictSpan)
  SET s = row
  RETURN count(s) AS written
}
RETURN written
