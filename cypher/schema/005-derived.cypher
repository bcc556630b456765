// Derived data (docs/decisions/0035-derived-topic-positions.md): per holder and topic,
// the stances in force with their validity intervals, rebuilt by every write in its own
// transaction. Not :Entity: never exported, counted, checked as entities or searched.
CREATE CONSTRAINT topic_position_key IF NOT EXISTS FOR (p:TopicPosition) REQUIRE p.key IS UNIQUE;
CREATE INDEX topic_position_holder IF NOT EXISTS FOR (p:TopicPosition) ON (p.holderId);
CREATE INDEX topic_position_target IF NOT EXISTS FOR (p:TopicPosition) ON (p.targetId);
