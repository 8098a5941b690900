-- The teacher's "Evidence waiting for a rating" list reads only the (evidence, goal) pairs that have
-- no rating yet. Whether a pair is rated is kept here by triggers, so that list no longer tests
-- every piece of evidence of the teacher's plans against Rating (its cost was the evidence's, not
-- the list's).

-- AlterTable
ALTER TABLE "EvidenceGoal" ADD COLUMN "rated" BOOLEAN NOT NULL DEFAULT false;

UPDATE "EvidenceGoal" eg SET "rated" = true
WHERE EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId");

-- Only the unrated pairs are indexed: the list starts from the goals of the teacher's plans.
CREATE INDEX "EvidenceGoal_goalId_unrated_idx" ON "EvidenceGoal" ("goalId") WHERE NOT "rated";

-- A pair attached (or moved) is rated when a rating for it already exists.
CREATE FUNCTION evidence_goal_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."rated" := EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = NEW."evidenceId" AND r."goalId" = NEW."goalId");
  RETURN NEW;
END $$;
CREATE TRIGGER evidence_goal_rated BEFORE INSERT OR UPDATE OF "evidenceId", "goalId" ON "EvidenceGoal"
  FOR EACH ROW EXECUTE FUNCTION evidence_goal_rated();

-- Ratings made: their pairs are rated (one UPDATE per statement, so bulk inserts stay set-based).
CREATE FUNCTION rating_marks_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EvidenceGoal" eg SET "rated" = true
    FROM (SELECT DISTINCT "evidenceId", "goalId" FROM made) m
   WHERE eg."evidenceId" = m."evidenceId" AND eg."goalId" = m."goalId" AND NOT eg."rated";
  RETURN NULL;
END $$;
CREATE TRIGGER rating_marks_rated AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS made FOR EACH STATEMENT EXECUTE FUNCTION rating_marks_rated();

-- Ratings removed (or moved to another pair): their old pairs are rated only if another rating remains.
CREATE FUNCTION rating_rechecks_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EvidenceGoal" eg
     SET "rated" = EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId")
    FROM (SELECT DISTINCT "evidenceId", "goalId" FROM gone) g
   WHERE eg."evidenceId" = g."evidenceId" AND eg."goalId" = g."goalId";
  RETURN NULL;
END $$;
CREATE TRIGGER rating_rechecks_rated AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION rating_rechecks_rated();

CREATE FUNCTION rating_moved_rechecks_rated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EvidenceGoal" eg
     SET "rated" = EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId")
    FROM (SELECT "evidenceId", "goalId" FROM gone UNION SELECT "evidenceId", "goalId" FROM made) p
   WHERE eg."evidenceId" = p."evidenceId" AND eg."goalId" = p."goalId";
  RETURN NULL;
END $$;
CREATE TRIGGER rating_moved_rechecks_rated AFTER UPDATE ON "Rating"
  REFERENCING OLD TABLE AS gone NEW TABLE AS made FOR EACH STATEMENT EXECUTE FUNCTION rating_moved_rechecks_rated();
