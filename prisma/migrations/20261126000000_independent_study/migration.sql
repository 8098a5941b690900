-- Issue 8: independent study agreements (docs/decisions/independent-study.md).
-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "SignerRole" AS ENUM ('STUDENT', 'GUARDIAN', 'TEACHER', 'ASSISTANT');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('ASSIGNED', 'SUBMITTED', 'COMPLETED', 'MISSED');

-- CreateEnum
CREATE TYPE "EvaluationOutcome" AS ENUM ('CONTINUE_WITH_CHANGES', 'RETURN_TO_CLASSROOM');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'AGREEMENT_TO_SIGN';
ALTER TYPE "NotificationType" ADD VALUE 'AGREEMENT_ACTIVE';
ALTER TYPE "NotificationType" ADD VALUE 'EVALUATION_DUE';
ALTER TYPE "NotificationType" ADD VALUE 'EVALUATION_RECORDED';

-- AlterTable
ALTER TABLE "StudentProfile" ADD COLUMN     "birthDate" DATE;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "agreementId" TEXT;

-- CreateTable
CREATE TABLE "StudyPolicy" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "maxDaysToDue" JSONB NOT NULL,
    "missedAssignmentsLimit" INTEGER NOT NULL,
    "satisfactoryProgress" TEXT NOT NULL,
    "requiredSubjects" "Subject"[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudyPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolClosure" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "SchoolClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyAgreement" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "supervisingTeacherId" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "evaluationDueAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudyAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementAssistant" (
    "agreementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "AgreementAssistant_pkey" PRIMARY KEY ("agreementId","userId")
);

-- CreateTable
CREATE TABLE "AgreementRevision" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSignature" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "signerId" TEXT,
    "role" "SignerRole" NOT NULL,
    "typedName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyAssignment" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "subject" "Subject" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assignedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "evidenceId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "timeValueMinutes" INTEGER,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyEvaluation" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "outcome" "EvaluationOutcome" NOT NULL,
    "notes" TEXT NOT NULL,
    "returnOn" DATE,
    "missedCount" INTEGER NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudyPolicy_organizationId_key" ON "StudyPolicy"("organizationId");

-- CreateIndex
CREATE INDEX "StudyPolicy_updatedById_idx" ON "StudyPolicy"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolClosure_organizationId_day_key" ON "SchoolClosure"("organizationId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "StudyAgreement_planId_key" ON "StudyAgreement"("planId");

-- CreateIndex
CREATE INDEX "StudyAgreement_supervisingTeacherId_status_idx" ON "StudyAgreement"("supervisingTeacherId", "status");

-- CreateIndex
CREATE INDEX "StudyAgreement_evaluationDueAt_idx" ON "StudyAgreement"("evaluationDueAt");

-- CreateIndex
CREATE INDEX "AgreementAssistant_userId_idx" ON "AgreementAssistant"("userId");

-- CreateIndex
CREATE INDEX "AgreementRevision_authorId_idx" ON "AgreementRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementRevision_agreementId_number_key" ON "AgreementRevision"("agreementId", "number");

-- CreateIndex
CREATE INDEX "AgreementSignature_agreementId_revisionId_idx" ON "AgreementSignature"("agreementId", "revisionId");

-- CreateIndex
CREATE INDEX "AgreementSignature_signerId_idx" ON "AgreementSignature"("signerId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignature_revisionId_signerId_role_key" ON "AgreementSignature"("revisionId", "signerId", "role");

-- CreateIndex
CREATE INDEX "StudyAssignment_agreementId_dueOn_idx" ON "StudyAssignment"("agreementId", "dueOn");

-- CreateIndex
CREATE INDEX "StudyAssignment_agreementId_status_idx" ON "StudyAssignment"("agreementId", "status");

-- CreateIndex
CREATE INDEX "StudyAssignment_evidenceId_idx" ON "StudyAssignment"("evidenceId");

-- CreateIndex
CREATE INDEX "StudyAssignment_recordedById_idx" ON "StudyAssignment"("recordedById");

-- CreateIndex
CREATE INDEX "StudyEvaluation_agreementId_createdAt_idx" ON "StudyEvaluation"("agreementId", "createdAt");

-- CreateIndex
CREATE INDEX "StudyEvaluation_recordedById_idx" ON "StudyEvaluation"("recordedById");

-- CreateIndex
CREATE INDEX "Notification_agreementId_idx" ON "Notification"("agreementId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPolicy" ADD CONSTRAINT "StudyPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPolicy" ADD CONSTRAINT "StudyPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolClosure" ADD CONSTRAINT "SchoolClosure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAgreement" ADD CONSTRAINT "StudyAgreement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAgreement" ADD CONSTRAINT "StudyAgreement_supervisingTeacherId_fkey" FOREIGN KEY ("supervisingTeacherId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAssistant" ADD CONSTRAINT "AgreementAssistant_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAssistant" ADD CONSTRAINT "AgreementAssistant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementRevision" ADD CONSTRAINT "AgreementRevision_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementRevision" ADD CONSTRAINT "AgreementRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "AgreementRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAssignment" ADD CONSTRAINT "StudyAssignment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAssignment" ADD CONSTRAINT "StudyAssignment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAssignment" ADD CONSTRAINT "StudyAssignment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyEvaluation" ADD CONSTRAINT "StudyEvaluation_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "StudyAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyEvaluation" ADD CONSTRAINT "StudyEvaluation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- What was sent for signatures is immutable: the database hashes it on insert and refuses any
-- change, except the cascade with its agreement and the author set to NULL when that person is
-- deleted (foreign-key actions, depth > 1), as for PlanRevision.
CREATE FUNCTION "agreement_revision_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."contentHash" := encode(sha256(convert_to(NEW."content"::text, 'UTF8')), 'hex');
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF pg_trigger_depth() > 1 AND NEW."authorId" IS NULL
       AND (NEW."id", NEW."agreementId", NEW."number", NEW."content", NEW."contentHash", NEW."createdAt")
           IS NOT DISTINCT FROM (OLD."id", OLD."agreementId", OLD."number", OLD."content", OLD."contentHash", OLD."createdAt") THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'agreement revisions are immutable' USING ERRCODE = 'integrity_constraint_violation';
  ELSIF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'agreement revisions are deleted only with their agreement' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER "agreement_revision_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AgreementRevision"
  FOR EACH ROW EXECUTE FUNCTION "agreement_revision_guard"();

-- A signature binds to the hash of the revision it names.
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_typedName_check" CHECK (length(btrim("typedName")) > 0);
ALTER TABLE "StudyPolicy" ADD CONSTRAINT "StudyPolicy_missedAssignmentsLimit_check" CHECK ("missedAssignmentsLimit" BETWEEN 1 AND 20);
ALTER TABLE "StudyAssignment" ADD CONSTRAINT "StudyAssignment_due_check" CHECK ("dueOn" >= "assignedOn");
