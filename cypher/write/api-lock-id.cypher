// Serialises writes of one id: the first statement of every API write. MERGE on
// the unique :WriteLock(id) makes a concurrent creator wait, and SET takes the
// node's write lock, held until commit, so a second writer of the same id reads
// only after the first has committed (and reports UNCHANGED, not CREATED twice).
// :WriteLock is not an :Entity: never read, drawn or exported.
// $params: id
MERGE (l:WriteLock {id: $id})
SET l.writes = coalesce(l.writes, 0) + 1
