-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'RETENTION_DUE';

-- CreateTable
CREATE TABLE "DeletionCertificate" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectSourcedId" TEXT,
    "reason" TEXT NOT NULL,
    "removed" JSONB NOT NULL,
    "deletedById" TEXT,
    "deletedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletionCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "districtId" TEXT NOT NULL,
    "keepMonths" INTEGER,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("districtId")
);

-- CreateTable
CREATE TABLE "WriteRateCounter" (
    "writerId" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WriteRateCounter_pkey" PRIMARY KEY ("writerId","bucket","windowStart")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "DeletionCertificate_districtId_createdAt_id_idx" ON "DeletionCertificate"("districtId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DeletionCertificate_deletedById_idx" ON "DeletionCertificate"("deletedById");

-- CreateIndex
CREATE INDEX "RetentionPolicy_updatedById_idx" ON "RetentionPolicy"("updatedById");

-- CreateIndex
CREATE INDEX "WriteRateCounter_windowStart_idx" ON "WriteRateCounter"("windowStart");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "DeletionCertificate" ADD CONSTRAINT "DeletionCertificate_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeletionCertificate" ADD CONSTRAINT "DeletionCertificate_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionPolicy" ADD CONSTRAINT "RetentionPolicy_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionPolicy" ADD CONSTRAINT "RetentionPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Notifications from before email preferences were never waiting for a digest: close them, so the
-- first digest does not carry everyone's whole history.
UPDATE "Notification" SET "digestedAt" = now() WHERE "emailedAt" IS NULL AND "emailDueAt" IS NULL AND "digestedAt" IS NULL;
