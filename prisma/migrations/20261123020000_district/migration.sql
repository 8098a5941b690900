-- Districts, memberships, identities, courses, enrollment roles, immutable hashed
-- revisions and notifications as type + ids. Upgrades a database in place: every
-- existing school becomes a school in a district of its own, so nothing that was kept
-- apart becomes shared (docs/decisions/tenancy.md).

-- Enums
CREATE TYPE "OrganizationType" AS ENUM ('DISTRICT', 'SCHOOL');
CREATE TYPE "EnrollmentRole" AS ENUM ('STUDENT', 'TEACHER', 'AIDE');
CREATE TYPE "RevisionKind" AS ENUM ('CREATED', 'EDITED', 'SUBMITTED', 'APPROVED');
CREATE TYPE "NotificationType" AS ENUM ('WELCOME', 'PLAN_SUBMITTED', 'PLAN_STATUS_CHANGED', 'COMMENT_ADDED', 'EVIDENCE_ADDED', 'EVIDENCE_RATED');

-- Foreign keys that change shape are dropped first and added again at the end.
ALTER TABLE "Term" DROP CONSTRAINT "Term_schoolId_fkey";
ALTER TABLE "User" DROP CONSTRAINT "User_schoolId_fkey";
ALTER TABLE "GuardianLink" DROP CONSTRAINT "GuardianLink_guardianId_fkey";
ALTER TABLE "GuardianLink" DROP CONSTRAINT "GuardianLink_studentId_fkey";
ALTER TABLE "Class" DROP CONSTRAINT "Class_schoolId_fkey";
ALTER TABLE "ClassTeacher" DROP CONSTRAINT "ClassTeacher_classId_fkey";
ALTER TABLE "ClassTeacher" DROP CONSTRAINT "ClassTeacher_teacherId_fkey";
ALTER TABLE "Enrollment" DROP CONSTRAINT "Enrollment_studentId_fkey";
ALTER TABLE "Standard" DROP CONSTRAINT "Standard_schoolId_fkey";
ALTER TABLE "PlanTemplate" DROP CONSTRAINT "PlanTemplate_schoolId_fkey";
ALTER TABLE "Plan" DROP CONSTRAINT "Plan_schoolId_fkey";
ALTER TABLE "Plan" DROP CONSTRAINT "Plan_createdById_fkey";
ALTER TABLE "Evidence" DROP CONSTRAINT "Evidence_addedById_fkey";
ALTER TABLE "Rating" DROP CONSTRAINT "Rating_raterId_fkey";
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_authorId_fkey";
ALTER TABLE "PlanEvent" DROP CONSTRAINT "PlanEvent_actorId_fkey";
ALTER TABLE "PlanRevision" DROP CONSTRAINT "PlanRevision_editorId_fkey";
ALTER TABLE "GuardianAcknowledgment" DROP CONSTRAINT "GuardianAcknowledgment_guardianId_fkey";
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_schoolId_fkey";

DROP INDEX "User_schoolId_role_name_idx";
DROP INDEX "Enrollment_studentId_idx";
DROP INDEX "Enrollment_classId_studentId_key";
DROP INDEX "Standard_schoolId_subject_code_idx";
DROP INDEX "Standard_schoolId_code_key";
DROP INDEX "PlanTemplate_schoolId_name_idx";
DROP INDEX "PlanRevision_editorId_idx";
DROP INDEX "PlanRevision_planId_version_key";
DROP INDEX "AuditEvent_schoolId_createdAt_idx";

-- Organizations: schools keep their ids; each gets a district of its own ('d_' + school id).
ALTER TABLE "School" RENAME TO "Organization";
ALTER TABLE "Organization" RENAME CONSTRAINT "School_pkey" TO "Organization_pkey";
ALTER TABLE "Organization"
  ADD COLUMN "districtId" TEXT,
  ADD COLUMN "parentId" TEXT,
  ADD COLUMN "type" "OrganizationType",
  ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'America/Los_Angeles',
  ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en-US',
  ADD COLUMN "schoolYearStartsOn" DATE,
  ADD COLUMN "schoolYearEndsOn" DATE,
  ADD COLUMN "source" TEXT,
  ADD COLUMN "sourcedId" TEXT;
INSERT INTO "Organization" ("id", "districtId", "type", "name", "masteryRule", "createdAt")
  SELECT 'd_' || "id", 'd_' || "id", 'DISTRICT', "name" || ' (district)', "masteryRule", "createdAt" FROM "Organization";
UPDATE "Organization" SET "districtId" = 'd_' || "id", "parentId" = 'd_' || "id", "type" = 'SCHOOL' WHERE "type" IS NULL;
UPDATE "Organization" o SET "schoolYearStartsOn" = t.starts, "schoolYearEndsOn" = t.ends
  FROM (SELECT "schoolId", min("startsOn") AS starts, max("endsOn") AS ends FROM "Term" GROUP BY "schoolId") t
  WHERE o."id" = t."schoolId";
ALTER TABLE "Organization" ALTER COLUMN "districtId" SET NOT NULL, ALTER COLUMN "type" SET NOT NULL;

ALTER TABLE "Term" ADD COLUMN "source" TEXT, ADD COLUMN "sourcedId" TEXT;

-- People: one district each; their old role at their school becomes a membership.
ALTER TABLE "User" ADD COLUMN "districtId" TEXT, ADD COLUMN "source" TEXT, ADD COLUMN "sourcedId" TEXT;
UPDATE "User" SET "districtId" = 'd_' || "schoolId", "email" = lower("email");
ALTER TABLE "User" ALTER COLUMN "districtId" SET NOT NULL, ALTER COLUMN "passwordHash" DROP NOT NULL;
-- Emails are compared case-insensitively: they are stored lower-case, always.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_case" CHECK ("email" = lower("email"));

CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);
INSERT INTO "Membership" ("id", "userId", "organizationId", "districtId", "role", "createdAt")
  SELECT 'm_' || "id", "id", "schoolId", "districtId", "role", "createdAt" FROM "User";
ALTER TABLE "User" DROP COLUMN "role", DROP COLUMN "schoolId";

CREATE TABLE "Identity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- Guardian links may not cross districts. A link that did (a guardian of one school
-- linked to a student of another) granted nothing but leaked notifications; it is
-- removed, and its removal is written to the audit log of the student's school.
ALTER TABLE "GuardianLink" ADD COLUMN "districtId" TEXT;
UPDATE "GuardianLink" l SET "districtId" = g."districtId"
  FROM "User" g, "User" s
  WHERE g."id" = l."guardianId" AND s."id" = l."studentId" AND g."districtId" = s."districtId";
INSERT INTO "AuditEvent" ("id", "schoolId", "actorId", "action", "entityType", "entityId", "detail", "createdAt")
  SELECT 'a_' || l."id", substr(s."districtId", 3), NULL, 'guardian_link.remove', 'GuardianLink', l."id",
         jsonb_build_object('guardianId', l."guardianId", 'studentId', l."studentId", 'reason', 'crossed districts'), CURRENT_TIMESTAMP
  FROM "GuardianLink" l JOIN "User" s ON s."id" = l."studentId"
  WHERE l."districtId" IS NULL;
DELETE FROM "GuardianLink" WHERE "districtId" IS NULL;
ALTER TABLE "GuardianLink" ALTER COLUMN "districtId" SET NOT NULL;

-- Courses: every existing class becomes the one section of a course of its own.
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "code" TEXT,
    "subject" "Subject" NOT NULL,
    "gradeLevel" INTEGER,
    "source" TEXT,
    "sourcedId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);
INSERT INTO "Course" ("id", "schoolId", "title", "subject", "gradeLevel", "createdAt")
  SELECT 'c_' || "id", "schoolId", "name", "subject", "gradeLevel", "createdAt" FROM "Class";
ALTER TABLE "Class" ADD COLUMN "courseId" TEXT, ADD COLUMN "source" TEXT, ADD COLUMN "sourcedId" TEXT;
UPDATE "Class" SET "courseId" = 'c_' || "id";
ALTER TABLE "Class" ALTER COLUMN "courseId" SET NOT NULL, DROP COLUMN "subject";

-- Enrollments get a role; teachers of a class become its TEACHER enrollments.
ALTER TABLE "Enrollment" RENAME COLUMN "studentId" TO "userId";
ALTER TABLE "Enrollment"
  ADD COLUMN "role" "EnrollmentRole",
  ADD COLUMN "beginsOn" DATE,
  ADD COLUMN "endsOn" DATE,
  ADD COLUMN "source" TEXT,
  ADD COLUMN "sourcedId" TEXT;
UPDATE "Enrollment" SET "role" = 'STUDENT';
INSERT INTO "Enrollment" ("id", "classId", "userId", "role")
  SELECT 't_' || "classId" || '_' || "teacherId", "classId", "teacherId", 'TEACHER' FROM "ClassTeacher";
ALTER TABLE "Enrollment" ALTER COLUMN "role" SET NOT NULL;
DROP TABLE "ClassTeacher";

-- Standards and templates belong to an organization (a district shares them).
ALTER TABLE "Standard" RENAME COLUMN "schoolId" TO "organizationId";
ALTER TABLE "PlanTemplate" RENAME COLUMN "schoolId" TO "organizationId";

-- Authored rows outlive their authors (docs/decisions/deleting-people.md).
ALTER TABLE "Plan" ALTER COLUMN "createdById" DROP NOT NULL;
ALTER TABLE "Evidence" ALTER COLUMN "addedById" DROP NOT NULL;
ALTER TABLE "Rating" ALTER COLUMN "raterId" DROP NOT NULL;
ALTER TABLE "Comment" ALTER COLUMN "authorId" DROP NOT NULL;
ALTER TABLE "PlanEvent" ALTER COLUMN "actorId" DROP NOT NULL;
ALTER TABLE "GuardianAcknowledgment" ALTER COLUMN "guardianId" DROP NOT NULL;

-- Revisions: numbered 1..n per plan, with a kind, full content and its hash.
ALTER TABLE "PlanRevision" RENAME COLUMN "editorId" TO "authorId";
ALTER TABLE "PlanRevision" RENAME COLUMN "snapshot" TO "content";
ALTER TABLE "PlanRevision" ADD COLUMN "number" INTEGER, ADD COLUMN "kind" "RevisionKind", ADD COLUMN "contentHash" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PlanRevision" ALTER COLUMN "authorId" DROP NOT NULL;
UPDATE "PlanRevision" r SET "number" = n.rn, "kind" = CASE WHEN n.rn = 1 THEN 'CREATED'::"RevisionKind" ELSE 'EDITED'::"RevisionKind" END
  FROM (SELECT "id", row_number() OVER (PARTITION BY "planId" ORDER BY "version", "createdAt") AS rn FROM "PlanRevision") n
  WHERE r."id" = n."id";
ALTER TABLE "PlanRevision" DROP COLUMN "version";
-- Every plan also gets a revision of what it holds now (the shape lib/plans/revisions.ts
-- writes), so each plan has a current, hashed state; plans approved before keep it as
-- their approved revision (an approved plan could not be edited, so it is what was approved).
INSERT INTO "PlanRevision" ("id", "planId", "number", "kind", "authorId", "content", "createdAt")
  SELECT 'r_' || p."id",
         p."id",
         coalesce((SELECT max(r."number") FROM "PlanRevision" r WHERE r."planId" = p."id"), 0) + 1,
         CASE WHEN p."approvedAt" IS NOT NULL THEN 'APPROVED'::"RevisionKind" ELSE 'EDITED'::"RevisionKind" END,
         CASE WHEN p."approvedAt" IS NOT NULL THEN p."approvedById" ELSE p."createdById" END,
         jsonb_build_object(
           'title', p."title",
           'type', p."type",
           'summary', p."summary",
           'startsOn', to_char(p."startsOn", 'YYYY-MM-DD'),
           'endsOn', to_char(p."endsOn", 'YYYY-MM-DD'),
           'goals', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'id', g."id",
                      'subject', g."subject",
                      'title', g."title",
                      'successCriteria', g."successCriteria",
                      'masteryDemonstration', g."masteryDemonstration",
                      'targetDate', coalesce(to_char(g."targetDate", 'YYYY-MM-DD'), ''),
                      'standardIds', coalesce((SELECT jsonb_agg(gs."standardId" ORDER BY gs."standardId") FROM "GoalStandard" gs WHERE gs."goalId" = g."id"), '[]'::jsonb)
                    ) ORDER BY g."position")
             FROM "Goal" g WHERE g."planId" = p."id"), '[]'::jsonb)
         ),
         coalesce(p."approvedAt", p."updatedAt")
  FROM "Plan" p;
UPDATE "PlanRevision" SET "contentHash" = encode(sha256(convert_to("content"::text, 'UTF8')), 'hex');
ALTER TABLE "PlanRevision" ALTER COLUMN "number" SET NOT NULL, ALTER COLUMN "kind" SET NOT NULL;

-- Notifications become a type plus ids, rendered when read. The old text is dropped:
-- what it quoted (feedback, comments, notes) is kept in its own rows.
ALTER TABLE "Notification"
  ADD COLUMN "type" "NotificationType",
  ADD COLUMN "actorId" TEXT,
  ADD COLUMN "planId" TEXT,
  ADD COLUMN "eventId" TEXT,
  ADD COLUMN "commentId" TEXT,
  ADD COLUMN "evidenceId" TEXT,
  ADD COLUMN "ratingId" TEXT;
UPDATE "Notification" n SET "planId" = p."id"
  FROM "Plan" p WHERE p."id" = substring(n."href" FROM '^/plans/([^/#?]+)');
UPDATE "Notification" SET "type" = CASE
    WHEN "planId" IS NULL THEN 'WELCOME'
    WHEN "title" LIKE '% submitted “%' THEN 'PLAN_SUBMITTED'
    WHEN "title" LIKE '% commented on “%' THEN 'COMMENT_ADDED'
    WHEN "title" LIKE '% added evidence to “%' THEN 'EVIDENCE_ADDED'
    WHEN "title" LIKE '% rated “%' THEN 'EVIDENCE_RATED'
    ELSE 'PLAN_STATUS_CHANGED' END::"NotificationType";
-- A notification about a plan that no longer exists has nothing left to show.
DELETE FROM "Notification" WHERE "planId" IS NULL AND "href" LIKE '/plans/%';
ALTER TABLE "Notification" ALTER COLUMN "type" SET NOT NULL, DROP COLUMN "title", DROP COLUMN "body", DROP COLUMN "href";

-- The audit log belongs to an organization.
ALTER TABLE "AuditEvent" RENAME COLUMN "schoolId" TO "organizationId";

-- Indexes
CREATE INDEX "Organization_parentId_name_idx" ON "Organization"("parentId", "name");
CREATE INDEX "Organization_districtId_type_name_idx" ON "Organization"("districtId", "type", "name");
CREATE UNIQUE INDEX "Organization_id_districtId_key" ON "Organization"("id", "districtId");
CREATE UNIQUE INDEX "Organization_districtId_source_sourcedId_key" ON "Organization"("districtId", "source", "sourcedId");
CREATE INDEX "Membership_organizationId_role_idx" ON "Membership"("organizationId", "role");
CREATE UNIQUE INDEX "Membership_userId_organizationId_role_key" ON "Membership"("userId", "organizationId", "role");
CREATE INDEX "Identity_userId_idx" ON "Identity"("userId");
CREATE UNIQUE INDEX "Identity_provider_subject_key" ON "Identity"("provider", "subject");
CREATE INDEX "Course_schoolId_title_idx" ON "Course"("schoolId", "title");
CREATE UNIQUE INDEX "Course_schoolId_source_sourcedId_key" ON "Course"("schoolId", "source", "sourcedId");
CREATE UNIQUE INDEX "Term_schoolId_source_sourcedId_key" ON "Term"("schoolId", "source", "sourcedId");
CREATE INDEX "User_districtId_name_idx" ON "User"("districtId", "name");
CREATE UNIQUE INDEX "User_id_districtId_key" ON "User"("id", "districtId");
CREATE UNIQUE INDEX "User_districtId_source_sourcedId_key" ON "User"("districtId", "source", "sourcedId");
CREATE INDEX "Class_courseId_idx" ON "Class"("courseId");
CREATE UNIQUE INDEX "Class_schoolId_source_sourcedId_key" ON "Class"("schoolId", "source", "sourcedId");
CREATE INDEX "Enrollment_userId_role_idx" ON "Enrollment"("userId", "role");
CREATE INDEX "Enrollment_classId_role_idx" ON "Enrollment"("classId", "role");
CREATE INDEX "Enrollment_source_sourcedId_idx" ON "Enrollment"("source", "sourcedId");
CREATE UNIQUE INDEX "Enrollment_classId_userId_role_key" ON "Enrollment"("classId", "userId", "role");
CREATE INDEX "Standard_organizationId_subject_code_idx" ON "Standard"("organizationId", "subject", "code");
CREATE UNIQUE INDEX "Standard_organizationId_code_key" ON "Standard"("organizationId", "code");
CREATE INDEX "PlanTemplate_organizationId_name_idx" ON "PlanTemplate"("organizationId", "name");
CREATE INDEX "PlanRevision_planId_kind_number_idx" ON "PlanRevision"("planId", "kind", "number");
CREATE INDEX "PlanRevision_authorId_idx" ON "PlanRevision"("authorId");
CREATE UNIQUE INDEX "PlanRevision_planId_number_key" ON "PlanRevision"("planId", "number");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE INDEX "Notification_actorId_idx" ON "Notification"("actorId");
CREATE INDEX "Notification_planId_idx" ON "Notification"("planId");
CREATE INDEX "Notification_eventId_idx" ON "Notification"("eventId");
CREATE INDEX "Notification_commentId_idx" ON "Notification"("commentId");
CREATE INDEX "Notification_evidenceId_idx" ON "Notification"("evidenceId");
CREATE INDEX "Notification_ratingId_idx" ON "Notification"("ratingId");
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- Foreign keys
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Term" ADD CONSTRAINT "Term_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_districtId_fkey" FOREIGN KEY ("userId", "districtId") REFERENCES "User"("id", "districtId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_districtId_fkey" FOREIGN KEY ("organizationId", "districtId") REFERENCES "Organization"("id", "districtId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GuardianLink" ADD CONSTRAINT "GuardianLink_guardianId_districtId_fkey" FOREIGN KEY ("guardianId", "districtId") REFERENCES "User"("id", "districtId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GuardianLink" ADD CONSTRAINT "GuardianLink_studentId_districtId_fkey" FOREIGN KEY ("studentId", "districtId") REFERENCES "User"("id", "districtId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Course" ADD CONSTRAINT "Course_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Class" ADD CONSTRAINT "Class_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Class" ADD CONSTRAINT "Class_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlanTemplate" ADD CONSTRAINT "PlanTemplate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "GuardianAcknowledgment" ADD CONSTRAINT "GuardianAcknowledgment_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "PlanEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Revisions are immutable. The database computes the hash on insert (so no caller can
-- store a wrong one) and refuses every UPDATE and DELETE, with two exceptions that only
-- foreign-key actions can make (they run inside the key's own trigger, depth > 1): the
-- cascade when the plan itself is deleted, and the author set to NULL when that person
-- is deleted (the author is not part of the hashed content).
CREATE FUNCTION "plan_revision_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."contentHash" := encode(sha256(convert_to(NEW."content"::text, 'UTF8')), 'hex');
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF pg_trigger_depth() > 1 AND NEW."authorId" IS NULL
       AND (NEW."id", NEW."planId", NEW."number", NEW."kind", NEW."content", NEW."contentHash", NEW."createdAt")
           IS NOT DISTINCT FROM (OLD."id", OLD."planId", OLD."number", OLD."kind", OLD."content", OLD."contentHash", OLD."createdAt") THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'plan revisions are immutable' USING ERRCODE = 'integrity_constraint_violation';
  ELSIF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'plan revisions are deleted only with their plan' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER "plan_revision_guard" BEFORE INSERT OR UPDATE OR DELETE ON "PlanRevision"
  FOR EACH ROW EXECUTE FUNCTION "plan_revision_guard"();
