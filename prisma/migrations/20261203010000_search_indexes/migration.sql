-- Indexes for the admin filters issues 6 and 11 added, measured at district scale (issue 12):
-- a search that matches few people or classes, the "Disabled" people filter, and the disclosure
-- log filtered by action or to refused requests read every row without them.

-- Name and email searches are "contains" (ILIKE '%text%'), which only a trigram index serves.
-- pg_trgm ships with Postgres and is trusted: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "User_name_trgm_idx" ON "User" USING gin (name gin_trgm_ops);
CREATE INDEX "User_email_trgm_idx" ON "User" USING gin (email gin_trgm_ops);
CREATE INDEX "Class_name_trgm_idx" ON "Class" USING gin (name gin_trgm_ops);

-- People, "Disabled": few rows, in the list's order.
CREATE INDEX "User_districtId_name_id_disabled_idx" ON "User" ("districtId", name, id) WHERE "disabledAt" IS NOT NULL;

-- The disclosure log by action, and its refused requests, newest first.
CREATE INDEX "DisclosureEvent_districtId_action_createdAt_id_idx" ON "DisclosureEvent" ("districtId", action, "createdAt" DESC, id DESC);
CREATE INDEX "DisclosureEvent_refused_idx" ON "DisclosureEvent" ("districtId", "createdAt" DESC, id DESC) WHERE NOT allowed;
