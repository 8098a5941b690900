-- Issue 9: proficiency scales as data, mastery policies, stored mastery, learning groups.
-- Every district gets the scale it had (Beginning 1, Developing 2, Proficient 3, Advanced 4) and a
-- district policy; a school whose rule differed keeps it as a school policy. Ratings move from the
-- enum to the district's levels. Stored mastery starts empty with every policy marked for recompute:
-- the app fills it on start (lib/mastery/recompute.ts), so no calculation is repeated here in SQL.

-- CreateEnum
CREATE TYPE "MasteryMethodKind" AS ENUM ('MOST_RECENT', 'HIGHEST', 'AVERAGE', 'WEIGHTED_AVERAGE', 'DECAYING_AVERAGE', 'N_TIMES');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "ProficiencyScale" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProficiencyScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProficiencyLevel" (
    "id" TEXT NOT NULL,
    "scaleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "colour" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "proficient" BOOLEAN NOT NULL DEFAULT false,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProficiencyLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MasteryPolicy" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "frameworkId" TEXT,
    "scaleId" TEXT NOT NULL,
    "method" "MasteryMethodKind" NOT NULL DEFAULT 'MOST_RECENT',
    "parameter" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recomputeTotal" INTEGER NOT NULL DEFAULT 0,
    "recomputeDone" INTEGER NOT NULL DEFAULT 0,
    "recomputeAt" TIMESTAMP(3),
    "recomputedAt" TIMESTAMP(3),

    CONSTRAINT "MasteryPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardMastery" (
    "studentId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "levelId" TEXT,
    "score" DOUBLE PRECISION,
    "proficient" BOOLEAN NOT NULL DEFAULT false,
    "ratingCount" INTEGER NOT NULL,
    "baselineLevelId" TEXT,
    "baselineAt" TIMESTAMP(3),
    "lastRatedAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StandardMastery_pkey" PRIMARY KEY ("studentId","standardId")
);

-- CreateTable
CREATE TABLE "GoalMastery" (
    "goalId" TEXT NOT NULL,
    "levelId" TEXT,
    "score" DOUBLE PRECISION,
    "proficient" BOOLEAN NOT NULL DEFAULT false,
    "ratingCount" INTEGER NOT NULL,
    "baselineLevelId" TEXT,
    "baselineAt" TIMESTAMP(3),
    "lastRatedAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalMastery_pkey" PRIMARY KEY ("goalId")
);

-- CreateTable
CREATE TABLE "LearningGroup" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "meetsOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningGroupStandard" (
    "groupId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,

    CONSTRAINT "LearningGroupStandard_pkey" PRIMARY KEY ("groupId","standardId")
);

-- CreateTable
CREATE TABLE "LearningGroupMember" (
    "groupId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,

    CONSTRAINT "LearningGroupMember_pkey" PRIMARY KEY ("groupId","studentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProficiencyScale_organizationId_name_key" ON "ProficiencyScale"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ProficiencyLevel_scaleId_position_idx" ON "ProficiencyLevel"("scaleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProficiencyLevel_scaleId_name_key" ON "ProficiencyLevel"("scaleId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ProficiencyLevel_scaleId_points_key" ON "ProficiencyLevel"("scaleId", "points");

-- CreateIndex
CREATE INDEX "MasteryPolicy_organizationId_idx" ON "MasteryPolicy"("organizationId");

-- CreateIndex
CREATE INDEX "MasteryPolicy_scaleId_idx" ON "MasteryPolicy"("scaleId");

-- CreateIndex
CREATE UNIQUE INDEX "MasteryPolicy_frameworkId_key" ON "MasteryPolicy"("frameworkId");

-- CreateIndex
CREATE INDEX "StandardMastery_standardId_proficient_idx" ON "StandardMastery"("standardId", "proficient");

-- CreateIndex
CREATE INDEX "StandardMastery_levelId_idx" ON "StandardMastery"("levelId");

-- CreateIndex
CREATE INDEX "StandardMastery_baselineLevelId_idx" ON "StandardMastery"("baselineLevelId");

-- CreateIndex
CREATE INDEX "GoalMastery_levelId_idx" ON "GoalMastery"("levelId");

-- CreateIndex
CREATE INDEX "GoalMastery_baselineLevelId_idx" ON "GoalMastery"("baselineLevelId");

-- CreateIndex
CREATE INDEX "LearningGroup_classId_createdAt_idx" ON "LearningGroup"("classId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningGroup_createdById_idx" ON "LearningGroup"("createdById");

-- CreateIndex
CREATE INDEX "LearningGroupStandard_standardId_idx" ON "LearningGroupStandard"("standardId");

-- CreateIndex
CREATE INDEX "LearningGroupMember_studentId_idx" ON "LearningGroupMember"("studentId");

-- CreateIndex
CREATE INDEX "Activity_groupId_idx" ON "Activity"("groupId");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "LearningGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProficiencyScale" ADD CONSTRAINT "ProficiencyScale_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProficiencyLevel" ADD CONSTRAINT "ProficiencyLevel_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "ProficiencyScale"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasteryPolicy" ADD CONSTRAINT "MasteryPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasteryPolicy" ADD CONSTRAINT "MasteryPolicy_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "StandardFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasteryPolicy" ADD CONSTRAINT "MasteryPolicy_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "ProficiencyScale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasteryPolicy" ADD CONSTRAINT "MasteryPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardMastery" ADD CONSTRAINT "StandardMastery_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardMastery" ADD CONSTRAINT "StandardMastery_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardMastery" ADD CONSTRAINT "StandardMastery_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "ProficiencyLevel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardMastery" ADD CONSTRAINT "StandardMastery_baselineLevelId_fkey" FOREIGN KEY ("baselineLevelId") REFERENCES "ProficiencyLevel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMastery" ADD CONSTRAINT "GoalMastery_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMastery" ADD CONSTRAINT "GoalMastery_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "ProficiencyLevel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMastery" ADD CONSTRAINT "GoalMastery_baselineLevelId_fkey" FOREIGN KEY ("baselineLevelId") REFERENCES "ProficiencyLevel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroup" ADD CONSTRAINT "LearningGroup_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroup" ADD CONSTRAINT "LearningGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroupStandard" ADD CONSTRAINT "LearningGroupStandard_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "LearningGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroupStandard" ADD CONSTRAINT "LearningGroupStandard_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroupMember" ADD CONSTRAINT "LearningGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "LearningGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGroupMember" ADD CONSTRAINT "LearningGroupMember_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One policy per organization without a framework; one default level per scale; colours as hex.
CREATE UNIQUE INDEX "MasteryPolicy_organization_default_key" ON "MasteryPolicy"("organizationId") WHERE "frameworkId" IS NULL;
CREATE UNIQUE INDEX "ProficiencyLevel_one_default_key" ON "ProficiencyLevel"("scaleId") WHERE "isDefault";
ALTER TABLE "ProficiencyLevel" ADD CONSTRAINT "ProficiencyLevel_colour_check" CHECK ("colour" ~ '^#[0-9a-fA-F]{6}$');
ALTER TABLE "MasteryPolicy" ADD CONSTRAINT "MasteryPolicy_parameter_check" CHECK (
  ("method" IN ('MOST_RECENT', 'HIGHEST', 'AVERAGE') AND "parameter" IS NULL)
  OR ("method" = 'WEIGHTED_AVERAGE' AND "parameter" BETWEEN 1 AND 99)
  OR ("method" = 'DECAYING_AVERAGE' AND "parameter" BETWEEN 50 AND 99)
  OR ("method" = 'N_TIMES' AND "parameter" BETWEEN 1 AND 10)
);

-- The four levels every district had, as a scale of its own.
INSERT INTO "ProficiencyScale" ("id", "organizationId", "name", "description", "updatedAt")
SELECT 'scale_' || o."id", o."id", 'Four levels', 'Beginning, Developing, Proficient, Advanced', CURRENT_TIMESTAMP
FROM "Organization" o WHERE o."type" = 'DISTRICT';

INSERT INTO "ProficiencyLevel" ("id", "scaleId", "position", "name", "points", "colour", "description", "proficient", "isDefault")
SELECT 'level_' || l.key || '_' || s."organizationId", s."id", l.position, l.name, l.position, l.colour, l.description, l.position >= 3, l.position = 3
FROM "ProficiencyScale" s
CROSS JOIN (VALUES
  (1, 'BEGINNING', 'Beginning', '#b91c1c', 'Starting out; needs a lot of support'),
  (2, 'DEVELOPING', 'Developing', '#b45309', 'Getting there; some parts are secure'),
  (3, 'PROFICIENT', 'Proficient', '#15803d', 'Meets the goal on their own'),
  (4, 'ADVANCED', 'Advanced', '#1d4ed8', 'Goes beyond the goal')
) AS l(position, key, name, colour, description);

INSERT INTO "MasteryPolicy" ("id", "organizationId", "scaleId", "method", "parameter", "updatedAt", "recomputeAt")
SELECT 'policy_' || o."id", o."id", 'scale_' || o."id", 'MOST_RECENT', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Organization" o WHERE o."type" = 'DISTRICT';

INSERT INTO "MasteryPolicy" ("id", "organizationId", "scaleId", "method", "parameter", "updatedAt", "recomputeAt")
SELECT 'policy_' || o."id", o."id", 'scale_' || o."districtId",
  CASE o."masteryRule" WHEN 'HIGHEST' THEN 'HIGHEST'::"MasteryMethodKind" ELSE 'DECAYING_AVERAGE'::"MasteryMethodKind" END,
  CASE o."masteryRule" WHEN 'HIGHEST' THEN NULL ELSE 65 END,
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Organization" o WHERE o."type" <> 'DISTRICT' AND o."masteryRule" <> 'MOST_RECENT';

-- Ratings: the same level on the district's scale.
ALTER TABLE "Rating" ADD COLUMN "levelId" TEXT;
UPDATE "Rating" r SET "levelId" = 'level_' || r."level"::text || '_' || o."districtId"
FROM "Goal" g JOIN "Plan" p ON p."id" = g."planId" JOIN "Organization" o ON o."id" = p."schoolId"
WHERE g."id" = r."goalId";
ALTER TABLE "Rating" ALTER COLUMN "levelId" SET NOT NULL;
ALTER TABLE "Rating" DROP COLUMN "level";
CREATE INDEX "Rating_levelId_idx" ON "Rating"("levelId");
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "ProficiencyLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Organization" DROP COLUMN "masteryRule";
DROP TYPE "Proficiency";
DROP TYPE "MasteryRule";

-- Every district, however it is created (seed, admin, roster, tests), starts with the four-level
-- scale and a most-recent policy, so that a rating always has a scale and mastery a method.
CREATE FUNCTION "district_default_mastery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProficiencyScale" ("id", "organizationId", "name", "description", "updatedAt")
  VALUES ('scale_' || NEW."id", NEW."id", 'Four levels', 'Beginning, Developing, Proficient, Advanced', CURRENT_TIMESTAMP);
  INSERT INTO "ProficiencyLevel" ("id", "scaleId", "position", "name", "points", "colour", "description", "proficient", "isDefault")
  VALUES
    ('level_BEGINNING_' || NEW."id", 'scale_' || NEW."id", 1, 'Beginning', 1, '#b91c1c', 'Starting out; needs a lot of support', false, false),
    ('level_DEVELOPING_' || NEW."id", 'scale_' || NEW."id", 2, 'Developing', 2, '#b45309', 'Getting there; some parts are secure', false, false),
    ('level_PROFICIENT_' || NEW."id", 'scale_' || NEW."id", 3, 'Proficient', 3, '#15803d', 'Meets the goal on their own', true, true),
    ('level_ADVANCED_' || NEW."id", 'scale_' || NEW."id", 4, 'Advanced', 4, '#1d4ed8', 'Goes beyond the goal', true, false);
  INSERT INTO "MasteryPolicy" ("id", "organizationId", "scaleId", "method", "updatedAt")
  VALUES ('policy_' || NEW."id", NEW."id", 'scale_' || NEW."id", 'MOST_RECENT', CURRENT_TIMESTAMP);
  RETURN NEW;
END;
$$;

CREATE TRIGGER "district_default_mastery" AFTER INSERT ON "Organization"
FOR EACH ROW WHEN (NEW."type" = 'DISTRICT') EXECUTE FUNCTION "district_default_mastery"();
