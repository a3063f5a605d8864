-- CreateTable
CREATE TABLE "CompetitionScoreDraft" (
    "proposalId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "judgeId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "criteria" JSONB NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompetitionScoreDraft_pkey" PRIMARY KEY ("proposalId","phase","judgeId")
);
