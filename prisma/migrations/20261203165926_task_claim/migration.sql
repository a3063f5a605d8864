-- CreateTable
CREATE TABLE "TaskClaim" (
    "taskKey" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskClaim_pkey" PRIMARY KEY ("taskKey")
);

-- CreateIndex
CREATE INDEX "TaskClaim_accountId_idx" ON "TaskClaim"("accountId");
