-- CreateEnum
CREATE TYPE "FloorStatus" AS ENUM ('QUEUED', 'GRANTED', 'WITHDRAWN', 'DECLINED', 'ENDED');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "floorAllowCamera" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "floorAutoRevoke" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "floorLanguageBefore" TEXT,
ADD COLUMN     "floorSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "speakingTimeSeconds" INTEGER NOT NULL DEFAULT 180;

-- CreateTable
CREATE TABLE "FloorRequest" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "topic" TEXT,
    "status" "FloorStatus" NOT NULL DEFAULT 'QUEUED',
    "position" INTEGER NOT NULL DEFAULT 0,
    "addedByChair" BOOLEAN NOT NULL DEFAULT false,
    "declineReason" TEXT,
    "endReason" TEXT,
    "grantedAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "disconnectedAt" TIMESTAMP(3),
    "camera" BOOLEAN NOT NULL DEFAULT false,
    "screenShare" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FloorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FloorRequest_sessionId_status_position_idx" ON "FloorRequest"("sessionId", "status", "position");

-- CreateIndex
CREATE INDEX "FloorRequest_userId_status_idx" ON "FloorRequest"("userId", "status");

-- AddForeignKey
ALTER TABLE "FloorRequest" ADD CONSTRAINT "FloorRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FloorRequest" ADD CONSTRAINT "FloorRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one open request (queued or holding the floor) per person and session, whatever races.
CREATE UNIQUE INDEX "FloorRequest_open_key" ON "FloorRequest"("sessionId", "userId") WHERE "status" IN ('QUEUED', 'GRANTED');
