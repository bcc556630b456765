// Kept for the record (docs/decisions/0053, suspended): the agreement read from :VerdictSpans, with the page merge
// ranked instead of sorted. At 10^6 from hubs it still needs more than a 2 GiB transaction pool; not run by the API.
// What an agreement needs, and no more (issue 18, docs/decisions/0048): the row of
// read/actor-positions.cypher, except that the positions of one organisation O that every
// asked actor is or belongs to on the date (the one holding the most positions when
// several do) come only for the topics the answer must compose, plus a count of the rest.
// On a topic where no asked actor other than O holds a position of its own (or made the
// demand) and no other organisation of an asked actor holds entries, every asked actor
// holds exactly O's entries in force ("plain"), O asked also the made SUPPORTS of a demand
// it made: its verdict follows from those alone (src/graph/agreement.ts, compareActors):
// - a demand O made while asked (decision 0053): AGREE when every entry in force favours
//   it, else MIXED; with no entry in force only O holds it, and it is no topic;
// - another demand: MIXED when O's kinds in force both favour it and not, else AGREE;
// - an issue: with aims the actors O's non-favouring entries point at, conflict when an
//   aim is an asked actor or O: MIXED if an entry favours, else DISAGREE; no conflict:
//   AGREE if an entry favours or an aim exists, else MIXED.
// The other topics ("exceptional") are composed and compared in the caller as before.
// With no such organisation every topic is exceptional and the row is the old read's.
// O's plain topics are counted and paged from its :VerdictSpan nodes (decision 0053), not
// from its positions: per verdict span class (the verdict when no aim conflicts) the spans
// in force on the date, by index; O's positions are read only for the exceptional topics,
// the demands O made while asked (from its MADE_DEMAND) and the topics where an aim in
// force is an asked actor or O (for these two the verdict is computed here and the span
// class subtracted), and the page's topics.
// With an issue filter, O's positions on the filter's topics are read by key instead.
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
    // Filtered before the match: O's positions are not read here (decision 0053).
    WITH x WHERE x.id <> coalesce(summaryId, '')
    MATCH (p:TopicPosition {holderId: x.id})
    WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
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
    WITH org WHERE NOT org.id IN $actorIds
    MATCH (p:TopicPosition {holderId: org.id})
    WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live
    WHERE size(live) > 0
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]]]) AS held
  }
  RETURN collect({id: org.id, props: properties(org), held: held, asked: org.id IN $actorIds}) AS otherOrgs
}
WITH asked, memberships, orgNodes, topicIds, summaryId, others, otherOrgs,
  reduce(ids = [], x IN others | ids + [t IN x.own | t[0]]) + reduce(ids = [], o IN otherOrgs | ids + [t IN o.held | t[0]]) AS exceptional
// O's topics that cannot be counted from the spans alone.
CALL (summaryId, topicIds, exceptional) {
  // A demand O made while asked: O's own position has the made SUPPORTS, its members' do not.
  OPTIONAL MATCH (:Actor {id: summaryId})-[:MADE_DEMAND]->(d:Demand)
  WHERE summaryId IN $actorIds AND d.since <= $asOf AND (topicIds IS NULL OR d.id IN topicIds)
  WITH collect(d.id) AS made
  // An aim in force at an asked actor or at O: a conflict on the issue.
  OPTIONAL MATCH (s:VerdictSpan)
  WHERE topicIds IS NULL AND s.holderId = summaryId AND s.aimId IN CASE WHEN summaryId IS NULL THEN [] ELSE $actorIds + summaryId END AND s.until > $asOf AND s.from <= $asOf
  WITH made, collect(DISTINCT s.targetId) AS conflicts
  RETURN made, CASE WHEN topicIds IS NULL THEN exceptional + made + conflicts ELSE topicIds END AS special
}
// O's positions on those topics, read by key: the entries in force and the verdict (null: composed in the caller).
CALL (summaryId, topicIds, exceptional, special) {
  UNWIND special AS targetId
  WITH DISTINCT targetId
  MATCH (p:TopicPosition {key: summaryId + '|' + targetId})
  WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
    summaryId IN $actorIds AND coalesce(p.madeSince <= $asOf, false) AS made
  // A demand O made while asked, with nothing of O's in force: only O holds it unless another asked actor holds a position (exceptional).
  WHERE size(live) > 0 OR (made AND p.targetId IN exceptional)
  WITH p, live, made,
    // The class its verdict span has on the date (src/derived/verdict-spans.ts), so the span count counted it there; none when nothing is in force.
    CASE
      WHEN size(live) = 0 THEN null
      WHEN p.targetLabel = 'Demand' THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) AND any(i IN live WHERE NOT p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'AGREE' END
      WHEN any(i IN live WHERE p.kinds[i] IN $favouring OR p.towards[i] <> '') THEN 'AGREE'
      ELSE 'MIXED'
    END AS counted,
    CASE
      WHEN p.targetId IN exceptional THEN null
      // O's own position adds the made SUPPORTS, its members' do not: AGREE only when every entry in force favours it too.
      WHEN made THEN CASE WHEN all(i IN live WHERE p.kinds[i] IN $favouring) THEN 'AGREE' ELSE 'MIXED' END
      WHEN p.targetLabel = 'Demand' THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) AND any(i IN live WHERE NOT p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'AGREE' END
      WHEN any(i IN live WHERE NOT p.kinds[i] IN $favouring AND (p.towards[i] IN $actorIds OR p.towards[i] = summaryId)) THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'DISAGREE' END
      WHEN any(i IN live WHERE p.kinds[i] IN $favouring OR p.towards[i] <> '') THEN 'AGREE'
      ELSE 'MIXED'
    END AS verdict
  ORDER BY p.targetId
  RETURN collect({id: p.targetId, verdict: verdict, counted: CASE WHEN topicIds IS NULL THEN counted END,
    entry: [p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]],
      CASE WHEN made THEN [toString(p.madeSince), p.madePrecision, toString(p.madeEnd), p.madeApproximate] END]}) AS read
}
// Per verdict: the spans in force counted, and the first pageSize topics walked in id order (index-backed), the special ones left out.
CALL (summaryId, topicIds, special) {
  UNWIND CASE WHEN summaryId IS NULL OR topicIds IS NOT NULL THEN [] ELSE ['AGREE', 'MIXED'] END AS verdict
  CALL (verdict, summaryId) {
    MATCH (s:VerdictSpan)
    WHERE s.holderId = summaryId AND s.verdict = verdict AND s.until > $asOf AND s.from <= $asOf
    RETURN count(s) AS n
  }
  CALL (verdict, summaryId, special) {
    MATCH (s:VerdictSpan)
    WHERE s.holderId = summaryId AND s.verdict = verdict AND s.targetId > '' AND s.from <= $asOf AND s.until > $asOf AND NOT s.targetId IN special
    WITH s ORDER BY s.holderId, s.verdict, s.targetId LIMIT $pageSize
    RETURN collect(s.targetId) AS ids
  }
  RETURN collect({verdict: verdict, count: n, ids: ids}) AS walked
}
// The page's plain topics and their counts: walked ones and computed ones merged in id order.
CALL (summaryId, read, walked) {
  UNWIND ['AGREE', 'MIXED', 'DISAGREE'] AS verdict
  WITH verdict, [w IN walked WHERE w.verdict = verdict][0] AS w,
    [r IN read WHERE r.verdict = verdict | r.id] AS computed,
    size([r IN read WHERE r.counted = verdict]) AS subtracted
  // The page's ids without ORDER BY: a sort here keeps the outer row's lists (`read`) with
  // every row it holds, and Neo4j counts them per row (over 2 GiB from a hub pair at 10^6
  // statements). Both lists are in id order (the walk's index order, `read`'s ORDER BY),
  // so the page is among the first pageSize of each: rank those few (code-point order, as ORDER BY).
  WITH verdict, coalesce(w.count, 0) - subtracted + size(computed) AS n, coalesce(w.ids, []) + computed[0..$pageSize] AS u
  WITH verdict, n, u, [x IN u | size([y IN u WHERE y < x])] AS ranks
  WITH verdict, n, [k IN range(0, CASE WHEN size(u) < $pageSize THEN size(u) ELSE $pageSize END - 1) |
    u[[i IN range(0, size(u) - 1) WHERE ranks[i] = k][0]]] AS ids
  WITH verdict, n, ids
  WHERE n > 0
  RETURN collect({verdict: verdict, count: n, ids: ids}) AS plain
}
// The entries O's position sends: exceptional topics, and the page's plain topics (those walked from the spans read now, by key).
CALL (summaryId, read, plain) {
  UNWIND plain AS v
  UNWIND v.ids AS id
  WITH id WHERE NOT id IN [r IN read | r.id]
  MATCH (p:TopicPosition {key: summaryId + '|' + id})
  WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live
  RETURN collect([p.targetId, p.targetLabel,
    [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]], null]) AS walkedEntries
}
WITH asked, memberships, orgNodes, summaryId, others, otherOrgs, plain,
  [r IN read WHERE r.verdict IS NULL OR any(v IN plain WHERE r.id IN v.ids) | r.entry] + walkedEntries AS summaryEntries
RETURN
  others + [x IN asked WHERE x.id = summaryId | {id: x.id, own: summaryEntries, via: x.via}] AS actors,
  otherOrgs + [o IN orgNodes WHERE o.id = summaryId | {id: o.id, props: properties(o), held: CASE WHEN o.id IN $actorIds THEN [] ELSE summaryEntries END, asked: o.id IN $actorIds}][0..1] AS orgs,
  memberships, summaryId, plain
