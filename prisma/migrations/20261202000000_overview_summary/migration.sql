-- DropIndex
DROP INDEX "Plan_schoolId_updatedAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_organizationId_createdAt_idx";

-- CreateTable
CREATE TABLE "OrganizationCount" (
    "organizationId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "OrganizationCount_pkey" PRIMARY KEY ("organizationId","subject")
);

-- CreateIndex
CREATE INDEX "Plan_schoolId_updatedAt_id_idx" ON "Plan"("schoolId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_id_idx" ON "AuditEvent"("organizationId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "OrganizationCount" ADD CONSTRAINT "OrganizationCount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The overview's counts (hand-written). Statement-level triggers with transition tables: a bulk
-- write (roster import, a class application, a cascade) adds one delta per organization and
-- subject, not one per row, and a write that changes no counted column writes nothing, so plan
-- edits never queue on their school's row. Deltas are applied in key order, so two transactions
-- that touch the same rows lock them in the same order. An organization being deleted is
-- skipped (its rows go with it by the foreign key). Restores load this table as it was backed
-- up (session_replication_role = replica turns these triggers off, as it should).
CREATE FUNCTION pathways_add_counts(orgs text[], subjects text[], deltas int[]) RETURNS void AS $$
  INSERT INTO "OrganizationCount" ("organizationId", "subject", "count")
  SELECT d.org, d.subject, sum(d.n)::int
  FROM unnest(orgs, subjects, deltas) AS d(org, subject, n)
  WHERE EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = d.org)
  GROUP BY d.org, d.subject
  HAVING sum(d.n) <> 0
  ORDER BY d.org, d.subject
  ON CONFLICT ("organizationId", "subject") DO UPDATE SET "count" = "OrganizationCount"."count" + EXCLUDED."count";
$$ LANGUAGE sql;

-- Plans not deleted, per school and status.
CREATE FUNCTION pathways_plan_counts() RETURNS trigger AS $$
DECLARE o text[]; s text[]; d int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x."schoolId"), array_agg('plan:' || x.status::text), array_agg(1) INTO o, s, d
    FROM pathways_new x WHERE x."deletedAt" IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg('plan:' || x.status::text), array_agg(-1) INTO o, s, d
    FROM pathways_old x WHERE x."deletedAt" IS NULL;
  ELSE
    SELECT array_agg(x.org), array_agg(x.subject), array_agg(x.n) INTO o, s, d FROM (
      SELECT n."schoolId" AS org, 'plan:' || n.status::text AS subject, 1 AS n FROM pathways_new n WHERE n."deletedAt" IS NULL
      UNION ALL
      SELECT p."schoolId", 'plan:' || p.status::text, -1 FROM pathways_old p WHERE p."deletedAt" IS NULL
    ) x;
  END IF;
  PERFORM pathways_add_counts(o, s, d);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Memberships not ended, per organization and role.
CREATE FUNCTION pathways_membership_counts() RETURNS trigger AS $$
DECLARE o text[]; s text[]; d int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x."organizationId"), array_agg('member:' || x.role::text), array_agg(1) INTO o, s, d
    FROM pathways_new x WHERE x."endedAt" IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."organizationId"), array_agg('member:' || x.role::text), array_agg(-1) INTO o, s, d
    FROM pathways_old x WHERE x."endedAt" IS NULL;
  ELSE
    SELECT array_agg(x.org), array_agg(x.subject), array_agg(x.n) INTO o, s, d FROM (
      SELECT n."organizationId" AS org, 'member:' || n.role::text AS subject, 1 AS n FROM pathways_new n WHERE n."endedAt" IS NULL
      UNION ALL
      SELECT p."organizationId", 'member:' || p.role::text, -1 FROM pathways_old p WHERE p."endedAt" IS NULL
    ) x;
  END IF;
  PERFORM pathways_add_counts(o, s, d);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Classes, per school.
CREATE FUNCTION pathways_class_counts() RETURNS trigger AS $$
DECLARE o text[]; s text[]; d int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x."schoolId"), array_agg('class'::text), array_agg(1) INTO o, s, d FROM pathways_new x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg('class'::text), array_agg(-1) INTO o, s, d FROM pathways_old x;
  ELSE
    SELECT array_agg(x.org), array_agg('class'::text), array_agg(x.n) INTO o, s, d FROM (
      SELECT n."schoolId" AS org, 1 AS n FROM pathways_new n
      UNION ALL
      SELECT p."schoolId", -1 FROM pathways_old p
    ) x;
  END IF;
  PERFORM pathways_add_counts(o, s, d);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- TRUNCATE fires no row or transition-table trigger: the subject's rows go too.
CREATE FUNCTION pathways_counts_truncated() RETURNS trigger AS $$
BEGIN
  DELETE FROM "OrganizationCount" WHERE "subject" LIKE TG_ARGV[0];
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Plan_counts_insert" AFTER INSERT ON "Plan"
  REFERENCING NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_plan_counts();
CREATE TRIGGER "Plan_counts_update" AFTER UPDATE ON "Plan"
  REFERENCING OLD TABLE AS pathways_old NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_plan_counts();
CREATE TRIGGER "Plan_counts_delete" AFTER DELETE ON "Plan"
  REFERENCING OLD TABLE AS pathways_old FOR EACH STATEMENT EXECUTE FUNCTION pathways_plan_counts();
CREATE TRIGGER "Plan_counts_truncate" AFTER TRUNCATE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION pathways_counts_truncated('plan:%');

CREATE TRIGGER "Membership_counts_insert" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_membership_counts();
CREATE TRIGGER "Membership_counts_update" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS pathways_old NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_membership_counts();
CREATE TRIGGER "Membership_counts_delete" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS pathways_old FOR EACH STATEMENT EXECUTE FUNCTION pathways_membership_counts();
CREATE TRIGGER "Membership_counts_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION pathways_counts_truncated('member:%');

CREATE TRIGGER "Class_counts_insert" AFTER INSERT ON "Class"
  REFERENCING NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_class_counts();
CREATE TRIGGER "Class_counts_update" AFTER UPDATE ON "Class"
  REFERENCING OLD TABLE AS pathways_old NEW TABLE AS pathways_new FOR EACH STATEMENT EXECUTE FUNCTION pathways_class_counts();
CREATE TRIGGER "Class_counts_delete" AFTER DELETE ON "Class"
  REFERENCING OLD TABLE AS pathways_old FOR EACH STATEMENT EXECUTE FUNCTION pathways_class_counts();
CREATE TRIGGER "Class_counts_truncate" AFTER TRUNCATE ON "Class"
  FOR EACH STATEMENT EXECUTE FUNCTION pathways_counts_truncated('class');

-- Counts these organizations afresh (the backfill below; a bulk load that ran with the
-- triggers off, such as the benchmark district's, calls it for its organizations).
CREATE FUNCTION pathways_recount(orgs text[]) RETURNS void AS $$
  DELETE FROM "OrganizationCount" WHERE "organizationId" = ANY(orgs);
  INSERT INTO "OrganizationCount" ("organizationId", "subject", "count")
  SELECT "schoolId", 'plan:' || status::text, count(*)::int FROM "Plan"
  WHERE "schoolId" = ANY(orgs) AND "deletedAt" IS NULL GROUP BY 1, 2
  UNION ALL
  SELECT "organizationId", 'member:' || role::text, count(*)::int FROM "Membership"
  WHERE "organizationId" = ANY(orgs) AND "endedAt" IS NULL GROUP BY 1, 2
  UNION ALL
  SELECT "schoolId", 'class', count(*)::int FROM "Class" WHERE "schoolId" = ANY(orgs) GROUP BY 1;
$$ LANGUAGE sql;

SELECT pathways_recount(ARRAY(SELECT id FROM "Organization"));
