// Full-text indexes that find words as words in each language (stems, stop words):
// "missiles" finds "Missile deployment", "penyebaran" finds "Penyebaran rudal" and
// "расширения" finds "расширение". entity_search (002) stays the index for prefixes and
// for case and diacritics; search.cypher merges the hits of all four. Fields whose
// language is fixed go to their language's index (name, titleEnglish, summary, gloss
// and description are English; nameId, titleId and summaryId Indonesian); fields in
// the source's own language (aliasesText, title, text) go to every one, since an index
// cannot choose its analyzer by another property (docs/decisions/0030).
// IF NOT EXISTS keeps an index whose definition changed: give it a new name instead
// (and DROP INDEX the old one IF EXISTS here), so `npm run seed` upgrades a database.
CREATE FULLTEXT INDEX entity_search_en IF NOT EXISTS
FOR (n:Actor|Demand|Statement|Event|Issue|Instrument|Place|Source)
ON EACH [n.name, n.aliasesText, n.title, n.titleEnglish, n.summary, n.text, n.gloss, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX entity_search_id IF NOT EXISTS
FOR (n:Actor|Demand|Statement|Event|Issue|Instrument|Place|Source)
ON EACH [n.nameId, n.aliasesText, n.title, n.titleId, n.summaryId, n.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'indonesian', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX entity_search_ru IF NOT EXISTS
FOR (n:Actor|Demand|Statement|Event|Issue|Instrument|Place|Source)
ON EACH [n.aliasesText, n.title, n.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'russian', `fulltext.eventually_consistent`: false } };
