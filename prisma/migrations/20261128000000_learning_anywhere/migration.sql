-- CreateEnum
CREATE TYPE "LearningSetting" AS ENUM ('COMMUNITY', 'HOME', 'WORKPLACE', 'ONLINE', 'TRAVEL', 'OTHER');

-- CreateEnum
CREATE TYPE "LearningRecordStatus" AS ENUM ('RECORDED', 'SUGGESTED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "RecordAttachmentKind" AS ENUM ('FILE', 'LINK');

-- CreateEnum
CREATE TYPE "RecordLinkAction" AS ENUM ('LINKED', 'UNLINKED');

-- CreateTable
CREATE TABLE "LearningRecord" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "status" "LearningRecordStatus" NOT NULL DEFAULT 'RECORDED',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "setting" "LearningSetting" NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "happenedOn" DATE NOT NULL,
    "durationMinutes" INTEGER,
    "withWhom" TEXT NOT NULL DEFAULT '',
    "reviewRequestedAt" TIMESTAMP(3),
    "statementId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningRecordAttachment" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "kind" "RecordAttachmentKind" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "storageKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningRecordAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningRecordStandard" (
    "recordId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningRecordStandard_pkey" PRIMARY KEY ("recordId","standardId")
);

-- CreateTable
CREATE TABLE "LearningRecordGoal" (
    "recordId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningRecordGoal_pkey" PRIMARY KEY ("recordId","goalId")
);

-- CreateTable
CREATE TABLE "LearningRecordLinkEvent" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "action" "RecordLinkAction" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningRecordLinkEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordRating" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "raterId" TEXT,
    "levelId" TEXT NOT NULL,
    "feedback" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiTool" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "XapiTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiStatement" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "statement" JSONB NOT NULL,
    "verbId" TEXT NOT NULL,
    "actorKey" TEXT NOT NULL,
    "relatedAgentKeys" TEXT[],
    "activityId" TEXT,
    "relatedActivityIds" TEXT[],
    "registration" TEXT,
    "voidsId" TEXT,
    "voided" BOOLEAN NOT NULL DEFAULT false,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "stored" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "XapiStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiActivityStandard" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "XapiActivityStandard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LearningRecord_statementId_key" ON "LearningRecord"("statementId");

-- CreateIndex
CREATE INDEX "LearningRecord_studentId_status_happenedOn_id_idx" ON "LearningRecord"("studentId", "status", "happenedOn" DESC, "id");

-- CreateIndex
CREATE INDEX "LearningRecord_schoolId_idx" ON "LearningRecord"("schoolId");

-- CreateIndex
CREATE INDEX "LearningRecord_reviewRequestedAt_idx" ON "LearningRecord"("reviewRequestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LearningRecordAttachment_storageKey_key" ON "LearningRecordAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "LearningRecordAttachment_recordId_createdAt_idx" ON "LearningRecordAttachment"("recordId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningRecordStandard_standardId_idx" ON "LearningRecordStandard"("standardId");

-- CreateIndex
CREATE INDEX "LearningRecordGoal_goalId_idx" ON "LearningRecordGoal"("goalId");

-- CreateIndex
CREATE INDEX "LearningRecordLinkEvent_studentId_standardId_createdAt_idx" ON "LearningRecordLinkEvent"("studentId", "standardId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningRecordLinkEvent_recordId_createdAt_idx" ON "LearningRecordLinkEvent"("recordId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningRecordLinkEvent_standardId_idx" ON "LearningRecordLinkEvent"("standardId");

-- CreateIndex
CREATE INDEX "LearningRecordLinkEvent_actorId_idx" ON "LearningRecordLinkEvent"("actorId");

-- CreateIndex
CREATE INDEX "RecordRating_recordId_standardId_createdAt_idx" ON "RecordRating"("recordId", "standardId", "createdAt");

-- CreateIndex
CREATE INDEX "RecordRating_standardId_idx" ON "RecordRating"("standardId");

-- CreateIndex
CREATE INDEX "RecordRating_raterId_idx" ON "RecordRating"("raterId");

-- CreateIndex
CREATE INDEX "RecordRating_levelId_idx" ON "RecordRating"("levelId");

-- CreateIndex
CREATE UNIQUE INDEX "XapiTool_key_key" ON "XapiTool"("key");

-- CreateIndex
CREATE INDEX "XapiTool_schoolId_createdAt_idx" ON "XapiTool"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "XapiStatement_toolId_stored_seq_idx" ON "XapiStatement"("toolId", "stored", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_toolId_verbId_stored_idx" ON "XapiStatement"("toolId", "verbId", "stored");

-- CreateIndex
CREATE INDEX "XapiStatement_toolId_actorKey_stored_idx" ON "XapiStatement"("toolId", "actorKey", "stored");

-- CreateIndex
CREATE INDEX "XapiStatement_toolId_activityId_stored_idx" ON "XapiStatement"("toolId", "activityId", "stored");

-- CreateIndex
CREATE INDEX "XapiStatement_toolId_registration_idx" ON "XapiStatement"("toolId", "registration");

-- CreateIndex
CREATE UNIQUE INDEX "XapiStatement_seq_key" ON "XapiStatement"("seq");

-- CreateIndex
CREATE INDEX "XapiActivityStandard_standardId_idx" ON "XapiActivityStandard"("standardId");

-- CreateIndex
CREATE INDEX "XapiActivityStandard_createdById_idx" ON "XapiActivityStandard"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "XapiActivityStandard_districtId_activityId_standardId_key" ON "XapiActivityStandard"("districtId", "activityId", "standardId");

-- AddForeignKey
ALTER TABLE "LearningRecord" ADD CONSTRAINT "LearningRecord_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecord" ADD CONSTRAINT "LearningRecord_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecord" ADD CONSTRAINT "LearningRecord_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "XapiStatement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordAttachment" ADD CONSTRAINT "LearningRecordAttachment_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordStandard" ADD CONSTRAINT "LearningRecordStandard_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordStandard" ADD CONSTRAINT "LearningRecordStandard_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordGoal" ADD CONSTRAINT "LearningRecordGoal_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordGoal" ADD CONSTRAINT "LearningRecordGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordLinkEvent" ADD CONSTRAINT "LearningRecordLinkEvent_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordLinkEvent" ADD CONSTRAINT "LearningRecordLinkEvent_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningRecordLinkEvent" ADD CONSTRAINT "LearningRecordLinkEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRating" ADD CONSTRAINT "RecordRating_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRating" ADD CONSTRAINT "RecordRating_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRating" ADD CONSTRAINT "RecordRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRating" ADD CONSTRAINT "RecordRating_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "ProficiencyLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiTool" ADD CONSTRAINT "XapiTool_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiTool" ADD CONSTRAINT "XapiTool_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiStatement" ADD CONSTRAINT "XapiStatement_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "XapiTool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiActivityStandard" ADD CONSTRAINT "XapiActivityStandard_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiActivityStandard" ADD CONSTRAINT "XapiActivityStandard_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- related_agents / related_activities filters look inside these lists.
CREATE INDEX "XapiStatement_relatedAgentKeys_idx" ON "XapiStatement" USING GIN ("relatedAgentKeys");
CREATE INDEX "XapiStatement_relatedActivityIds_idx" ON "XapiStatement" USING GIN ("relatedActivityIds");

ALTER TABLE "LearningRecord" ADD CONSTRAINT "LearningRecord_duration_check" CHECK ("durationMinutes" IS NULL OR ("durationMinutes" > 0 AND "durationMinutes" <= 100000));

-- Statements are append-only: the one change ever made is voiding (false to true).
CREATE FUNCTION xapi_statement_append_only() RETURNS trigger AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."toolId" IS DISTINCT FROM OLD."toolId" OR NEW."statement" IS DISTINCT FROM OLD."statement"
     OR NEW."verbId" IS DISTINCT FROM OLD."verbId" OR NEW."actorKey" IS DISTINCT FROM OLD."actorKey"
     OR NEW."relatedAgentKeys" IS DISTINCT FROM OLD."relatedAgentKeys" OR NEW."activityId" IS DISTINCT FROM OLD."activityId"
     OR NEW."relatedActivityIds" IS DISTINCT FROM OLD."relatedActivityIds" OR NEW."registration" IS DISTINCT FROM OLD."registration"
     OR NEW."voidsId" IS DISTINCT FROM OLD."voidsId" OR NEW."timestamp" IS DISTINCT FROM OLD."timestamp"
     OR NEW."stored" IS DISTINCT FROM OLD."stored" OR NEW."seq" IS DISTINCT FROM OLD."seq"
     OR (OLD."voided" AND NOT NEW."voided") THEN
    RAISE EXCEPTION 'xAPI statements are append-only; only voiding changes one' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "XapiStatement_append_only" BEFORE UPDATE ON "XapiStatement"
  FOR EACH ROW EXECUTE FUNCTION xapi_statement_append_only();
