-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "participantSid" TEXT,
ADD COLUMN     "userId" UUID;

-- Rows recorded before per-view identities named the person by the identity itself (the user id).
UPDATE "Attendance" SET "userId" = substring("identity" from 1 for 36)::uuid
 WHERE "identity" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:|$)';

-- CreateIndex
CREATE INDEX "Attendance_sessionId_userId_idx" ON "Attendance"("sessionId", "userId");
