// Which seed file owns a node: the loader reads and prunes a file's graph by it.
CREATE INDEX entity_origin IF NOT EXISTS FOR (n:Entity) ON (n.origin);
// Dates that timelines, positions and memberships filter on.
CREATE INDEX stance_date IF NOT EXISTS FOR (n:Stance) ON (n.date);
CREATE INDEX statement_said IF NOT EXISTS FOR (n:Statement) ON (n.said);
// The end of their periods: a date range with a start reads from these (decision 0062).
CREATE INDEX statement_said_end IF NOT EXISTS FOR (n:Statement) ON (n.saidEnd);
CREATE INDEX stance_date_end IF NOT EXISTS FOR (n:Stance) ON (n.dateEnd);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX membership_from IF NOT EXISTS FOR (n:Membership) ON (n.from);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
// The full-text indexes of search are generated from the model: 004-search-languages.cypher.
