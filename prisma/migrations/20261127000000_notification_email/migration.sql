-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailDueAt" TIMESTAMP(3),
ADD COLUMN     "emailedAt" TIMESTAMP(3);


-- The outbox: the emails still to send, oldest first, without reading every notification.
CREATE INDEX "Notification_email_pending_idx" ON "Notification" ("emailDueAt") WHERE "emailDueAt" IS NOT NULL AND "emailedAt" IS NULL;
