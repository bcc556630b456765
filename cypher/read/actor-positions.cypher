// What an agreement compares, from the derived positions (:TopicPosition, one per holder
// and topic, docs/decisions/0035): for each actor, the entries in force on the date of
// its own pairs (stances it took, a demand it made) and its memberships valid on the
// date; for each organisation of those memberships, once however many of the actors
// belong to it, the entries in force of its pairs. Which positions override which, and
// which topics two actors share, is decided by the caller (src/graph/actor-positions.ts).
// With $issueIds (an issue filter, its sub-issues already expanded: rollup-ids.cypher),
// only the topics that are one of those issues or a demand concerning one (CONCERNS)
// are read; null reads every topic.
// $params: actorIds, asOf (Date), issueIds (list of ids, or null: no filter)
// RETURN: actors (list of {id, own: list of [targetId, targetLabel, entries, made], via: list of [membershipId, orgId]}),
//         orgs (list of {id, props, held: list of [targetId, targetLabel, entries], asked: whether it is one of the actors,
//         whose held is then empty: the entries of its `own` with at least one entry in force}), memberships (properties)
//         where an entry is [kind, stanceId, date (ISO string: the driver decodes strings far faster than Dates), precision, end ('' when none), approximate ('true', 'false', ''), towardsId ('' when none)]
//         and made is [since, precision, end, approximate] or null
CALL () {
  UNWIND coalesce($issueIds, []) AS id
  MATCH (d:Demand)-[:CONCERNS]->(:Issue {id: id})
  WITH collect(DISTINCT d.id) AS demandIds
  RETURN CASE WHEN $issueIds IS NULL THEN null ELSE $issueIds + demandIds END AS topicIds
}
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a, topicIds) {
  MATCH (p:TopicPosition {holderId: a.id})
  WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
  WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
    coalesce(p.madeSince <= $asOf, false) AS made
  WHERE size(live) > 0 OR made
  RETURN collect([p.targetId, p.targetLabel,
    [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]],
    CASE WHEN made THEN [toString(p.madeSince), p.madePrecision, toString(p.madeEnd), p.madeApproximate] END]) AS own
}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(org:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf)
  RETURN collect([ms.id, org.id]) AS via, collect(properties(ms)) AS mss, collect(org) AS orgs
}
WITH collect({id: actorId, own: own, via: via}) AS actors,
  reduce(all = [], x IN collect(mss) | all + x) AS memberships,
  reduce(all = [], x IN collect(orgs) | all + x) AS orgNodes,
  head(collect(topicIds)) AS topicIds
CALL (orgNodes, topicIds) {
  UNWIND orgNodes AS org
  WITH DISTINCT org
  CALL (org, topicIds) {
    // An organisation that is itself an asked actor: its entries are already in its
    // `own` (a hub pair is the alliance and a member), not read and sent twice.
    MATCH (p:TopicPosition {holderId: org.id})
    WHERE NOT org.id IN $actorIds AND p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live
    WHERE size(live) > 0
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]]]) AS held
  }
  RETURN collect({id: org.id, props: properties(org), held: held, asked: org.id IN $actorIds}) AS orgs
}
RETURN actors, orgs, memberships
