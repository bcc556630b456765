// The ids a rolled-up filter stands for (issue 16): the given issues and their
// sub-issues at any depth (SUBISSUE_OF), the given actors and the actors that are part
// of them at any depth (PART_OF: a ministry or armed forces of a state). Read before the
// filtered query, which then matches plain id lists.
// $params: issueIds (list of ids, or null), actorIds (list of ids, or null)
// RETURN: issueIds (the given ids, then their sub-issues; null when null was given),
//         actorIds (the given ids, then their parts; null when null was given)
CALL () {
  UNWIND coalesce($issueIds, []) AS id
  MATCH (:Issue {id: id})<-[:SUBISSUE_OF*1..10]-(sub:Issue)
  WITH sub ORDER BY sub.id
  RETURN collect(DISTINCT sub.id) AS subIssues
}
CALL () {
  UNWIND coalesce($actorIds, []) AS id
  MATCH (:Actor {id: id})<-[:PART_OF*1..10]-(part:Actor)
  WITH part ORDER BY part.id
  RETURN collect(DISTINCT part.id) AS parts
}
RETURN
  CASE WHEN $issueIds IS NULL THEN null ELSE $issueIds + [x IN subIssues WHERE NOT x IN $issueIds] END AS issueIds,
  CASE WHEN $actorIds IS NULL THEN null ELSE $actorIds + [x IN parts WHERE NOT x IN $actorIds] END AS actorIds
