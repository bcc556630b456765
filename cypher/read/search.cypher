// Full-text search over names, aliases and texts in every language, ranked: a name equal
// to the text first, then an alias equal to it, then a name or alias that begins with
// it, then one holding it as words, then by relevance (docs/decisions/0030, 0031).
// $params: queries (list of {index, query}: each search index of src/model/search-indexes.ts
//   with its Lucene query: folded words, each exact or as a prefix, for the folding
//   index; the escaped words as typed for the language indexes),
//   namingFields (the localized fields that name an entity: name, title, summary; each
//   language is a property `name.en`), namingLists (list fields of other names: aliases),
//   phrase (the whole text folded), startsWith and holds (regular expressions quoting
//   the phrase: a name that begins with it, or holds it, as whole words),
//   window (how many of the best-scored hits are compared by name), labels (list or null), skip, limit
// RETURN: total, items (list of {props, label, score, detail}), snapshot (how many changes and
//   entities the graph holds: a ranking's cursors are refused once it differs, docs/decisions/0034)
CALL () {
  UNWIND $queries AS q
  CALL db.index.fulltext.queryNodes(q.index, q.query) YIELD node, score
  RETURN node, score
}
// A hit found by several indexes keeps its best score: the same words found twice are no better.
WITH node, max(score) AS score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE $labels IS NULL OR label IN $labels
WITH node, score, label ORDER BY score DESC, node.id
WITH collect({node: node, label: label, score: score}) AS hits
// Names are folded and compared only among the best-scored hits: folding costs, and a
// name equal to the text scores high anyway.
WITH size(hits) AS total, hits[..$window] AS head, hits[$window..] AS tail
CALL (head) {
  UNWIND head AS hit
  // Its own names in every language (`name.en`, `title.ru`, ...), then its other names (aliases).
  WITH hit, [k IN keys(hit.node) WHERE any(f IN $namingFields WHERE k STARTS WITH f + '.') | hit.node[k]] AS own
  WITH hit, size(own) AS ownNames, own + reduce(l = [], f IN $namingLists | l + coalesce(hit.node[f], [])) AS all
  WITH hit, ownNames, [x IN all WHERE x IS NOT NULL |
    reduce(s = '', c IN split(normalize(toLower(x), NFD), '') | s + CASE WHEN c =~ '\\p{M}' THEN '' ELSE c END)] AS names
  // A name of its own equal to the text before an alias equal to it: "Moscow" the city before Russia, which the report also calls Moscow.
  WITH hit, CASE
    WHEN $phrase IN names[..ownNames] THEN 4
    WHEN $phrase IN names THEN 3
    WHEN any(x IN names WHERE x =~ $startsWith) THEN 2
    WHEN any(x IN names WHERE x =~ $holds) THEN 1
    ELSE 0 END AS tier
  // Among equal names, the graph's subjects before their context: the state Russia before the place.
  WITH hit, tier, CASE WHEN tier < 3 THEN 0 ELSE coalesce({Actor: 0, Issue: 1, Demand: 2, Event: 3, Instrument: 4, Statement: 5, Stance: 6, Figure: 7, Place: 8, Source: 9}[hit.label], 10) END AS kindRank
  ORDER BY tier DESC, kindRank, hit.score DESC, hit.node.id
  RETURN collect(hit) AS ranked
}
WITH total, (ranked + tail)[$skip..($skip + $limit)] AS page
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS hit, page[i].node AS n
  WITH i, hit, n,
    coalesce(n.date, n.said, n.published, n.since) AS day,
    coalesce(n.datePrecision, n.saidPrecision, n.publishedPrecision, n.sincePrecision) AS precision,
    replace(toLower(n.kind), '_', ' ') AS kind
  WITH i, hit, n, kind, CASE precision WHEN 'YEAR' THEN left(toString(day), 4) WHEN 'MONTH' THEN left(toString(day), 7) ELSE toString(day) END AS date
  WITH i, hit, CASE hit.label
    WHEN 'Actor' THEN kind
      + coalesce(', ' + COLLECT { MATCH (n)-[:HOLDS]->(o:Office) RETURN o.title ORDER BY o.asOf DESC, o.id LIMIT 1 }[0], '')
      + coalesce(', part of ' + COLLECT { MATCH (n)-[:PART_OF]->(p:Actor) RETURN p.name ORDER BY p.id LIMIT 1 }[0], '')
    WHEN 'Place' THEN kind + coalesce(' in ' + COLLECT { MATCH (n)-[:WITHIN]->(p:Place) RETURN p.name ORDER BY p.id LIMIT 1 }[0], '')
    WHEN 'Issue' THEN 'part of ' + COLLECT { MATCH (n)-[:SUBISSUE_OF]->(p:Issue) RETURN p.name ORDER BY p.id LIMIT 1 }[0]
    WHEN 'Event' THEN kind + coalesce(', ' + date, '')
    WHEN 'Demand' THEN coalesce(CASE WHEN EXISTS { (:Actor)-[:MADE_DEMAND]->(n) } THEN
      'by ' + reduce(s = '', a IN COLLECT { MATCH (a:Actor)-[:MADE_DEMAND]->(n) RETURN a.name ORDER BY a.id } | s + CASE WHEN s = '' THEN '' ELSE ', ' END + a) END, '')
      + coalesce(', since ' + date, '')
    WHEN 'Statement' THEN coalesce(COLLECT { MATCH (a:Actor)-[:SAID]->(n) RETURN a.name ORDER BY a.id LIMIT 1 }[0], 'unknown speaker') + coalesce(', ' + date, '')
    WHEN 'Instrument' THEN kind
      + coalesce(' by ' + COLLECT { MATCH (n)-[:ISSUED_BY]->(a:Actor) RETURN a.name ORDER BY a.id LIMIT 1 }[0], '') + coalesce(', ' + date, '')
    WHEN 'Stance' THEN coalesce(COLLECT { MATCH (a:Actor)-[:TOOK]->(n) RETURN a.name ORDER BY a.id LIMIT 1 }[0], 'unknown holder')
      + ' ' + kind + coalesce(', ' + date, '')
    WHEN 'Figure' THEN coalesce(COLLECT { MATCH (n)-[:FIGURE_OF]->(e:Event) RETURN e.name ORDER BY e.id LIMIT 1 }[0], 'figure')
      + coalesce(', as of ' + CASE n.asOfPrecision WHEN 'YEAR' THEN left(toString(n.asOf), 4) WHEN 'MONTH' THEN left(toString(n.asOf), 7) ELSE toString(n.asOf) END, '')
    WHEN 'Source' THEN kind
      + coalesce(', ' + COLLECT { MATCH (n)-[:PUBLISHED_BY]->(a:Actor) RETURN a.name ORDER BY a.id LIMIT 1 }[0], '') + coalesce(', ' + date, '')
    END AS detail
  ORDER BY i
  RETURN collect({props: properties(hit.node), label: hit.label, score: hit.score, detail: detail}) AS items
}
// Both counts come from the count store: no node is read.
RETURN total, items, [COUNT { (:Change) }, COUNT { (:Entity) }] AS snapshot
