// Derived data (docs/decisions/0054-membership-dates.md): per actor, the sorted validity
// dates of the memberships in it (as an organisation) and its own memberships (as a
// member), rebuilt by every write of a membership in its own transaction. Not :Entity.
CREATE CONSTRAINT membership_dates_actor IF NOT EXISTS FOR (d:MembershipDates) REQUIRE d.actorId IS UNIQUE;
