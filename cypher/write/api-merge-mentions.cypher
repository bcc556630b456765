// The MENTIONS from a file's main source to the actors its facts name, derived as the
// seed loader derives them. Shared by every fact of the file, so an existing one is
// left as it is (it may belong to the seed file).
// $params: rows (list of {from, to, props})
// RETURN: written
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:MENTIONS]->(b)
ON CREATE SET r = row.props
RETURN count(r) AS written
