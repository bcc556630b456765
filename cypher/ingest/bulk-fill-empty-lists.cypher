// After a bulk import: the lists of the derived :TopicPosition nodes that neo4j-admin
// cannot write (it reads an empty list, and a list of one empty string, as no value) are
// set as the rebuild stores them: [] where the pair holds no stance, [''] for a blank
// precision, end, approximate or towards of a pair with one stance. A scan of the
// derived nodes, written in batches of their own transactions (an auto-commit query).
// $params: batch (rows per transaction)
// RETURN: nothing
MATCH (p:TopicPosition)
WHERE p.kinds IS NULL OR p.precisions IS NULL OR p.ends IS NULL OR p.approximates IS NULL OR p.towards IS NULL
CALL (p) {
  WITH p, CASE WHEN p.kinds IS NULL THEN [] ELSE [''] END AS blank
  SET p.kinds = coalesce(p.kinds, []), p.stanceIds = coalesce(p.stanceIds, []), p.froms = coalesce(p.froms, []),
    p.untils = coalesce(p.untils, []), p.untilsOn = coalesce(p.untilsOn, []),
    p.precisions = coalesce(p.precisions, blank), p.ends = coalesce(p.ends, blank),
    p.approximates = coalesce(p.approximates, blank), p.towards = coalesce(p.towards, blank)
} IN TRANSACTIONS OF $batch ROWS
