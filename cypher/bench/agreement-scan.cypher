// The agreement read of decision 0048, which cypher/read/agreement.cypher ran again when 0053 was suspended, counting
// the plain topics from one scan of O's :TopicPositions instead of its :VerdictSpans (removed, decision 0067).
// What an agreement needs, and no more (issue 18, docs/decisions/0048): the row of
// read/actor-positions.cypher, except that the positions of one organisation O that every
// asked actor is or belongs to on the date (the one holding the most positions when
// several do) come only for the topics the answer must compose, plus a count of the rest.
// On a topic where no asked actor other than O holds a position of its own (or made the
// demand), O did not make it while asked, and no other organisation of an asked actor
// holds entries, every asked actor holds exactly O's entries in force ("plain"): its
// verdict follows from those entries alone (src/graph/agreement.ts, compareActors):
// - a demand: MIXED when O's kinds in force both favour it and not, else AGREE;
// - an issue: with aims the actors O's non-favouring entries point at, conflict when an
//   aim is an asked actor or O: MIXED if an entry favours, else DISAGREE; no conflict:
//   AGREE if an entry favours or an aim exists, else MIXED.
// The other topics ("exceptional") are composed and compared in the caller as before.
// With no such organisation every topic is exceptional and the row is the old read's.
// $params: actorIds, asOf (Date), issueIds (list of ids, or null: no filter),
//          favouring (the favouring stance kinds), pageSize (integer: how many plain topics of each verdict to send, in id order)
// RETURN: actors, orgs, memberships as read/actor-positions.cypher, with O's entries (in its `own` when asked, else in its
//         `held`) only on exceptional topics and the plain topics sent; summaryId (O's id, or null);
//         plain (list of {verdict, count, ids}: per verdict, how many plain topics, and the first pageSize ids in id order)
CALL () {
  UNWIND coalesce($issueIds, []) AS id
  MATCH (d:Demand)-[:CONCERNS]->(:Issue {id: id})
  WITH collect(DISTINCT d.id) AS demandIds
  RETURN CASE WHEN $issueIds IS NULL THEN null ELSE $issueIds + demandIds END AS topicIds
}
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(org:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf)
  RETURN collect([ms.id, org.id]) AS via, collect(properties(ms)) AS mss, collect(org) AS orgs
}
WITH collect({id: actorId, via: via}) AS asked,
  reduce(all = [], x IN collect(mss) | all + x) AS memberships,
  reduce(all = [], x IN collect(orgs) | all + x) AS orgNodes,
  head(collect(topicIds)) AS topicIds
CALL (asked, orgNodes) {
  UNWIND orgNodes AS o
  WITH DISTINCT o
  WHERE all(x IN asked WHERE x.id = o.id OR any(v IN x.via WHERE v[1] = o.id))
  WITH o ORDER BY COUNT { (:TopicPosition {holderId: o.id}) } DESC, o.id
  RETURN head(collect(o.id)) AS summaryId
}
// The asked actors other than O: their own positions, all of them exceptional.
CALL (asked, topicIds, summaryId) {
  UNWIND asked AS x
  CALL (x, topicIds, summaryId) {
    MATCH (p:TopicPosition {holderId: x.id})
    WHERE x.id <> coalesce(summaryId, '') AND p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
      coalesce(p.madeSince <= $asOf, false) AS made
    WHERE size(live) > 0 OR made
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]],
      CASE WHEN made THEN [toString(p.madeSince), p.madePrecision, toString(p.madeEnd), p.madeApproximate] END]) AS own
  }
  RETURN collect({id: x.id, own: own, via: x.via}) AS others
}
// The organisations other than O: their entries in force, all of them exceptional.
CALL (orgNodes, topicIds, summaryId) {
  UNWIND orgNodes AS org
  WITH DISTINCT org
  WHERE org.id <> coalesce(summaryId, '')
  CALL (org, topicIds) {
    MATCH (p:TopicPosition {holderId: org.id})
    WHERE NOT org.id IN $actorIds AND p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live
    WHERE size(live) > 0
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]]]) AS held
  }
  RETURN collect({id: org.id, props: properties(org), held: held, asked: org.id IN $actorIds}) AS otherOrgs
}
WITH asked, memberships, orgNodes, topicIds, summaryId, others, otherOrgs,
  reduce(ids = [], x IN others | ids + [t IN x.own | t[0]]) + reduce(ids = [], o IN otherOrgs | ids + [t IN o.held | t[0]]) AS exceptional
// O, in one scan of its positions: entries of exceptional topics, and each plain topic's verdict.
CALL (summaryId, topicIds, exceptional) {
  MATCH (p:TopicPosition {holderId: summaryId})
  WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
  WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
    summaryId IN $actorIds AND coalesce(p.madeSince <= $asOf, false) AS made
  WHERE size(live) > 0 OR made
  WITH p, live, made,
    CASE
      // A demand O made while asked: O's own position has the made SUPPORTS, its members' do not.
      WHEN made OR p.targetId IN exceptional THEN null
      WHEN p.targetLabel = 'Demand' THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) AND any(i IN live WHERE NOT p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'AGREE' END
      WHEN any(i IN live WHERE NOT p.kinds[i] IN $favouring AND (p.towards[i] IN $actorIds OR p.towards[i] = summaryId)) THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'DISAGREE' END
      WHEN any(i IN live WHERE p.kinds[i] IN $favouring OR p.towards[i] <> '') THEN 'AGREE'
      ELSE 'MIXED'
    END AS verdict
  ORDER BY p.targetId
  WITH verdict, collect([p, live, made]) AS rows
  WITH verdict, size(rows) AS n, CASE WHEN verdict IS NULL THEN rows ELSE rows[0..$pageSize] END AS sent
  RETURN collect({verdict: verdict, count: n, ids: [s IN sent | s[0].targetId]}) AS plain,
    reduce(out = [], s IN collect(sent) | out + [x IN s | [x[0].targetId, x[0].targetLabel,
      [i IN x[1] | [x[0].kinds[i], x[0].stanceIds[i], toString(x[0].froms[i]), x[0].precisions[i], x[0].ends[i], x[0].approximates[i], x[0].towards[i]]],
      CASE WHEN x[2] THEN [toString(x[0].madeSince), x[0].madePrecision, toString(x[0].madeEnd), x[0].madeApproximate] END]]) AS summaryEntries
}
RETURN
  others + [x IN asked WHERE x.id = summaryId | {id: x.id, own: summaryEntries, via: x.via}] AS actors,
  otherOrgs + [o IN orgNodes WHERE o.id = summaryId | {id: o.id, props: properties(o), held: CASE WHEN o.id IN $actorIds THEN [] ELSE summaryEntries END, asked: o.id IN $actorIds}][0..1] AS orgs,
  memberships, summaryId,
  [v IN plain WHERE v.verdict IS NOT NULL] AS plain
