-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "floorLanguage" TEXT,
ADD COLUMN     "interpretationSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Booth" (
    "sessionId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "onAirId" UUID,
    "offerToId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Booth_pkey" PRIMARY KEY ("sessionId","language")
);

-- CreateTable
CREATE TABLE "InterpreterState" (
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "relay" TEXT NOT NULL DEFAULT 'floor',
    "micOpen" BOOLEAN NOT NULL DEFAULT false,
    "coughing" BOOLEAN NOT NULL DEFAULT false,
    "present" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterpreterState_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "ListenerRecord" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID,
    "listenLinkId" UUID,
    "listenerKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ListenerRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListenLink" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListenLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListenerRecord_sessionId_channel_endedAt_idx" ON "ListenerRecord"("sessionId", "channel", "endedAt");

-- CreateIndex
CREATE INDEX "ListenerRecord_listenerKey_endedAt_idx" ON "ListenerRecord"("listenerKey", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ListenLink_tokenHash_key" ON "ListenLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ListenLink_sessionId_idx" ON "ListenLink"("sessionId");

-- AddForeignKey
ALTER TABLE "Booth" ADD CONSTRAINT "Booth_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterpreterState" ADD CONSTRAINT "InterpreterState_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListenerRecord" ADD CONSTRAINT "ListenerRecord_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListenLink" ADD CONSTRAINT "ListenLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

