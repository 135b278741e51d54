-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "dismissReason" TEXT,
ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PresenterLink" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresenterLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PresenterLink_tokenHash_key" ON "PresenterLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PresenterLink_sessionId_idx" ON "PresenterLink"("sessionId");

-- CreateIndex
CREATE INDEX "Question_sessionId_seq_idx" ON "Question"("sessionId", "seq");

-- CreateIndex
CREATE INDEX "Vote_userId_idx" ON "Vote"("userId");

-- AddForeignKey
ALTER TABLE "PresenterLink" ADD CONSTRAINT "PresenterLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

