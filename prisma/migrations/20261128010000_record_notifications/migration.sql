-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'RECORD_REVIEW_REQUESTED';
ALTER TYPE "NotificationType" ADD VALUE 'RECORD_RATED';
ALTER TYPE "NotificationType" ADD VALUE 'RECORD_SUGGESTED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "recordId" TEXT;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "LearningRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "Notification_recordId_idx" ON "Notification"("recordId");
