// API keys and the audit trail (docs/writes.md). Neither carries :Entity: they are
// not part of the knowledge graph, survive `seed --reset` and are never exported.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
CREATE INDEX change_key IF NOT EXISTS FOR (c:Change) ON (c.keyId);
CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.id IS UNIQUE;
