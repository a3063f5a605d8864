-- CreateTable
CREATE TABLE "CompetitionRound" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "budgetFen" BIGINT NOT NULL,
    "callOpensAt" TIMESTAMPTZ(3) NOT NULL,
    "callClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "publicityEndsAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetitionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetitionJudge" (
    "roundId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "accountId" UUID NOT NULL,

    CONSTRAINT "CompetitionJudge_pkey" PRIMARY KEY ("roundId","phase","accountId")
);

-- CreateTable
CREATE TABLE "CompetitionConflict" (
    "roundId" UUID NOT NULL,
    "judgeId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetitionConflict_pkey" PRIMARY KEY ("roundId","judgeId","organizationId")
);

-- CreateTable
CREATE TABLE "CommunityOrgRecord" (
    "organizationId" UUID NOT NULL,
    "recordNo" TEXT NOT NULL,
    "recordedOn" DATE NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityOrgRecord_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "CompetitionProposal" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "requestedFen" BIGINT NOT NULL,
    "capFen" BIGINT NOT NULL,
    "recorded" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "qualificationNote" TEXT,
    "awardFen" BIGINT,
    "fundingReason" TEXT,
    "midtermGrade" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompetitionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetitionAssignment" (
    "proposalId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "judgeId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3),
    "note" TEXT,

    CONSTRAINT "CompetitionAssignment_pkey" PRIMARY KEY ("proposalId","phase","judgeId")
);

-- CreateTable
CREATE TABLE "CompetitionScore" (
    "proposalId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "judgeId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "criteria" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "comment" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompetitionScore_pkey" PRIMARY KEY ("proposalId","phase","judgeId")
);

-- CreateTable
CREATE TABLE "CompetitionResult" (
    "proposalId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "roundId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "judges" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "rawMean" DOUBLE PRECISION NOT NULL,
    "trimmedMean" DOUBLE PRECISION NOT NULL,
    "normalised" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "outliers" INTEGER NOT NULL,
    "criterionMeans" JSONB NOT NULL,
    "tieTrace" JSONB NOT NULL,

    CONSTRAINT "CompetitionResult_pkey" PRIMARY KEY ("proposalId","phase")
);

-- CreateTable
CREATE TABLE "CompetitionObjection" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "filedById" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decision" TEXT,
    "decidedById" UUID,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CompetitionObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetitionPayment" (
    "proposalId" UUID NOT NULL,
    "tranche" INTEGER NOT NULL,
    "roundId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "orderedById" UUID NOT NULL,
    "confirmedById" UUID,
    "orderedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CompetitionPayment_pkey" PRIMARY KEY ("proposalId","tranche")
);

-- CreateTable
CREATE TABLE "CompetitionEvaluation" (
    "proposalId" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "roundId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "report" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompetitionEvaluation_pkey" PRIMARY KEY ("proposalId","stage")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompetitionRound_workflowId_key" ON "CompetitionRound"("workflowId");

-- CreateIndex
CREATE INDEX "CompetitionRound_stage_idx" ON "CompetitionRound"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityOrgRecord_recordNo_key" ON "CommunityOrgRecord"("recordNo");

-- CreateIndex
CREATE UNIQUE INDEX "CompetitionProposal_workflowId_key" ON "CompetitionProposal"("workflowId");

-- CreateIndex
CREATE INDEX "CompetitionProposal_roundId_status_idx" ON "CompetitionProposal"("roundId", "status");

-- CreateIndex
CREATE INDEX "CompetitionProposal_roundId_organizationId_idx" ON "CompetitionProposal"("roundId", "organizationId");

-- CreateIndex
CREATE INDEX "CompetitionAssignment_roundId_phase_judgeId_idx" ON "CompetitionAssignment"("roundId", "phase", "judgeId");

-- CreateIndex
CREATE INDEX "CompetitionScore_roundId_phase_idx" ON "CompetitionScore"("roundId", "phase");

-- CreateIndex
CREATE INDEX "CompetitionResult_roundId_phase_rank_idx" ON "CompetitionResult"("roundId", "phase", "rank");

-- CreateIndex
CREATE INDEX "CompetitionObjection_roundId_status_idx" ON "CompetitionObjection"("roundId", "status");

-- CreateIndex
CREATE INDEX "CompetitionPayment_roundId_status_idx" ON "CompetitionPayment"("roundId", "status");

-- AddForeignKey
ALTER TABLE "CompetitionJudge" ADD CONSTRAINT "CompetitionJudge_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CompetitionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetitionProposal" ADD CONSTRAINT "CompetitionProposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CompetitionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
