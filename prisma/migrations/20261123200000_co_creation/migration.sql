-- CreateEnum
CREATE TYPE "PlanEventKind" AS ENUM ('STATUS', 'CHANGE_PROPOSED', 'CHANGE_APPROVED', 'CHANGE_DECLINED', 'CHANGE_WITHDRAWN', 'REVISION_RESTORED', 'TEMPLATE_UNLINKED', 'DELETED', 'UNDELETED');

-- CreateEnum
CREATE TYPE "ChangeStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('NONE', 'LINK', 'BOOK', 'PERSON', 'PLACE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RevisionKind" ADD VALUE 'RESTORED';
ALTER TYPE "RevisionKind" ADD VALUE 'CHANGE_APPROVED';
ALTER TYPE "RevisionKind" ADD VALUE 'TEMPLATE_UPDATED';

-- AlterEnum
ALTER TYPE "ActivitySetting" ADD VALUE 'TRAVEL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'CHANGE_PROPOSED';
ALTER TYPE "NotificationType" ADD VALUE 'CHANGE_DECIDED';
ALTER TYPE "NotificationType" ADD VALUE 'REFLECTION_ADDED';
ALTER TYPE "NotificationType" ADD VALUE 'REFLECTION_REPLIED';
ALTER TYPE "NotificationType" ADD VALUE 'COMMENT_REPLIED';
ALTER TYPE "NotificationType" ADD VALUE 'PROFILE_COMMENTED';

-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_goalId_fkey";

-- AlterTable
ALTER TABLE "StudentProfile" ADD COLUMN     "aspirations" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "engagement" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "expression" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "preferredSettings" "ActivitySetting"[] DEFAULT ARRAY[]::"ActivitySetting"[],
ADD COLUMN     "representation" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PlanTemplate" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "templateId" TEXT,
ADD COLUMN     "templateLinked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "templateVersion" INTEGER;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "resourceKind" "ResourceKind" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "resourceUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timing" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "withWhom" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT;

-- AlterTable
ALTER TABLE "PlanEvent" ADD COLUMN     "kind" "PlanEventKind" NOT NULL DEFAULT 'STATUS';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "changeId" TEXT,
ADD COLUMN     "reflectionId" TEXT;

-- CreateTable
CREATE TABLE "StudentProfileRevision" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" TEXT,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudentProfileRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfileComment" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfileComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateApplication" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "appliedById" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSyncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "proposedById" TEXT,
    "basedOnVersion" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "ChangeStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "goalId" TEXT,
    "authorId" TEXT,
    "learned" TEXT NOT NULL DEFAULT '',
    "hard" TEXT NOT NULL DEFAULT '',
    "next" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReflectionReply" (
    "id" TEXT NOT NULL,
    "reflectionId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReflectionReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudentProfileRevision_authorId_idx" ON "StudentProfileRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentProfileRevision_studentId_number_key" ON "StudentProfileRevision"("studentId", "number");

-- CreateIndex
CREATE INDEX "ProfileComment_studentId_createdAt_idx" ON "ProfileComment"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "ProfileComment_authorId_idx" ON "ProfileComment"("authorId");

-- CreateIndex
CREATE INDEX "TemplateApplication_classId_idx" ON "TemplateApplication"("classId");

-- CreateIndex
CREATE INDEX "TemplateApplication_appliedById_idx" ON "TemplateApplication"("appliedById");

-- CreateIndex
CREATE UNIQUE INDEX "TemplateApplication_templateId_classId_key" ON "TemplateApplication"("templateId", "classId");

-- CreateIndex
CREATE INDEX "PlanChange_planId_status_createdAt_idx" ON "PlanChange"("planId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PlanChange_proposedById_idx" ON "PlanChange"("proposedById");

-- CreateIndex
CREATE INDEX "PlanChange_decidedById_idx" ON "PlanChange"("decidedById");

-- CreateIndex
CREATE INDEX "Reflection_planId_createdAt_idx" ON "Reflection"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "Reflection_goalId_idx" ON "Reflection"("goalId");

-- CreateIndex
CREATE INDEX "Reflection_authorId_idx" ON "Reflection"("authorId");

-- CreateIndex
CREATE INDEX "ReflectionReply_reflectionId_createdAt_idx" ON "ReflectionReply"("reflectionId", "createdAt");

-- CreateIndex
CREATE INDEX "ReflectionReply_authorId_idx" ON "ReflectionReply"("authorId");

-- CreateIndex
CREATE INDEX "Plan_templateId_templateLinked_idx" ON "Plan"("templateId", "templateLinked");

-- CreateIndex
CREATE INDEX "Plan_studentId_deletedAt_idx" ON "Plan"("studentId", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_applicationId_studentId_key" ON "Plan"("applicationId", "studentId");

-- CreateIndex
CREATE INDEX "Comment_planId_parentId_resolvedAt_idx" ON "Comment"("planId", "parentId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_idx" ON "Comment"("parentId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_resolvedById_idx" ON "Comment"("resolvedById");

-- CreateIndex
CREATE INDEX "Notification_reflectionId_idx" ON "Notification"("reflectionId");

-- CreateIndex
CREATE INDEX "Notification_changeId_idx" ON "Notification"("changeId");

-- AddForeignKey
ALTER TABLE "StudentProfileRevision" ADD CONSTRAINT "StudentProfileRevision_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentProfileRevision" ADD CONSTRAINT "StudentProfileRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileComment" ADD CONSTRAINT "ProfileComment_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileComment" ADD CONSTRAINT "ProfileComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateApplication" ADD CONSTRAINT "TemplateApplication_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PlanTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateApplication" ADD CONSTRAINT "TemplateApplication_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateApplication" ADD CONSTRAINT "TemplateApplication_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PlanTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "TemplateApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionReply" ADD CONSTRAINT "ReflectionReply_reflectionId_fkey" FOREIGN KEY ("reflectionId") REFERENCES "Reflection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionReply" ADD CONSTRAINT "ReflectionReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reflectionId_fkey" FOREIGN KEY ("reflectionId") REFERENCES "Reflection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "PlanChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one pending proposed change per plan.
CREATE UNIQUE INDEX "PlanChange_one_pending_per_plan" ON "PlanChange"("planId") WHERE "status" = 'PENDING';

-- Profiles written before history was kept start their history with what they say now.
INSERT INTO "StudentProfileRevision" ("id", "studentId", "number", "authorId", "content", "createdAt")
SELECT 'profile-rev-1-' || p."userId", p."userId", 1, NULL,
       jsonb_build_object(
         'strengths', p."strengths", 'needs', p."needs", 'interests', p."interests",
         'learningPreferences', p."learningPreferences", 'aspirations', p."aspirations",
         'engagement', to_jsonb(p."engagement"), 'representation', to_jsonb(p."representation"),
         'expression', to_jsonb(p."expression"), 'preferredSettings', to_jsonb(p."preferredSettings")
       ),
       p."updatedAt"
FROM "StudentProfile" p;
